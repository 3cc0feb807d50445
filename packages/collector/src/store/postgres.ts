// The PostgreSQL store (node-postgres): the same parts as SQLite's (store.ts), for collectors
// that share one database. Migrated at open; answers are written one transaction at a time
// per process (postgres-join-batches.ts), every other call on the pool as it comes.
import { groupCommit } from './group-commit.js';
import { connectPool, inTransaction } from './postgres-connection.js';
import { postgresCounters } from './postgres-counters.js';
import { postgresDashboard } from './postgres-dashboard.js';
import { postgresFinder } from './postgres-finder.js';
import { joinBatches } from './postgres-join-batches.js';
import { migrate } from './postgres-migrations.js';
import { postgresCalls } from './postgres-calls.js';
import { postgresPledges } from './postgres-pledges.js';
import { postgresPolls } from './postgres-polls.js';
import { fromRow } from './postgres-rows.js';
import type { SubmissionRow } from './postgres-rows.js';
import { postgresStaff } from './postgres-staff.js';
import { commitSubmissions } from './postgres-submissions.js';
import type { SaveOutcome, Store, SubmissionRecord } from './store.js';

const HOUR = 60 * 60 * 1000;

export type PostgresOptions = {
  /** postgres://user:password@host:port/database */
  url: string;
  /** The schema that holds the collector's tables; made if missing. */
  schema?: string;
  /** Connections at most. */
  poolSize?: number;
};

/** The advisory lock the retention purge holds, one per schema (the migrations have their own). */
export const purgeLock = (schema: string) => `tandem-purge:${schema}`;

export async function openPostgresStore({ url, schema = 'public', poolSize = 10 }: PostgresOptions): Promise<Store & { schemaVersion: () => Promise<number> }> {
  const pool = connectPool({ url, schema, max: poolSize });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    const { rows } = await pool.query<{ server_encoding: string }>('SHOW server_encoding');
    if (rows[0]?.server_encoding !== 'UTF8') throw new Error(`The PostgreSQL database must use UTF8 (it uses ${rows[0]?.server_encoding})`);
    await migrate(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const writer = groupCommit(joinBatches((records: SubmissionRecord[]) => commitSubmissions(pool, records)));
  const counters = postgresCounters(pool);
  const dashboard = postgresDashboard(pool);
  const finder = postgresFinder(pool);
  const staff = postgresStaff(pool);
  const polls = postgresPolls(pool);
  const { forgetContactsBefore, ...pledgeCalls } = postgresPledges(pool);
  let closed = false;

  /** Every call goes through here, so that a closed store refuses it. */
  const open = <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    (...args: Args): Promise<Result> => (closed ? Promise.reject(new Error('The store is closed')) : call(...args));
  const each = <Part extends Record<string, (...args: never[]) => Promise<unknown>>>(part: Part) =>
    Object.fromEntries(Object.entries(part).map(([name, call]) => [name, open(call as (...args: unknown[]) => Promise<unknown>)])) as unknown as Part;

  const schemaVersion = async () => (await pool.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations')).rows[0]?.version ?? 0;
  const { purge: purgeStaff, ...staffCalls } = staff;
  const { purgeClosedBefore, ...pollCalls } = polls;

  return {
    schemaVersion: open(schemaVersion),
    submissions: each({
      save: (record: SubmissionRecord): Promise<SaveOutcome> => writer.write(record),
      get: async (id: string) => {
        const { rows: [row] } = await pool.query<SubmissionRow>('SELECT * FROM submissions WHERE id = $1', [id]);
        return row ? fromRow(row) : undefined;
      },
      count: async (filter: { site?: string, quarantined?: boolean } = {}) =>
        (await pool.query<{ n: number }>('SELECT count(*) AS n FROM submissions WHERE ($1::text IS NULL OR site = $1) AND ($2::boolean IS NULL OR quarantined = $2)',
          [filter.site ?? null, filter.quarantined ?? null])).rows[0]?.n ?? 0,
      markReviewed: async (id: string, by: string, at: number) => (await pool.query('UPDATE submissions SET reviewed_at = $2, reviewed_by = $3 WHERE id = $1', [id, at, by])).rowCount === 1,
      remove: async (id: string) => (await pool.query('DELETE FROM submissions WHERE id = $1', [id])).rowCount === 1,
    }),
    counters: each(counters),
    dashboard: each({ ...dashboard, ...finder }),
    staff: each(staffCalls),
    polls: each(pollCalls),
    pledges: each(pledgeCalls),
    calls: each(postgresCalls(pool)),
    purgeBefore: open((before: number, now: number) =>
      inTransaction(pool, async (client) => {
        // One collector purges at a time: the others find the lock taken and leave it to it.
        const { rows: [lock] } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS got', [purgeLock(schema)]);
        if (!lock?.got) return 0;
        await client.query('DELETE FROM rate_limits WHERE window_start < $1', [now - HOUR]);
        await purgeStaff(client, now);
        await purgeClosedBefore(client, before);
        await forgetContactsBefore(client, before);
        return (await client.query('DELETE FROM submissions WHERE received_at < $1', [before])).rowCount ?? 0;
      })),
    check: open(async () => {
      await schemaVersion();
    }),
    // A write that changes nothing, committed: PostgreSQL must take a write lock and its log.
    checkWrite: open(() =>
      inTransaction(pool, async (client) => {
        await client.query(`UPDATE collector_secrets SET name = name WHERE name = 'participants'`);
      })),
    close: async () => {
      if (closed) return;
      closed = true;
      await writer.drain();
      await pool.end();
    },
  };
}
