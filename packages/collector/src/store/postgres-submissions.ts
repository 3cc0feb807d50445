// The one write on the path of every answer, for PostgreSQL: a batch of submissions in one
// transaction, each stored once by its id (INSERT … ON CONFLICT), and a poll answer's effect
// (its counters or its statement) in the same transaction. Several collector processes may
// share the database, so what SQLite gets from its single writer comes here from locks:
// an advisory lock per participant and question (the earlier vote is read, and the counters
// moved, by one transaction at a time) and per poll for statements (two same statements sent
// at once: the second sees the first).
//
// As for SQLite, one answer the database will not take must not fail the others: when the
// batch fails for one record's own fault, it is written again with a savepoint per record.
import { inTransaction, isRetryable } from './postgres-connection.js';
import { insertOffer } from './postgres-pledges.js';
import { FIELD_OF_COLUMN, INSERT_SUBMISSION, insertValues } from './postgres-rows.js';
import type { SaveOutcome, SubmissionRecord } from './store.js';
import type { Pool, PoolClient } from 'pg';

/** Times a batch is tried when the database undoes it for a deadlock with another process. */
const ATTEMPTS = 3;

/** Held until the transaction ends; keys that hash alike only wait for each other, never mix. */
const lock = (client: PoolClient, key: string) => client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);

async function fingerprintOf(client: PoolClient, id: string) {
  const { rows } = await client.query<{ fingerprint: string }>('SELECT fingerprint FROM submissions WHERE id = $1', [id]);
  return rows[0]?.fingerprint;
}

/**
 * Before the answer's insert: a statement that repeats one in the poll (pending or published)
 * is refused, unless this id is already stored (a retry).
 */
async function isDuplicateStatement(client: PoolClient, record: SubmissionRecord) {
  const action = record.poll;
  if (action?.kind !== 'statement' || record.quarantine) return false;
  await lock(client, JSON.stringify(['statements', action.pollId]));
  if ((await fingerprintOf(client, record.id)) !== undefined) return false;
  const same = await client.query(`SELECT 1 FROM poll_statements WHERE poll_id = $1 AND dedupe_key = $2 AND status <> 'rejected' LIMIT 1`, [action.pollId, action.key]);
  return same.rowCount !== 0;
}

const BUMP = `INSERT INTO poll_counts (poll_id, question_id, option_id, votes) VALUES ($1, $2, $3, $4)
  ON CONFLICT (poll_id, question_id, option_id) DO UPDATE SET votes = poll_counts.votes + excluded.votes`;

/** After the answer's insert: the vote that counts and the counters, or the statement to moderate. Quarantined answers change nothing. */
async function applyPollAnswer(client: PoolClient, record: SubmissionRecord) {
  const action = record.poll;
  if (!action || record.quarantine || !record.participant) return;
  if (action.kind === 'statement') {
    await client.query(`INSERT INTO poll_statements (poll_id, submission_id, participant, text, dedupe_key, lang, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)`, [action.pollId, record.id, record.participant, action.text, action.key, record.lang, record.receivedAt]);
    return;
  }
  await lock(client, JSON.stringify(['vote', action.pollId, record.participant, action.question]));
  const { rows } = await client.query<{ option_id: string, client_time: string }>(
    'SELECT option_id, client_time FROM poll_votes WHERE poll_id = $1 AND participant = $2 AND question_id = $3',
    [action.pollId, record.participant, action.question],
  );
  const earlier = rows[0];
  // An older answer that arrives late (a retry from the outbox) does not undo a newer one.
  if (earlier && Date.parse(earlier.client_time) > Date.parse(record.clientTime)) return;
  if (earlier?.option_id !== action.choice) {
    if (earlier) await client.query(BUMP, [action.pollId, action.question, earlier.option_id, -1]);
    await client.query(BUMP, [action.pollId, action.question, action.choice, 1]);
  }
  await client.query(`INSERT INTO poll_votes (poll_id, participant, question_id, option_id, submission_id, client_time)
    VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT (poll_id, participant, question_id) DO UPDATE SET
      option_id = excluded.option_id, submission_id = excluded.submission_id, client_time = excluded.client_time`,
  [action.pollId, record.participant, action.question, action.choice, record.id, record.clientTime]);
}

async function saveOne(client: PoolClient, record: SubmissionRecord): Promise<SaveOutcome> {
  if (await isDuplicateStatement(client, record)) return 'duplicate-statement';
  const inserted = await client.query(INSERT_SUBMISSION, insertValues(record));
  if (inserted.rowCount === 1) {
    await applyPollAnswer(client, record);
    await insertOffer(client, record);
    return 'created';
  }
  return (await fingerprintOf(client, record.id)) === record.fingerprint ? 'duplicate' : 'conflict';
}

async function saveAll(client: PoolClient, records: SubmissionRecord[]) {
  const outcomes: SaveOutcome[] = [];
  for (const record of records) outcomes.push(await saveOne(client, record));
  return outcomes;
}

async function saveEachInSavepoint(client: PoolClient, records: SubmissionRecord[]) {
  const outcomes: SaveOutcome[] = [];
  for (const record of records) {
    await client.query('SAVEPOINT answer');
    try {
      outcomes.push(await saveOne(client, record));
      await client.query('RELEASE SAVEPOINT answer');
    } catch (error) {
      const problem = recordsOwnFault(error);
      if (!problem) throw error;
      await client.query('ROLLBACK TO SAVEPOINT answer');
      outcomes.push({ unstorable: problem });
    }
  }
  return outcomes;
}

/** Commits the records in one transaction; resolves with their outcomes only after COMMIT. */
export async function commitSubmissions(pool: Pool, records: SubmissionRecord[]): Promise<SaveOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(pool, (client) => saveAll(client, records));
    } catch (error) {
      if (recordsOwnFault(error)) return inTransaction(pool, (client) => saveEachInSavepoint(client, records));
      if (!isRetryable(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * The problem, naming the field, when an error is about the record's own values (SQLSTATE
 * class 22, data exception: a number bigint cannot hold, bytes UTF-8 cannot; class 23, a
 * constraint); undefined when it is about the database, which fails the batch (a 503 the
 * widgets retry).
 */
export function recordsOwnFault(error: unknown): { field: string, message: string } | undefined {
  const { code = '', column } = (error ?? {}) as { code?: string, column?: string };
  if (!(error instanceof TypeError || error instanceof RangeError || /^2[23]/.test(code))) return undefined;
  const field = (column && Object.hasOwn(FIELD_OF_COLUMN, column) && FIELD_OF_COLUMN[column]) || '(body)';
  return { field, message: 'cannot be stored: a value here is outside what the collector keeps' };
}
