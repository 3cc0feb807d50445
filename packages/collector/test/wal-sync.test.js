// The off-loop WAL sync: an answer is acknowledged only after an fsync that began after its
// commit, and calls that arrive while one runs share the next, so a busy collector syncs rarely.
import assert from 'node:assert/strict';
import { fsync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { walSyncer } from '../src/store/wal-sync.js';

describe('WAL sync off the event loop', () => {
  it('resolves each call only after an fsync that started after it, sharing fsyncs between calls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-wal-'));
    const file = join(dir, 'tandem.sqlite-wal');
    writeFileSync(file, 'frames');
    /** @type {{ startedAt: number, endedAt?: number }[]} */
    const syncs = [];
    let clock = 0;
    const syncer = walSyncer(file, (fd, callback) => {
      /** @type {{ startedAt: number, endedAt?: number }} */
      const record = { startedAt: ++clock };
      syncs.push(record);
      fsync(fd, (error) => {
        record.endedAt = ++clock;
        callback(error);
      });
    });
    try {
      const calls = [];
      for (let i = 0; i < 50; i++) {
        const calledAt = ++clock;
        calls.push(syncer.sync().then(() => ({ calledAt, resolvedAt: ++clock })));
        if (i % 10 === 9) await new Promise((done) => setImmediate(done));
      }
      for (const { calledAt, resolvedAt } of await Promise.all(calls)) {
        const covering = syncs.find((sync) => sync.startedAt > calledAt && sync.endedAt !== undefined && sync.endedAt < resolvedAt);
        assert.ok(covering, `a call at ${calledAt} resolved at ${resolvedAt} with no fsync begun after it`);
      }
      assert.ok(syncs.length < 50 / 2, `${syncs.length} fsyncs for 50 calls`);
    } finally {
      await syncer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
