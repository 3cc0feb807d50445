// The SQLite store (better-sqlite3): one file in WAL mode, migrated at open, every statement
// prepared once. Submissions are written through group commit; rate-limit counters go through
// a second connection that skips the disk sync (losing a counter in a crash is harmless).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { groupCommit } from './group-commit.js';
import { dashboardQueries } from './sqlite-dashboard.js';
import { finderQueries } from './sqlite-finder.js';
import { fromRow, toRow } from './sqlite-rows.js';
import { MIGRATIONS } from './sqlite-migrations.js';

/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */
/** @typedef {import('./store.js').SaveOutcome} SaveOutcome */

const HOUR = 60 * 60 * 1000;
/** Counter writes between checkpoints, so a flood of refused requests cannot grow the WAL for ever. */
const CHECKPOINT_EVERY = 1000;

/**
 * @param {{ file: string, synchronous?: 'full' | 'normal', busyTimeoutMs?: number }} options
 * @returns {Store & { file: string, schemaVersion: () => number }}
 */
export function openSqliteStore({ file, synchronous = 'full', busyTimeoutMs = 5000 }) {
  mkdirSync(dirname(file), { recursive: true });
  const db = connect(file, busyTimeoutMs);
  // FULL: a 2xx means the answer is on disk, even if the machine loses power right after.
  db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const counters = connect(file, busyTimeoutMs);
  counters.pragma('synchronous = OFF');
  // Only the main connection checkpoints, so the database file is always synced when the WAL
  // is recycled; it also does so every CHECKPOINT_EVERY counter writes (see hitRateLimit).
  counters.pragma('wal_autocheckpoint = 0');
  let counterWrites = 0;

  const insert = db.prepare(`
    INSERT INTO submissions (id, site, widget, instance, page_url, page_title, lang, answers, honeypot, fill_ms,
      client_time, sdk_version, received_at, quarantined, quarantine_reason, fingerprint)
    VALUES (@id, @site, @widget, @instance, @pageUrl, @pageTitle, @lang, @answers, @honeypot, @fillMs,
      @clientTime, @sdkVersion, @receivedAt, @quarantined, @quarantine, @fingerprint)
    ON CONFLICT (id) DO NOTHING`);
  const fingerprintOf = db.prepare('SELECT fingerprint FROM submissions WHERE id = ?').pluck();
  const selectOne = db.prepare('SELECT * FROM submissions WHERE id = ?');
  const count = db.prepare(`SELECT count(*) FROM submissions
    WHERE (@site IS NULL OR site = @site) AND (@quarantined IS NULL OR quarantined = @quarantined)`).pluck();
  const purgeSubmissions = db.prepare('DELETE FROM submissions WHERE received_at < ?');
  const schemaVersion = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck();
  const hit = counters.prepare(`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (@key, @now, 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN window_start + @window <= @now THEN 1 ELSE hits + 1 END,
      window_start = CASE WHEN window_start + @window <= @now THEN @now ELSE window_start END
    RETURNING hits, window_start AS windowStart`);
  const purgeWindows = counters.prepare('DELETE FROM rate_limits WHERE window_start < ?');
  const dashboard = dashboardQueries(db);
  const finder = finderQueries(db);

  const commitBatch = db.transaction((/** @type {SubmissionRecord[]} */ records) =>
    records.map((record) => {
      if (insert.run(toRow(record)).changes === 1) return 'created';
      return /** @type {SaveOutcome} */ (fingerprintOf.get(record.id) === record.fingerprint ? 'duplicate' : 'conflict');
    }),
  );
  // IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead of failing mid-batch.
  const writer = groupCommit((/** @type {SubmissionRecord[]} */ records) => commitBatch.immediate(records));
  let closed = false;

  /** @template T @param {() => T} work @returns {Promise<T>} */
  const run = (work) => {
    if (closed) return Promise.reject(new Error('The store is closed'));
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    file,
    schemaVersion: () => /** @type {number} */ (schemaVersion.get()),
    saveSubmission: (record) => (closed ? Promise.reject(new Error('The store is closed')) : writer.write(record)),
    getSubmission: (id) =>
      run(() => {
        const row = selectOne.get(id);
        return row ? fromRow(/** @type {Record<string, any>} */ (row)) : undefined;
      }),
    countSubmissions: (filter = {}) =>
      run(() =>
        /** @type {number} */ (
          count.get({ site: filter.site ?? null, quarantined: filter.quarantined === undefined ? null : Number(filter.quarantined) })
        ),
      ),
    hitRateLimit: (key, windowMs, now = Date.now()) =>
      run(() => {
        const row = /** @type {{ hits: number, windowStart: number }} */ (hit.get({ key, now, window: windowMs }));
        if (++counterWrites % CHECKPOINT_EVERY === 0) db.pragma('wal_checkpoint(PASSIVE)');
        return { hits: row.hits, resetAt: row.windowStart + windowMs };
      }),
    purgeBefore: (before) =>
      run(() => {
        purgeWindows.run(Date.now() - HOUR);
        dashboard.purgeStaff(Date.now());
        return purgeSubmissions.run(before).changes;
      }),
    check: () =>
      run(() => {
        schemaVersion.get();
      }),
    listAnswers: (filter, page) => run(() => dashboard.listAnswers(filter, page)),
    pageCounts: (filter, now) => run(() => dashboard.pageCounts(filter, now)),
    listPages: (site) => run(() => dashboard.listPages(site)),
    markReviewed: (id, by, at) => run(() => dashboard.markReviewed(id, by, at)),
    deleteSubmission: (id) => run(() => dashboard.deleteSubmission(id)),
    finderSummary: (filter, now) => run(() => finder.finderSummary(filter, now)),
    finderTopNeeds: (filter, limit) => run(() => finder.finderTopNeeds(filter, limit)),
    finderUnanswered: (filter, limit) => run(() => finder.finderUnanswered(filter, limit)),
    finderNotHelped: (filter, page) => run(() => finder.finderNotHelped(filter, page)),
    saveUser: (email, passwordHash, now) => run(() => dashboard.saveUser.immediate(email, passwordHash, now)),
    findUser: (email) => run(() => dashboard.findUser(email)),
    listUsers: () => run(() => dashboard.listUsers()),
    removeUser: (email) => run(() => dashboard.removeUser.immediate(email)),
    createSession: (session) => run(() => dashboard.createSession(session)),
    findSession: (idHash, now) => run(() => dashboard.findSession(idHash, now)),
    deleteSession: (idHash) => run(() => dashboard.deleteSession(idHash)),
    recordSignInFailure: (email, at) => run(() => dashboard.recordSignInFailure(email, at)),
    countSignInFailures: (email, since) => run(() => dashboard.countSignInFailures(email, since)),
    clearSignInFailures: (email) => run(() => dashboard.clearSignInFailures(email)),
    close: async () => {
      if (closed) return;
      writer.drain();
      closed = true;
      counters.close();
      db.close();
    },
  };
}

/** @param {string} file  @param {number} busyTimeoutMs */
function connect(file, busyTimeoutMs) {
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${mode})`);
  return db;
}

/** Applies the migrations this database has not had, each once, under the write lock. */
function migrate(/** @type {Database.Database} */ db) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const current = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  db.transaction(() => {
    const version = /** @type {number} */ (current.get());
    if (version > latest) {
      throw new Error(`The database is at schema version ${version}, newer than this collector knows (${latest}). Upgrade the collector.`);
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= version) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
