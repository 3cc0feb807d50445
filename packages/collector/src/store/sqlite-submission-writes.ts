// The one write on the path of every answer: a batch of submissions in one transaction, each
// stored once by its id, and a poll answer's effect (its vote counters or its statement) or
// an offer of help in the same transaction, so a counter never disagrees with the answers stored. Runs in the
// writer thread (sqlite-writer-thread.ts), on that thread's own connection.
//
// One answer that the database will not take (a value the schema let through that a column
// cannot hold) must never fail the others that share its transaction: when the batch fails
// for one record's own fault, it is written again with each record in a savepoint of its
// own, so that record alone is refused, naming its field, and the rest commit. (A savepoint
// for every record always would double the cost of each insert: 3.3 → 6.6 µs measured.)
import { offerInsert } from './sqlite-pledges.js';
import { INSERT_COLUMNS, insertValues } from './sqlite-rows.js';
import { FIELD_OF_COLUMN } from './submission-rows.js';
import type { SaveOutcome, SubmissionRecord } from './store.js';
import type { Database } from 'better-sqlite3';

export function submissionWrites(db: Database) {
  const insert = db.prepare(`INSERT INTO submissions (${INSERT_COLUMNS.join(', ')})
    VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`);
  const fingerprintOf = db.prepare('SELECT fingerprint FROM submissions WHERE id = ?').pluck();
  const pollAnswers = pollAnswerWrites(db);
  const insertOffer = offerInsert(db);

  const save = (record: SubmissionRecord): SaveOutcome => {
    if (record.poll && fingerprintOf.get(record.id) === undefined && pollAnswers.isDuplicateStatement(record)) return 'duplicate-statement';
    if (insert.run(insertValues(record)).changes === 1) {
      if (record.poll) pollAnswers.apply(record);
      if (record.offer) insertOffer(record);
      return 'created';
    }
    return fingerprintOf.get(record.id) === record.fingerprint ? 'duplicate' : 'conflict';
  };
  const batch = db.transaction((records: SubmissionRecord[]) => records.map(save));
  // Called inside a transaction, a transaction function runs in a savepoint, undone alone if it throws.
  const saveInSavepoint = db.transaction(save);
  const isolated = db.transaction((records: SubmissionRecord[]) =>
    records.map((record): SaveOutcome => {
      try {
        return saveInSavepoint(record);
      } catch (error) {
        const problem = recordsOwnFault(error);
        if (!problem) throw error;
        return { unstorable: problem };
      }
    }),
  );

  return {
    commitBatch(records: SubmissionRecord[]): SaveOutcome[] {
      // IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead of failing mid-batch.
      try {
        return batch.immediate(records);
      } catch (error) {
        if (!recordsOwnFault(error)) throw error;
        return isolated.immediate(records);
      }
    },
  };
}


/**
 * The problem, naming the field, when an error is about the record's own values (a type a
 * column will not hold, a constraint, a value too big to bind); undefined when it is about the
 * database (locked, full, an I/O error), which fails the batch and is retried by the widgets.
 */
export function recordsOwnFault(error: unknown): { field: string, message: string } | undefined {
  const { code = '', message = '' } = (error ?? {}) as { code?: string, message?: string };
  const ownFault = error instanceof TypeError || error instanceof RangeError || /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
  if (!ownFault) return undefined;
  // SQLite names the column: "cannot store REAL value in INTEGER column submissions.fill_ms".
  const column = /\bsubmissions\.(\w+)/.exec(message)?.[1];
  const field = (column && Object.hasOwn(FIELD_OF_COLUMN, column) && FIELD_OF_COLUMN[column]) || '(body)';
  return { field, message: 'cannot be stored: a value here is outside what the collector keeps' };
}

function pollAnswerWrites(db: Database) {
  const voteOf = db.prepare('SELECT option_id AS optionId, client_time AS clientTime FROM poll_votes WHERE poll_id = ? AND participant = ? AND question_id = ?');
  const saveVote = db.prepare(`INSERT INTO poll_votes (poll_id, participant, question_id, option_id, submission_id, client_time)
    VALUES (@pollId, @participant, @question, @choice, @submissionId, @clientTime)
    ON CONFLICT (poll_id, participant, question_id) DO UPDATE SET
      option_id = excluded.option_id, submission_id = excluded.submission_id, client_time = excluded.client_time`);
  const bump = db.prepare(`INSERT INTO poll_counts (poll_id, question_id, option_id, votes) VALUES (?, ?, ?, ?)
    ON CONFLICT (poll_id, question_id, option_id) DO UPDATE SET votes = votes + excluded.votes`);
  const insertStatement = db.prepare(`INSERT INTO poll_statements (poll_id, submission_id, participant, text, dedupe_key, lang, created_at)
    VALUES (@pollId, @submissionId, @participant, @text, @key, @lang, @now)`);
  const sameStatement = db.prepare(`SELECT 1 FROM poll_statements WHERE poll_id = ? AND dedupe_key = ? AND status <> 'rejected' LIMIT 1`).pluck();

  return {
    /**
     * Before the answer's insert: a statement that repeats one already in the poll (pending or
     * published) is refused, and nothing is stored.
     */
    isDuplicateStatement(record: SubmissionRecord) {
      const action = record.poll;
      return action?.kind === 'statement' && !record.quarantine && sameStatement.get(action.pollId, action.key) !== undefined;
    },

    /**
     * After the answer's insert: the vote replaces this participant's earlier answer to the
     * question (moving the counters), or the statement waits for moderation. Quarantined
     * answers change nothing.
     */
    apply(record: SubmissionRecord) {
      const action = record.poll;
      if (!action || record.quarantine || !record.participant) return;
      if (action.kind === 'statement') {
        insertStatement.run({ pollId: action.pollId, submissionId: record.id, participant: record.participant, text: action.text, key: action.key, lang: record.lang, now: record.receivedAt });
        return;
      }
      const earlier = voteOf.get(action.pollId, record.participant, action.question) as { optionId: string, clientTime: string } | undefined;
      // An older answer that arrives late (a retry from the outbox) does not undo a newer one.
      if (earlier && Date.parse(earlier.clientTime) > Date.parse(record.clientTime)) return;
      if (earlier?.optionId !== action.choice) {
        if (earlier) bump.run(action.pollId, action.question, earlier.optionId, -1);
        bump.run(action.pollId, action.question, action.choice, 1);
      }
      saveVote.run({ pollId: action.pollId, participant: record.participant, question: action.question, choice: action.choice, submissionId: record.id, clientTime: record.clientTime });
    },
  };
}
