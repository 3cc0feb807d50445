// Group commit and the writer thread on their own: batches form while one commits, each caller
// hears its own outcome, and a writer thread that cannot start refuses its batch, then retries.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { groupCommit } from '../src/store/group-commit.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { writerThread } from '../src/store/writer-thread.js';
import { toRecord } from '../src/submission.js';
import { makeSubmission, tempDir } from '../test-support/helpers.js';

const dir = tempDir('tandem-group-commit-');
after(() => rmSync(dir, { recursive: true, force: true }));

describe('group commit', () => {
  it('commits one batch at a time; what arrives meanwhile goes together in the next', async () => {
    /** @type {number[][]} */
    const batches = [];
    /** @type {(() => void)[]} */
    const finish = [];
    const writer = groupCommit((/** @type {number[]} */ items) => {
      batches.push(items);
      return new Promise((resolve) => finish.push(() => resolve(items.map((item) => item * 10))));
    });
    const first = [writer.write(1), writer.write(2)];
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(batches, [[1, 2]]);
    const waiting = [3, 4, 5].map((item) => writer.write(item));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(batches, [[1, 2]], 'no second batch while the first commits');
    finish.shift()?.();
    assert.deepEqual(await Promise.all(first), [10, 20]);
    assert.deepEqual(batches, [[1, 2], [3, 4, 5]]);
    const drained = writer.drain();
    finish.shift()?.();
    await drained;
    assert.deepEqual(await Promise.all(waiting), [30, 40, 50]);
  });

  it('fails every caller of a failed batch, and goes on with the next', async () => {
    let calls = 0;
    const writer = groupCommit(async (/** @type {number[]} */ items) => {
      if (++calls === 1) throw new Error('disk full');
      return items;
    });
    const failed = await Promise.allSettled([writer.write(1), writer.write(2)]);
    assert.deepEqual(failed.map((result) => result.status), ['rejected', 'rejected']);
    assert.equal(await writer.write(3), 3);
  });
});

describe('writer thread', () => {
  it('refuses a batch when its thread cannot open the database, and starts a new thread for the next', async () => {
    const file = join(dir, 'made-later', 'tandem.sqlite');
    const writes = writerThread({ file, synchronous: 'full', busyTimeoutMs: 50 });
    await assert.rejects(writes.commit([]), /directory does not exist/);
    // The folder and the database appear (as when a volume is mounted late): the next batch is stored.
    await openSqliteStore({ file }).close();
    const submission = toRecord(/** @type {any} */ (makeSubmission()), Date.now());
    assert.deepEqual(await writes.commit([submission]), ['created']);
    await writes.close();
  });
});
