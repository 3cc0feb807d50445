// Slow clients: a connection that trickles its headers or its body, or sits idle, is closed
// by the configured timeouts (short here), so a few hundred such sockets cannot hold the
// server; an honest request beside them still succeeds.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { checkConfig, DEFAULTS } from '../src/config.js';
import { makeSubmission, ORIGIN, post, startTestCollector } from '../test-support/helpers.js';

const TIMEOUTS = { headersMs: 300, requestMs: 1000, idleMs: 400, keepAliveMs: 200 };
/** Far beyond every timeout: a socket still open then was never going to be closed. */
const GIVE_UP_MS = 5000;

let collector: Awaited<ReturnType<typeof startTestCollector>>;
before(async () => {
  collector = await startTestCollector({ timeouts: TIMEOUTS });
});
after(() => collector.close());

/**
 * Opens a raw connection, sends `start`, then one byte of `trickle` every 100 ms (each byte
 * keeps the socket from ever being idle). Resolves how long it stayed open and what it got.
 */
function trickle(start: string, trickle: string) {
  const { port } = new URL(collector.url);
  return new Promise<{ openMs: number, answer: string }>((resolve, reject) => {
    const opened = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port: Number(port) }, () => socket.write(start));
    let sent = 0;
    let answer = '';
    const drip = trickle ? setInterval(() => socket.write(trickle[sent++ % trickle.length] as string), 100) : undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${GIVE_UP_MS} ms`));
    }, GIVE_UP_MS);
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => {}); // a reset is one way of being closed
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve({ openMs: Date.now() - opened, answer });
    });
  });
}

describe('server timeouts', () => {
  it('closes a connection that trickles its body, at timeouts.requestMs', async () => {
    const body = JSON.stringify(makeSubmission());
    const headers = `POST /v1/submissions HTTP/1.1\r\nHost: x\r\nOrigin: ${ORIGIN}\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { openMs, answer } = await trickle(headers, body);
    assert.ok(openMs >= TIMEOUTS.requestMs - 50, `closed after ${openMs} ms, before the request timeout`);
    assert.match(answer, /^(HTTP\/1\.1 408|$)/, 'a 408, or closed with no answer');
    assert.equal(await collector.store.submissions.count(), 0);
  });

  it('closes a connection that trickles its headers, at timeouts.headersMs', async () => {
    const { openMs } = await trickle('GET /health HTTP/1.1\r\nHost: x\r\n', 'X-Slow: a\r\n');
    assert.ok(openMs >= TIMEOUTS.headersMs - 50, `closed after ${openMs} ms`);
  });

  it('closes a connection that stops sending in the middle of its body, at timeouts.idleMs', async () => {
    const { openMs } = await trickle(`POST /v1/submissions HTTP/1.1\r\nHost: x\r\nOrigin: ${ORIGIN}\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 100\r\n\r\n{`, '');
    assert.ok(openMs >= TIMEOUTS.idleMs - 50 && openMs < TIMEOUTS.requestMs, `closed after ${openMs} ms`);
  });

  it('closes a kept-alive connection left silent after its answer, at timeouts.keepAliveMs', async () => {
    const { openMs, answer } = await trickle('GET /health HTTP/1.1\r\nHost: x\r\n\r\n', '');
    assert.match(answer, /^HTTP\/1\.1 200/);
    // Node waits one second more than keepAliveTimeout, for a request already on its way.
    assert.ok(openMs >= TIMEOUTS.keepAliveMs - 50 && openMs < TIMEOUTS.keepAliveMs + 1500, `closed after ${openMs} ms`);
  });

  it('still takes an honest answer while slow clients are held', async () => {
    const body = JSON.stringify(makeSubmission());
    const slow = Array.from({ length: 50 }, () => trickle(`POST /v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`, body));
    assert.equal((await post(collector.url, makeSubmission())).status, 201);
    await Promise.all(slow);
  });

  it('refuses a header timeout longer than the request timeout, naming both', () => {
    const config = { ...DEFAULTS, sites: [{ id: 'a', origins: [ORIGIN] }], timeouts: { ...TIMEOUTS, headersMs: 1000, requestMs: 500 } };
    assert.throws(() => checkConfig(config), /timeouts\.headersMs: must be at most timeouts\.requestMs/);
  });
});
