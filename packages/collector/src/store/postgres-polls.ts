// The polls part in PostgreSQL: definitions, results, statements and their moderation, site
// policies. A poll answer's own writes (counters, statement) are in postgres-submissions.ts,
// in the answer's transaction.
import { inTransaction } from './postgres-connection.js';
import { json, toPoll, toStatement, type PollRow, type StatementDbRow } from './poll-rows.js';
import type { PollBurst, PollReading, PollStore } from './poll-store.js';
import type { Pool, PoolClient } from 'pg';

type Queryable = Pool | PoolClient;

/** Polls whose closesAt (ISO 8601 in the definition) is before $1, ms since the epoch. */
const CLOSED_BEFORE = `SELECT id FROM polls WHERE extract(epoch FROM (definition::jsonb ->> 'closesAt')::timestamptz) * 1000 < $1`;

async function readPoll(db: Queryable, id: string, participant?: string): Promise<PollReading | undefined> {
  const { rows: [row] } = await db.query<PollRow>('SELECT * FROM polls WHERE id = $1', [id]);
  if (!row) return undefined;
  const counts: Record<string, Record<string, number>> = {};
  const countRows = await db.query<{ question: string, option: string, votes: number }>('SELECT question_id AS question, option_id AS option, votes FROM poll_counts WHERE poll_id = $1', [id]);
  for (const { question, option, votes } of countRows.rows) (counts[question] ??= {})[option] = votes;
  const published = await db.query<StatementDbRow>(`SELECT * FROM poll_statements WHERE poll_id = $1 AND status = 'published' ORDER BY id`, [id]);
  let mine: PollReading['mine'];
  if (participant) {
    const votes = await db.query<{ question: string, option: string }>('SELECT question_id AS question, option_id AS option FROM poll_votes WHERE poll_id = $1 AND participant = $2', [id, participant]);
    const statements = await db.query<StatementDbRow>('SELECT * FROM poll_statements WHERE poll_id = $1 AND participant = $2 ORDER BY id', [id, participant]);
    mine = { votes: Object.fromEntries(votes.rows.map((v) => [v.question, v.option])), statements: statements.rows.map(toStatement) };
  }
  return { poll: toPoll(row), counts, published: published.rows.map(toStatement), mine };
}

