// Exactly once under concurrency: 1,000 submissions, each sent three times at the same moment
// (as an outbox retrying over a flaky connection might), leave exactly 1,000 rows.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { httpClient, makeSubmission, ORIGIN, pool, startTestCollector } from '../test-support/helpers.js';

const SUBMISSIONS = 1000;
const COPIES = 3;

let collector: Awaited<ReturnType<typeof startTestCollector>>;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

it(`stores ${SUBMISSIONS} submissions sent ${COPIES} times each concurrently as ${SUBMISSIONS} rows`, { timeout: 120000 }, async () => {
  const submissions = Array.from({ length: SUBMISSIONS }, (_, i) =>
    makeSubmission(i % 2 ? { answers: { useful: i % 4 === 1 } } : { answers: { trying: `Need number ${i}` } }),
  );
  const client = httpClient(96);
  const send = (submission: object) =>
    client
      .request(`${collector.url}/v1/submissions`, { headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN }, body: JSON.stringify(submission) })
      .then((response) => ({ status: response.status, json: JSON.parse(response.text) }));
  const started = performance.now();
  // 32 ids at a time, all copies of an id in flight together: 96 requests racing.
  const results = await pool(submissions, 32, (submission) => Promise.all(Array.from({ length: COPIES }, () => send(submission))));
  const seconds = (performance.now() - started) / 1000;
  client.close();

  let created = 0;
  for (const [i, copies] of results.entries()) {
    const statuses = copies.map((copy) => copy.status).sort();
    assert.deepEqual(statuses, [200, 200, 201], `submission ${i}: ${statuses}`);
    for (const copy of copies) assert.deepEqual(copy.json, { id: submissions[i]?.id });
    created += statuses.filter((status) => status === 201).length;
  }
  assert.equal(created, SUBMISSIONS);
  assert.equal(await collector.store.submissions.count(), SUBMISSIONS);
  console.log(`# exactly-once: ${SUBMISSIONS * COPIES} requests in ${seconds.toFixed(2)} s (${Math.round((SUBMISSIONS * COPIES) / seconds)} req/s), ${SUBMISSIONS} rows`);
});
