// Group commit on its own: a batch per turn of the event loop, each caller hears its own
// outcome, and a failed batch fails only its own callers. (The writer thread: writer-thread.test.js.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupCommit } from '../src/store/group-commit.js';


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
