// The cap on password hashes at once: a few run, a few wait their turn in order, the rest are told 'busy'.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashSlots } from '../src/dashboard/hash-slots.js';

/** Work that finishes when the test says. */
function held() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('hash slots', () => {
  it('runs up to `slots` at once, queues up to `queue`, and turns the rest away without running them', async () => {
    const slots = hashSlots({ slots: 2, queue: 1 });
    const jobs = [held(), held(), held()];
    const started: number[] = [];
    const runs = jobs.map((job, i) => slots.run(() => (started.push(i), job.work())));
    let ranExtra = false;
    assert.equal(await slots.run(async () => (ranExtra = true)), 'busy');
    assert.equal(ranExtra, false);
    assert.deepEqual([slots.active, slots.waiting], [2, 1]);
    assert.deepEqual(started, [0, 1]);
    jobs[0]?.finish();
    await runs[0];
    assert.deepEqual(started, [0, 1, 2], 'the queued one takes the freed slot');
    assert.deepEqual([slots.active, slots.waiting], [2, 0]);
    jobs[1]?.finish();
    jobs[2]?.finish();
    await Promise.all(runs);
    assert.deepEqual([slots.active, slots.waiting], [0, 0]);
  });

  it('frees the slot when the work fails', async () => {
    const slots = hashSlots({ slots: 1, queue: 0 });
    await assert.rejects(slots.run(() => Promise.reject(new Error('scrypt failed'))), /scrypt failed/);
    assert.equal(await slots.run(async () => 'ran'), 'ran');
  });
});
