// Rate limits per IP and per site: 429 with Retry-After, counted in memory and shared through
// the store (every FLUSH_MS) by every collector process on one database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { addressKey, batchedCounters, FLUSH_MS, WINDOW_MS } from '../src/rate-limit.js';
import { createCollector, databaseFile } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { httpClient, makeSubmission, ORIGIN, post, startTestCollector, tempDir } from '../test-support/helpers.js';
import type { AddressInfo } from 'node:net';
import type { CounterStore } from '../src/store/store.js';
import type { ApiAnswer } from '../test-support/helpers.js';
import { postFrom } from '../test-support/from-address.js';

function assertLimited(response: { status: number, headers: Headers, json?: ApiAnswer }) {
  assert.equal(response.status, 429);
  const after = Number(response.headers.get('retry-after'));
  assert.ok(Number.isInteger(after) && after >= 1 && after <= 60, `Retry-After: ${response.headers.get('retry-after')}`);
  assert.ok(response.json!.error);
}

describe('rate limits', () => {
  it('counts the hits on their way to the store until its total comes back, and keeps them when it fails', async () => {
    const store = openSqliteStore({ file: join(tempDir(), 'tandem.sqlite') });
    let release: () => void = () => {};
    let fail = false;
    const held: CounterStore = {
      async addHits(entries, now) {
        await new Promise((resolve) => (release = () => resolve(undefined)));
        if (fail) throw new Error('the store is busy');
        return store.counters.addHits(entries, now);
      },
    };
    const errors: Error[] = [];
    const counters = batchedCounters(held, { flushMs: WINDOW_MS, onError: (error) => errors.push(error) });
    const now = Date.now();
    const hit = () => counters.hit('participant:me', WINDOW_MS, now).hits;
    try {
      assert.deepEqual([hit(), hit(), hit()], [1, 2, 3]);
      let flushed = counters.flush();
      assert.equal(hit(), 4, 'the three being written still count');
      release();
      await flushed;
      assert.equal(hit(), 5, 'the store said 3; the two since are this process\'s');
      fail = true;
      flushed = counters.flush();
      release();
      await flushed;
      assert.equal(errors.length, 1);
      assert.equal(hit(), 6, 'the two the store refused still count');
      fail = false;
      flushed = counters.flush();
      release();
      await flushed;
      assert.equal(hit(), 7, 'and reached the store with the next flush');
    } finally {
      await store.close();
    }
  });

  it('limits one IP address, counting refused bodies too', async () => {
    const collector = await startTestCollector({ limits: { perIpPerMinute: 5, perSitePerMinute: 1000 } });
    try {
      for (let i = 0; i < 4; i++) assert.equal((await post(collector.url, makeSubmission())).status, 201);
      assert.equal((await post(collector.url, '{')).status, 400);
      assertLimited(await post(collector.url, makeSubmission()));
      assertLimited(await post(collector.url, '{'));
      // The site's origin can read the 429, so the outbox can honour Retry-After.
      assert.equal((await post(collector.url, makeSubmission())).headers.get('access-control-allow-origin'), ORIGIN);
    } finally {
      await collector.close();
    }
  });

  it('limits one site, leaving other sites alone', async () => {
    const collector = await startTestCollector({
      limits: { perIpPerMinute: 1000, perSitePerMinute: 1000, perIpPerMinuteWhenBusy: 2 },
      sites: [
        { id: 'adult-social-care', origins: [ORIGIN], perMinute: 3 },
        { id: 'other-site', origins: [ORIGIN] },
      ],
    });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await post(collector.url, makeSubmission())).status, 201);
      assertLimited(await post(collector.url, makeSubmission()));
      assert.equal((await post(collector.url, makeSubmission({ site: 'other-site' }))).status, 201);
    } finally {
      await collector.close();
    }
  });

  // Eleven addresses, each under its own limit, used to fill a site's minute in 4 s, and then
  // every resident got 429 for the rest of it.
  it('keeps a busy site open to residents: only the addresses that sent many wait, up to a ceiling', async () => {
    const collector = await startTestCollector({ limits: { perIpPerMinute: 1000, perSitePerMinute: 30, perIpPerMinuteWhenBusy: 5 } });
    try {
      const attackers = Array.from({ length: 11 }, (_, i) => `127.0.0.${i + 2}`);
      const statuses = new Map<string, number[]>();
      for (let round = 0; round < 8; round++) {
        for (const address of attackers) {
          const { status } = await postFrom(address, collector.url, makeSubmission());
          statuses.set(address, [...(statuses.get(address) ?? []), status]);
        }
      }
      // 88 answers against a limit of 30: each attacker's first five went through, the rest wait.
      for (const [address, seen] of statuses) assert.deepEqual(seen, [201, 201, 201, 201, 201, 429, 429, 429], address);
      const resident = await postFrom('127.0.0.50', collector.url, makeSubmission());
      assert.equal(resident.status, 201, 'a resident who sends one answer is not made to wait');
      // Past five times the limit (150 this minute), the site waits for everyone.
      for (let i = 0; i < 62; i++) await postFrom(attackers[i % attackers.length] as string, collector.url, makeSubmission());
      const late = await postFrom('127.0.0.51', collector.url, makeSubmission());
      assert.equal(late.status, 429);
      assert.ok(Number(late.retryAfter) >= 1 && Number(late.retryAfter) <= 60);
    } finally {
      await collector.close();
    }
  });

  it('is generous by default: 50 people behind one address can each answer', async () => {
    const collector = await startTestCollector({ limits: { perIpPerMinute: 600, perSitePerMinute: 6000 } });
    try {
      // Fifty people, each a vote and a form answer, each retried once by a flaky connection.
      const statuses = [];
      for (let person = 0; person < 50; person++) {
        for (const submission of [makeSubmission({ answers: { useful: false } }), makeSubmission()]) {
          statuses.push((await post(collector.url, submission)).status, (await post(collector.url, submission)).status);
        }
      }
      assert.equal(statuses.filter((status) => status === 429).length, 0);
      assert.equal(await collector.store.submissions.count(), 100);
    } finally {
      await collector.close();
    }
  });

  it('counts the client address from X-Forwarded-For only behind a trusted proxy', async () => {
    const trusting = await startTestCollector({ trustProxy: '127.0.0.1', limits: { perIpPerMinute: 2, perSitePerMinute: 1000 } });
    const direct = await startTestCollector({ trustProxy: false, limits: { perIpPerMinute: 2, perSitePerMinute: 1000 } });
    try {
      for (const client of ['198.51.100.1', '198.51.100.2']) {
        const headers = { 'x-forwarded-for': client };
        assert.equal((await post(trusting.url, makeSubmission(), headers)).status, 201);
        assert.equal((await post(trusting.url, makeSubmission(), headers)).status, 201);
        assertLimited(await post(trusting.url, makeSubmission(), headers));
      }
      // Not trusted: the header is ignored, so forging it does not buy more answers.
      assert.equal((await post(direct.url, makeSubmission(), { 'x-forwarded-for': '198.51.100.1' })).status, 201);
      assert.equal((await post(direct.url, makeSubmission(), { 'x-forwarded-for': '198.51.100.2' })).status, 201);
      assertLimited(await post(direct.url, makeSubmission(), { 'x-forwarded-for': '198.51.100.3' }));
    } finally {
      await trusting.close();
      await direct.close();
    }
  });

  it('believes X-Forwarded-For only from a named proxy address', async () => {
    const collector = await startTestCollector({ trustProxy: ['127.0.0.2'], limits: { perIpPerMinute: 2, perSitePerMinute: 1000 } });
    const proxy = httpClient(4, { localAddress: '127.0.0.2' });
    const resident = httpClient(4, { localAddress: '127.0.0.3' });
    const send = (client: typeof proxy, forwardedFor: string) => client.request(`${collector.url}/v1/submissions`, {
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN, 'x-forwarded-for': forwardedFor },
      body: JSON.stringify(makeSubmission()),
    }).then((response) => response.status);
    try {
      // Not the proxy: a new made-up address each time still counts as 127.0.0.3.
      assert.deepEqual([await send(resident, '198.51.100.7'), await send(resident, '198.51.100.8'), await send(resident, '198.51.100.9')], [201, 201, 429]);
      // Through the proxy: each forwarded address has its own limit.
      assert.deepEqual([await send(proxy, '198.51.100.1'), await send(proxy, '198.51.100.1'), await send(proxy, '198.51.100.1')], [201, 201, 429]);
      assert.equal(await send(proxy, '198.51.100.2'), 201);
    } finally {
      proxy.close();
      resident.close();
      await collector.close();
    }
  });

  it('shares its counters through the store between collector processes', async () => {
    const first = await startTestCollector({ limits: { perIpPerMinute: 4, perSitePerMinute: 1000 } });
    // A second app with its own connection to the database, as a second process would have.
    const secondStore = openSqliteStore({ file: databaseFile(first.dir) });
    const second = await createCollector(first.config, { store: secondStore });
    await second.listen({ host: '127.0.0.1', port: 0 });
    const secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
    // A process hears of the other's hits when its own next reach the store (every FLUSH_MS).
    const shared = () => new Promise((done) => setTimeout(done, 2 * FLUSH_MS + 50));
    /** Posts to one process until it refuses; resolves how many it took first. */
    const acceptedBeforeLimit = async (url: string) => {
      for (let accepted = 0; accepted < 4; accepted++) {
        const response = await post(url, makeSubmission());
        if (response.status === 429) return accepted;
        assert.equal(response.status, 201);
        await shared();
      }
      assert.fail(`${url} never applied the shared limit`);
    };
    try {
      for (const url of [first.url, first.url, secondUrl, secondUrl]) assert.equal((await post(url, makeSubmission())).status, 201);
      await shared();
      // Four hits so far, two in each: alone, each process would take two more.
      assert.ok((await acceptedBeforeLimit(first.url)) <= 1);
      assert.ok((await acceptedBeforeLimit(secondUrl)) <= 1);
    } finally {
      await second.close();
      await secondStore.close();
      await first.close();
    }
  });

  it('counts an IPv6 address by its /64, and an IPv4-mapped one as IPv4', () => {
    const cases = {
      '203.0.113.7': '203.0.113.7',
      '::ffff:203.0.113.7': '203.0.113.7',
      '2001:db8:1:2:3:4:5:6': '2001:db8:1:2::/64',
      '2001:DB8:0001:0002:ffff::9': '2001:db8:1:2::/64',
      '2001:db8::1': '2001:db8:0:0::/64',
      '2001:db8:1::2:3:4:5': '2001:db8:1:0::/64',
      '1:2::4:5:6:192.0.2.1': '1:2:0:4::/64',
      'fe80::1%eth0': 'fe80:0:0:0::/64',
      '::1': '0:0:0:0::/64',
    };
    for (const [ip, key] of Object.entries(cases)) assert.equal(addressKey(ip), key, ip);
  });
});
