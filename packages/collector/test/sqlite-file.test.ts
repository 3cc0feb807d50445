// What only the SQLite store has: its file (WAL, migrations, schema version), group commit in
// one transaction, SQLite's errors, the write lock waited for off the event loop, a bounded WAL.
// What every store must do is in the contracts (test/contracts/, run by sqlite-store.test.ts).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../src/store/sqlite-migrations.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { toRecord } from '../src/submission.js';
import { makeSubmission, tempDir } from '../test-support/helpers.js';

const LATEST_VERSION = Math.max(...MIGRATIONS.map(({ version }) => version));
const dir = tempDir('tandem-store-');
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `store-${n++}.sqlite`);
const record = (overrides: Record<string, unknown> = {}, receivedAt = Date.now()) =>
  toRecord(makeSubmission(overrides), receivedAt);

describe('SQLite store', () => {
  it('opens in WAL mode and records each migration once', async () => {
    const file = freshFile();
    const store = openSqliteStore({ file });
    assert.equal(store.schemaVersion(), LATEST_VERSION);
    await store.close();
    const reopened = openSqliteStore({ file });
    await reopened.close();
    const db = new Database(file, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(
      db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all(),
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
    db.close();
  });

  it('refuses a database from a newer collector', async () => {
    const file = freshFile();
    await openSqliteStore({ file }).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    assert.throws(() => openSqliteStore({ file }), new RegExp(`schema version 99, newer than this collector knows \\(${LATEST_VERSION}\\)`));
  });

  it('commits writes that arrive together in one transaction, and those pending at close', async () => {
    const file = freshFile();
    const store = openSqliteStore({ file });
    const records = Array.from({ length: 300 }, () => record());
    const outcomes = await Promise.all([...records, ...records].map((item) => store.submissions.save(item)));
    assert.equal(outcomes.filter((outcome) => outcome === 'created').length, 300);
    assert.equal(outcomes.filter((outcome) => outcome === 'duplicate').length, 300);
    // Pending writes are committed by close, not dropped.
    const late = record();
    const pending = store.submissions.save(late);
    await store.close();
    assert.equal(await pending, 'created');
    const db = new Database(file, { readonly: true });
    assert.equal(db.prepare('SELECT count(*) FROM submissions').pluck().get(), 301);
    db.close();
    await assert.rejects(store.submissions.save(record()), /closed/);
    await assert.rejects(store.check(), /closed/);
  });

  it('fails a batch that SQLite refuses with its error code, then stores the next', async () => {
    const file = freshFile();
    const store = openSqliteStore({ file, busyTimeoutMs: 50 });
    // Another process holding the write lock for longer than the busy timeout.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    await assert.rejects(store.submissions.save(record()), (error: { code?: unknown }) => error.code === 'SQLITE_BUSY');
    other.exec('ROLLBACK');
    other.close();
    assert.equal(await store.submissions.save(record()), 'created');
    assert.equal(await store.submissions.count(), 1);
    await store.close();
  });

  it('waits for the write lock off the event loop: answers, counters and staff writes, while another connection holds it', async () => {
    const file = freshFile();
    const store = openSqliteStore({ file });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let settled = false;
    const writes = Promise.all([
      store.counters.addHits([{ key: 'ip:held', hits: 2, windowMs: 60000 }], 1000),
      store.submissions.save(record()),
      store.staff.recordSignInFailure({ email: 'staff@example.gov.uk', address: '192.0.2.1' }, 1000),
    ]).finally(() => (settled = true));
    // The event loop goes on (this timer fires) while both writes wait for the lock. Had they
    // waited here, SQLite's busy handler would have stopped this thread, and with it the commit.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(settled, false, 'the writes wait for the lock');
    other.exec('COMMIT');
    other.close();
    assert.deepEqual(await writes, [[{ hits: 2, resetAt: 61000 }], 'created', undefined]);
    assert.deepEqual(await store.staff.recentSignInFailures({ email: 'staff@example.gov.uk' }, 0, 10), [1000]);
    await store.close();
  });

  it('keeps the WAL bounded under a flood of counter writes', async () => {
    const file = freshFile();
    const store = openSqliteStore({ file });
    for (let i = 0; i < 3000; i++) await store.counters.addHits([{ key: `ip:${i % 300}`, hits: 1, windowMs: 60000 }], 1000 + i);
    const { statSync } = await import('node:fs');
    // Without checkpoints this would be about 3,000 pages of 4 KiB.
    assert.ok(statSync(`${file}-wal`).size < 4 * 1024 * 1024, `WAL is ${statSync(`${file}-wal`).size} bytes`);
    await store.close();
  });

});

describe('SQLite store: migrating an existing database', () => {
  it('runs a migration numbered below the newest applied one, once', async () => {
    const file = freshFile();
    // A database whose collector had every migration but one merged below the newest.
    const skipped = MIGRATIONS.at(-2);
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    for (const migration of MIGRATIONS) {
      if (migration === skipped) continue;
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')").run(migration.version, migration.name);
    }
    db.close();
    await openSqliteStore({ file }).close();
    await openSqliteStore({ file }).close();
    const check = new Database(file, { readonly: true });
    assert.deepEqual(
      check.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
      MIGRATIONS.map(({ version }) => version),
    );
    check.close();
  });

  it('brings a version 1 database to the latest version; answers start unreviewed', async () => {
    const file = freshFile();
    // A database as the first collector release left it: only migration 1.
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    db.exec((MIGRATIONS[0] as { sql: string }).sql);
    db.prepare("INSERT INTO schema_migrations VALUES (1, 'submissions and rate limits', '2026-01-01')").run();
    db.close();
    const old = record();
    const store = openSqliteStore({ file });
    try {
      assert.equal(store.schemaVersion(), LATEST_VERSION);
      await store.submissions.save(old);
      const { rows } = await store.dashboard.listAnswers({}, { limit: 10, offset: 0 });
      assert.equal(rows[0]?.id, old.id);
      assert.equal(rows[0]?.reviewedAt, null);
      assert.equal(await store.submissions.markReviewed(old.id, 'a@example.gov.uk', 1), true);
      assert.equal(await store.submissions.remove(old.id), true);
      assert.equal(await store.submissions.remove(old.id), false);
    } finally {
      await store.close();
    }
  });
});