export function postgresPolls(pool: Pool): PollStore & { purgeClosedBefore: (client: PoolClient, before: number) => Promise<void> } {
  const changed = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rowCount === 1;
  return {
    syncFiles: (polls, now) =>
      inTransaction(pool, async (client) => {
        for (const poll of polls) {
          await client.query(`INSERT INTO polls (id, site, definition, source, created_at, updated_at, updated_by)
            VALUES ($1, $2, $3, 'file', $4, $4, NULL)
            ON CONFLICT (id) DO UPDATE SET site = excluded.site, definition = excluded.definition, source = 'file',
              updated_at = CASE WHEN polls.definition = excluded.definition THEN polls.updated_at ELSE excluded.updated_at END`,
          [poll.id, poll.site, JSON.stringify(poll), now]);
        }
        // A poll whose file is no longer named stays (with its answers), to be managed in the dashboard.
        await client.query(`UPDATE polls SET source = 'dashboard' WHERE source = 'file' AND id <> ALL($1::text[])`, [polls.map((poll) => poll.id)]);
      }),
    get: async (id) => {
      const { rows: [row] } = await pool.query<PollRow>('SELECT * FROM polls WHERE id = $1', [id]);
      return row ? toPoll(row) : undefined;
    },
    list: async (site) => {
      const { rows } = await pool.query<PollRow & { pending: number }>(`SELECT p.*,
          (SELECT count(*) FROM poll_statements s WHERE s.poll_id = p.id AND s.status = 'pending') AS pending
        FROM polls p WHERE ($1::text IS NULL OR p.site = $1) ORDER BY p.created_at DESC, p.id`, [site ?? null]);
      return rows.map((row) => ({ ...toPoll(row), pending: row.pending }));
    },
    create: (poll, by, now) =>
      changed(`INSERT INTO polls (id, site, definition, source, created_at, updated_at, updated_by)
        VALUES ($1, $2, $3, 'dashboard', $4, $4, $5) ON CONFLICT (id) DO NOTHING`, [poll.id, poll.site, JSON.stringify(poll), now, by]),
    // Dashboard polls only: a file's poll is changed in its file.
    update: (poll, by, now) =>
      changed(`UPDATE polls SET site = $2, definition = $3, updated_at = $4, updated_by = $5 WHERE id = $1 AND source = 'dashboard'`, [poll.id, poll.site, JSON.stringify(poll), now, by]),
    setResponse: (id, response, by, now) =>
      changed('UPDATE polls SET response = $2, updated_at = $3, updated_by = $4 WHERE id = $1', [id, response ? JSON.stringify(response) : null, now, by]),
    // One snapshot, so the counters, statements and `mine` agree with each other.
    read: (id, participant) => inTransaction(pool, (client) => readPoll(client, id, participant), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
    getStatement: async (id) => {
      const { rows: [row] } = await pool.query<StatementDbRow>('SELECT * FROM poll_statements WHERE id = $1', [id]);
      return row ? toStatement(row) : undefined;
    },
    listStatements: async (pollId, { status, limit, offset }) => {
      const { rows } = await pool.query<StatementDbRow>(`SELECT * FROM poll_statements WHERE poll_id = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY status <> 'pending', id LIMIT $3 OFFSET $4`, [pollId, status ?? null, limit, offset]);
      return rows.map(toStatement);
    },
    countStatements: async (pollId) => {
      const counts = { pending: 0, published: 0, rejected: 0 };
      const { rows } = await pool.query<{ status: keyof typeof counts, n: number }>('SELECT status, count(*) AS n FROM poll_statements WHERE poll_id = $1 GROUP BY status', [pollId]);
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    },
    moderateStatement: (pollId, id, { status, reason, by, at }) =>
      changed('UPDATE poll_statements SET status = $3, reason = $4, moderated_at = $5, moderated_by = $6 WHERE id = $1 AND poll_id = $2', [id, pollId, status, reason, at, by]),
    replyToStatement: (pollId, id, reply, by, at) =>
      changed('UPDATE poll_statements SET reply = $3, moderated_at = $4, moderated_by = $5 WHERE id = $1 AND poll_id = $2', [id, pollId, reply ? JSON.stringify(reply) : null, at, by]),
    /** On its author's request: the statement, the answer that brought it, and the votes on it. */
    deleteStatement: (pollId, id) =>
      inTransaction(pool, async (client) => {
        const { rows: [row] } = await client.query<{ submission_id: string }>('DELETE FROM poll_statements WHERE id = $1 AND poll_id = $2 RETURNING submission_id', [id, pollId]);
        if (!row) return false;
        await client.query('DELETE FROM submissions WHERE id = $1', [row.submission_id]);
        await client.query('DELETE FROM poll_votes WHERE poll_id = $1 AND question_id = $2', [pollId, `s-${id}`]);
        await client.query('DELETE FROM poll_counts WHERE poll_id = $1 AND question_id = $2', [pollId, `s-${id}`]);
        return true;
      }),
    getSitePolicy: async (site) => json((await pool.query<{ policy: string }>('SELECT policy FROM site_policies WHERE site = $1', [site])).rows[0]?.policy),
    setSitePolicy: async (site, policy, by, at) => {
      if (!policy) {
        await pool.query('DELETE FROM site_policies WHERE site = $1', [site]);
        return;
      }
      await pool.query(`INSERT INTO site_policies (site, policy, updated_at, updated_by) VALUES ($1, $2, $3, $4)
        ON CONFLICT (site) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at, updated_by = excluded.updated_by`, [site, JSON.stringify(policy), at, by]);
    },
    /** After the retention period from a poll's close: its counters stay; votes and statements go. */
    participantSecret: async () => {
      const { rows: [row] } = await pool.query<{ secret: Buffer }>(`SELECT secret FROM collector_secrets WHERE name = 'participants'`);
      if (!row) throw new Error('The database has no participant secret: its migrations did not run');
      return row.secret;
    },
    hasAnswered: async (pollId, participant) => {
      const { rows: [row] } = await pool.query<{ answered: boolean }>(`SELECT EXISTS (SELECT 1 FROM poll_votes WHERE poll_id = $1 AND participant = $2)
        OR EXISTS (SELECT 1 FROM poll_statements WHERE poll_id = $1 AND participant = $2) AS answered`, [pollId, participant]);
      return row?.answered === true;
    },
    recordBurst: async ({ pollId, hourStart, participants }) => {
      await pool.query(`INSERT INTO poll_bursts (poll_id, hour_start, participants) VALUES ($1, $2, $3)
        ON CONFLICT (poll_id, hour_start) DO UPDATE SET participants = greatest(poll_bursts.participants, excluded.participants)`, [pollId, hourStart, participants]);
    },
    listBursts: async (pollId) => {
      const { rows } = await pool.query<{ hour_start: number, participants: number }>('SELECT hour_start, participants FROM poll_bursts WHERE poll_id = $1 ORDER BY hour_start', [pollId]);
      return rows.map((row): PollBurst => ({ pollId, hourStart: Number(row.hour_start), participants: row.participants }));
    },
    async purgeClosedBefore(client, before) {
      await client.query(`DELETE FROM poll_votes WHERE poll_id IN (${CLOSED_BEFORE})`, [before]);
      await client.query(`DELETE FROM poll_statements WHERE poll_id IN (${CLOSED_BEFORE})`, [before]);
    },
  };
}
