// The SQLite store (better-sqlite3): one file in WAL mode, migrated at open, every statement
// prepared once. Every write is made by the writer thread (sqlite-writer-thread.ts): submissions
// through group commit, rate-limit counters (batched by rate-limit.ts), staff's writes and the
// purge; so the event loop never waits for the write lock. Reads use this thread's connection.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { groupCommit } from './group-commit.js';
import { connect } from './sqlite-connection.js';
import { dashboardQueries } from './sqlite-dashboard.js';
import { callQueries } from './sqlite-calls.js';
import { pledgeQueries } from './sqlite-pledges.js';
import { pollQueries } from './sqlite-polls.js';
import { finderQueries } from './sqlite-finder.js';
import { fromRow } from './sqlite-rows.js';
import type { SubmissionRow } from './sqlite-rows.js';
import { MIGRATIONS } from './sqlite-migrations.js';
import { writerClient } from './sqlite-writer-client.js';
import type { Store } from './store.js';
import type { StaffWriteName, StaffWrites } from './sqlite-staff-writes.js';
import type { Database } from 'better-sqlite3';

export function openSqliteStore({ file, synchronous = 'full', busyTimeoutMs = 5000 }: { file: string, synchronous?: 'full' | 'normal', busyTimeoutMs?: number }): Store & { file: string, schemaVersion: () => number } {
  mkdirSync(dirname(file), { recursive: true });
  const db = connect(file, busyTimeoutMs);
  // This connection writes only the migrations (the writer thread makes every other write),
  // with the same durability: "full", on disk even if the machine loses power right after.
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const selectOne = db.prepare('SELECT * FROM submissions WHERE id = ?');
  const count = db.prepare(`SELECT count(*) FROM submissions
    WHERE (@site IS NULL OR site = @site) AND (@quarantined IS NULL OR quarantined = @quarantined)`).pluck();
  const schemaVersion = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck();
  const dashboard = dashboardQueries(db);
  const polls = pollQueries(db);
  const pledges = pledgeQueries(db);
  const calls = callQueries(db);
  const finder = finderQueries(db);

  // Migrated above, so the writer thread finds the tables it prepares statements for.
  const writes = writerClient({ file, synchronous, busyTimeoutMs });
  const writer = groupCommit(writes.commit);
  let closed = false;
  const readPoll = db.transaction(polls.readPoll);

  /** Work on an open store: a read here, or a request to the writer thread. */
  const run = <T>(work: () => T): Promise<Awaited<T>> => {
    if (closed) return Promise.reject(new Error('The store is closed'));
    try {
      return Promise.resolve(work()) as Promise<Awaited<T>>;
    } catch (error) {
      return Promise.reject(error);
    }
  };

  /** One of the writes the writer thread makes for staff (sqlite-staff-writes.ts). */
  const write = <Name extends StaffWriteName>(name: Name, ...args: Parameters<StaffWrites[Name]>) =>
    run(() => writes.call(name, args)) as Promise<ReturnType<StaffWrites[Name]>>;

  return {
    file,
    schemaVersion: () => schemaVersion.get() as number,
    submissions: {
      save: (record) => run(() => writer.write(record)),
      get: (id) =>
        run(() => {
          const row = selectOne.get(id);
          return row ? fromRow(row as SubmissionRow) : undefined;
        }),
      count: (filter = {}) =>
        run(() => count.get({ site: filter.site ?? null, quarantined: filter.quarantined === undefined ? null : Number(filter.quarantined) }) as number),
      markReviewed: (id, by, at) => write('markReviewed', id, by, at),
      remove: (id) => write('deleteSubmission', id),
    },
    counters: {
      addHits: (entries, now) => run(() => writes.addHits(entries, now)),
    },
    dashboard: {
      listAnswers: (filter, page) => run(() => dashboard.listAnswers(filter, page)),
      pageCounts: (filter, now) => run(() => dashboard.pageCounts(filter, now)),
      listPages: (site) => run(() => dashboard.listPages(site)),
      finderSummary: (filter, now) => run(() => finder.finderSummary(filter, now)),
      finderTopNeeds: (filter, limit) => run(() => finder.finderTopNeeds(filter, limit)),
      finderUnanswered: (filter, limit) => run(() => finder.finderUnanswered(filter, limit)),
      finderNotHelped: (filter, page) => run(() => finder.finderNotHelped(filter, page)),
    },
    staff: {
      saveUser: (email, passwordHash, now) => write('saveUser', email, passwordHash, now),
      findUser: (email) => run(() => dashboard.findUser(email)),
      listUsers: () => run(() => dashboard.listUsers()),
      removeUser: (email) => write('removeUser', email),
      createSession: (session) => write('createSession', session),
      findSession: (idHash, now, idleMs) => write('findSession', idHash, now, idleMs),
      deleteSession: (idHash) => write('deleteSession', idHash),
      recordSignInFailure: (attempt, at) => write('recordSignInFailure', attempt, at),
      recentSignInFailures: (key, since, limit) => run(() => dashboard.recentSignInFailures(key, since, limit)),
      clearSignInFailures: (attempt) => write('clearSignInFailures', attempt),
    },
    polls: {
      syncFiles: (list, now) => write('syncFilePolls', list, now),
      get: (id) => run(() => polls.getPoll(id)),
      list: (site) => run(() => polls.listPolls(site)),
      create: (poll, by, now) => write('createPoll', poll, by, now),
      update: (poll, by, now) => write('updatePoll', poll, by, now),
      setResponse: (id, response, by, now) => write('setPollResponse', id, response, by, now),
      // One read transaction, so the counters, statements and `mine` agree with each other.
      read: (id, participant) => run(() => readPoll(id, participant)),
      getStatement: (id) => run(() => polls.getStatement(id)),
      listStatements: (pollId, query) => run(() => polls.listStatements(pollId, query)),
      countStatements: (pollId) => run(() => polls.countStatements(pollId)),
      moderateStatement: (pollId, id, change) => write('moderateStatement', pollId, id, change),
      replyToStatement: (pollId, id, reply, by, at) => write('replyToStatement', pollId, id, reply, by, at),
      deleteStatement: (pollId, id) => write('deleteStatement', pollId, id),
      getSitePolicy: (site) => run(() => polls.getSitePolicy(site)),
      setSitePolicy: (site, policy, by, at) => write('setSitePolicy', site, policy, by, at),
      participantSecret: () => run(() => polls.participantSecret()),
      hasAnswered: (pollId, participant) => run(() => polls.hasAnswered(pollId, participant)),
      recordBurst: (burst) => write('recordBurst', burst),
      listBursts: (pollId) => run(() => polls.listBursts(pollId)),
    },
    pledges: {
      syncFiles: (lists, now) => write('syncFilePledgeLists', lists, now),
      getList: (id) => run(() => pledges.getList(id)),
      listLists: (site) => run(() => pledges.listLists(site)),
      getOffer: (id) => run(() => pledges.getOffer(id)),
      listOffers: (filter, page) => run(() => pledges.listOffers(filter, page)),
      countOffers: (filter) => run(() => pledges.countOffers(filter)),
      sealedContacts: (ids) => run(() => pledges.sealedContacts(ids)),
      setOfferStatus: (id, change) => write('setOfferStatus', id, change),
      withdraw: (reference, at) => write('withdrawOffer', reference, at),
    },
    calls: {
      create: (call) => write('createCall', call),
      get: (id) => run(() => calls.getCall(id)),
      list: (filter) => run(() => calls.listCalls(filter)),
      asks: (callId) => run(() => calls.asks(callId)),
      candidates: (call, fairness, limit) => run(() => calls.candidates(call, fairness, limit)),
      ask: (call, offerIds, by, at, fairness) => write('askForCall', call, offerIds, by, at, fairness),
      answer: (callId, offerId, change) => write('answerAsk', callId, offerId, change),
      setStatus: (callId, status) => write('setCallStatus', callId, status),
      hoursGiven: (filter) => run(() => calls.hoursGiven(filter)),
    },
    purgeBefore: (before, now) => write('purgeBefore', before, now),
    check: () =>
      run(() => {
        schemaVersion.get();
      }),
    checkWrite: () => write('proveWritable'),
    close: async () => {
      if (closed) return;
      closed = true;
      await writer.drain();
      await writes.close();
      db.close();
    },
  };
}

/** Applies the migrations this database has not had, each once, under the write lock. */
function migrate(db: Database) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const appliedVersions = db.prepare('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  db.transaction(() => {
    const applied = new Set(appliedVersions.all() as number[]);
    const version = Math.max(0, ...applied);
    if (version > latest) {
      throw new Error(`The database is at schema version ${version}, newer than this collector knows (${latest}). Upgrade the collector.`);
    }
    // Any migration not yet recorded runs, so one merged below the newest still runs once.
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
