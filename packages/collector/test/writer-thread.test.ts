// The writer thread and its client on the event loop: batches waiting are joined into one
// transaction, a record the database will not take is refused alone, every reply finds its
// own request by id, a request that cannot be sent fails alone, and a thread that cannot
// open the database refuses its batch, then starts again.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite.js';
import { recordsOwnFault } from '../src/store/sqlite-submission-writes.js';
import { writerClient } from '../src/store/sqlite-writer-client.js';
import { toRecord } from '../src/submission.js';
import { makeSubmission, tempDir } from '../test-support/helpers.js';

const dir = tempDir('tandem-writer-thread-');
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh database file, migrated, and a writer for it. @param {string} name */
async function writerFor(name: string) {
  const file = join(dir, `${name}.sqlite`);
  await openSqliteStore({ file }).close();
  return { file, writes: writerClient({ file, synchronous: 'full', busyTimeoutMs: 50 }) };
}
const fresh = () => toRecord(makeSubmission(), Date.now());

describe('writer thread', () => {
  it('joins the batches waiting for it into one transaction, and refuses a record the database will not take alone', async () => {
    const { file, writes } = await writerFor('joined');
    // Sent before the new thread has read any: the first message's turn finds the others waiting.
    const good = [writes.commit([fresh(), fresh()]), writes.commit([fresh()])];
    // Values the schema refuses, as a bug upstream might let through: a number no integer
    // column holds, and text where a number belongs.
    const bad = writes.commit([fresh(), { ...fresh(), fillMs: 1e20 }, { ...fresh(), fillMs: 'slow' as unknown as number }]);
    assert.deepEqual(await Promise.all(good), [['created', 'created'], ['created']]);
    const refused = { unstorable: { field: 'signals.fillMs', message: 'cannot be stored: a value here is outside what the collector keeps' } };
    assert.deepEqual(await bad, ['created', refused, refused]);
    await writes.close();
    const store = openSqliteStore({ file });
    assert.equal(await store.submissions.count(), 4, 'every record but the two refused is stored');
    await store.close();
  });

  it('fails the whole batch, for a retry, when the database itself is the problem', async () => {
    const { file, writes } = await writerFor('locked');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const settled = await Promise.allSettled([writes.commit([fresh()]), writes.commit([fresh()])]);
    assert.deepEqual(settled.map((result) => result.status), ['rejected', 'rejected']);
    assert.match(String((settled[0] as PromiseRejectedResult).reason), /locked|busy/i);
    other.exec('ROLLBACK');
    other.close();
    assert.deepEqual(await writes.commit([fresh()]), ['created']);
    await writes.close();
  });

  it('fails only the request that cannot be sent; the next gets its own reply', async () => {
    const { writes } = await writerFor('unsendable');
    // A function cannot be copied to another thread: postMessage throws.
    await assert.rejects(writes.call('markReviewed', [() => {}]), { name: 'DataCloneError' });
    const record = fresh();
    assert.deepEqual(await writes.commit([record]), ['created']);
    assert.deepEqual(await writes.commit([record]), ['duplicate']);
    await writes.close();
  });

  it('gives each reply to the request with its id, whatever order the thread answers in', async () => {
    const writes = writerClient(
      { file: join(dir, 'unused.sqlite'), synchronous: 'full', busyTimeoutMs: 50 },
      { threadFile: new URL('../test-support/reversed-writer-thread.js', import.meta.url) },
    );
    const first = writes.addHits([], 0);
    const second = writes.call('purgeBefore', [0]);
    assert.deepEqual(await Promise.all([first, second]), ['hits #1', 'staff #2']);
    await writes.close();
  });

  it('refuses a batch when its thread cannot open the database, and starts a new thread for the next', async () => {
    const file = join(dir, 'made-later', 'tandem.sqlite');
    const writes = writerClient({ file, synchronous: 'full', busyTimeoutMs: 50 });
    await assert.rejects(writes.commit([]), /directory does not exist/);
    // The folder and the database appear (as when a volume is mounted late): the next batch is stored.
    await openSqliteStore({ file }).close();
    assert.deepEqual(await writes.commit([fresh()]), ['created']);
    await writes.close();
  });
});

describe('recordsOwnFault', () => {
  it("tells a record's own values from the database's trouble", () => {
    const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code });
    assert.equal(recordsOwnFault(sqlite('SQLITE_CONSTRAINT_DATATYPE', 'cannot store REAL value in INTEGER column submissions.fill_ms'))?.field, 'signals.fillMs');
    assert.equal(recordsOwnFault(sqlite('SQLITE_CONSTRAINT_NOTNULL', 'NOT NULL constraint failed: submissions.page_title'))?.field, 'page.title');
    assert.equal(recordsOwnFault(sqlite('SQLITE_CONSTRAINT_CHECK', 'CHECK constraint failed: poll_votes'))?.field, '(body)');
    assert.equal(recordsOwnFault(new RangeError('The value is too large to bind'))?.field, '(body)');
    for (const code of ['SQLITE_BUSY', 'SQLITE_FULL', 'SQLITE_IOERR_FSYNC', 'SQLITE_READONLY']) assert.equal(recordsOwnFault(sqlite(code, 'trouble')), undefined, code);
    assert.equal(recordsOwnFault(new Error('The writer thread stopped')), undefined);
  });
});
