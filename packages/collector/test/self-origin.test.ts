// "self" among a site's origins: the pages the collector serves itself (the example site) may
// send answers on whatever host and port it was started, and nothing else gets in by it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EXAMPLE_CONFIG, loadConfig } from '../src/config.js';
import { EXAMPLE_ENV, makeSubmission, post, startTestCollector } from '../test-support/helpers.js';

let collector: Awaited<ReturnType<typeof startTestCollector>>;
before(async () => {
  // The example's own site, as `npm start` configures it, on a port picked at random.
  const { sites } = loadConfig({ file: EXAMPLE_CONFIG, env: EXAMPLE_ENV });
  collector = await startTestCollector({ sites });
});
after(() => collector.close());

describe('the example site on any port', () => {
  it('takes answers from pages the collector serves, on the port it was given', async () => {
    assert.deepEqual(loadConfig({ file: EXAMPLE_CONFIG, env: EXAMPLE_ENV }).sites[0]?.origins, ['self']);
    const reply = await post(collector.url, makeSubmission(), { origin: collector.url });
    assert.equal(reply.status, 201, reply.text);
  });

  it('refuses another port on the same host, and a request claiming the origin "self"', async () => {
    const otherPort = new URL(collector.url);
    otherPort.port = String(Number(otherPort.port) + 1);
    for (const origin of [otherPort.origin, 'self', 'http://localhost:8080']) {
      const reply = await post(collector.url, makeSubmission(), { origin });
      assert.equal(reply.status, 403, origin);
      assert.equal(reply.json?.problems?.[0]?.field, 'origin');
    }
  });
});
