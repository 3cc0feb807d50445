// Group commit and the writer thread on their own: a batch per turn of the event loop, each
// caller hears its own outcome, the writer joins the batches waiting for it into one
// transaction, and a writer thread that cannot start refuses its batch, then starts again.
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
  it('sends what arrives in one turn of the event loop as one batch, without waiting for earlier batches', async () => {
    const batches: number[][] = [];
    const finish: (() => void)[] = [];
    const writer = groupCommit((items: number[]) => {
      batches.push(items);
      return new Promise<number[]>((resolve) => finish.push(() => resolve(items.map((item) => item * 10))));
    }, { maxBatch: 3 });
    const first = [1, 2].map((item) => writer.write(item));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(batches, [[1, 2]]);
    // The first batch has not finished; the next turn's items go anyway, at most maxBatch a batch.
    const next = [3, 4, 5, 6].map((item) => writer.write(item));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(batches, [[1, 2], [3, 4, 5], [6]]);
    // Each caller hears its own outcome when its batch finishes.
    finish[1]();
    assert.deepEqual(await Promise.all(next.slice(0, 3)), [30, 40, 50]);
    const drained = writer.drain();
    finish[0]();
    finish[2]();
    await drained;
    assert.deepEqual(await Promise.all([...first, next[3]]), [10, 20, 60]);
  });

  it('sends a batch as soon as sendAt items wait, without waiting for the end of the turn', async () => {
    const batches: number[][] = [];
    const writer = groupCommit(async (items: number[]) => (batches.push(items), items), { sendAt: 2 });
    const written = [1, 2, 3].map((item) => writer.write(item));
    assert.deepEqual(batches, [[1, 2]], 'the first two went at once');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(batches, [[1, 2], [3]], 'the rest went at the end of the turn');
    assert.deepEqual(await Promise.all(written), [1, 2, 3]);
  });

  it('fails every caller of a failed batch, and goes on with the next', async () => {
    let calls = 0;
    const writer = groupCommit(async (items: number[]) => {
      if (++calls === 1) throw new Error('disk full');
      return items;
    });
    const failed = await Promise.allSettled([writer.write(1), writer.write(2)]);
    assert.deepEqual(failed.map((result) => result.status), ['rejected', 'rejected']);
    assert.equal(await writer.write(3), 3);
  });
});

describe('writer thread', () => {
  it('joins the batches waiting for it into one transaction: they commit, or fail, together', async () => {
    const file = join(dir, 'joined.sqlite');
    await openSqliteStore({ file }).close();
    const writes = writerThread({ file, synchronous: 'full', busyTimeoutMs: 50 });
    const fresh = () => toRecord(makeSubmission(), Date.now());
    // Sent before the new thread has read any: the first message's turn finds the others waiting.
    const good = [writes.commit([fresh(), fresh()]), writes.commit([fresh()])];
    // A column of the wrong type (a bug upstream) makes SQLite refuse the whole transaction.
    const bad = writes.commit([{ ...fresh(), fillMs: 'slow' as unknown as number }]);
    const settled = await Promise.allSettled([...good, bad]);
    assert.deepEqual(settled.map((result) => result.status), ['rejected', 'rejected', 'rejected']);
    // Alone, each batch has its own fate.
    assert.deepEqual(await writes.commit([fresh(), fresh()]), ['created', 'created']);
    await writes.close();
    const store = openSqliteStore({ file });
    assert.equal(await store.countSubmissions(), 2);
    await store.close();
  });

  it('refuses a batch when its thread cannot open the database, and starts a new thread for the next', async () => {
    const file = join(dir, 'made-later', 'tandem.sqlite');
    const writes = writerThread({ file, synchronous: 'full', busyTimeoutMs: 50 });
    await assert.rejects(writes.commit([]), /directory does not exist/);
    // The folder and the database appear (as when a volume is mounted late): the next batch is stored.
    await openSqliteStore({ file }).close();
    const submission = toRecord(makeSubmission(), Date.now());
    assert.deepEqual(await writes.commit([submission]), ['created']);
    await writes.close();
  });
});
