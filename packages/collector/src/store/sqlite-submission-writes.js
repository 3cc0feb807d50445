// The one write on the path of every answer: a batch of submissions in one transaction, each
// stored once by its id, and a poll answer's effect (its vote counters or its statement) in
// the same transaction, so a counter never disagrees with the answers stored. Runs in the
// writer thread (sqlite-writer.js), on that thread's own connection.
import { INSERT_COLUMNS, insertValues } from './sqlite-rows.js';

/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */
/** @typedef {import('./store.js').SaveOutcome} SaveOutcome */

/** @param {import('better-sqlite3').Database} db */
export function submissionWrites(db) {
  const insert = db.prepare(`INSERT INTO submissions (${INSERT_COLUMNS.join(', ')})
    VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`);
  const fingerprintOf = db.prepare('SELECT fingerprint FROM submissions WHERE id = ?').pluck();
  const pollAnswers = pollAnswerWrites(db);

  /** @param {SubmissionRecord} record  @returns {SaveOutcome} */
  const save = (record) => {
    if (record.poll && fingerprintOf.get(record.id) === undefined && pollAnswers.isDuplicateStatement(record)) return 'duplicate-statement';
    if (insert.run(insertValues(record)).changes === 1) {
      if (record.poll) pollAnswers.apply(record);
      return 'created';
    }
    return fingerprintOf.get(record.id) === record.fingerprint ? 'duplicate' : 'conflict';
  };
  const batch = db.transaction((/** @type {SubmissionRecord[]} */ records) => records.map(save));
  // IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead of failing mid-batch.
  return { commitBatch: (/** @type {SubmissionRecord[]} */ records) => batch.immediate(records) };
}

/** @param {import('better-sqlite3').Database} db */
function pollAnswerWrites(db) {
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
     * @param {SubmissionRecord} record
     */
    isDuplicateStatement(record) {
      const action = record.poll;
      return action?.kind === 'statement' && !record.quarantine && sameStatement.get(action.pollId, action.key) !== undefined;
    },

    /**
     * After the answer's insert: the vote replaces this participant's earlier answer to the
     * question (moving the counters), or the statement waits for moderation. Quarantined
     * answers change nothing.
     * @param {SubmissionRecord} record
     */
    apply(record) {
      const action = record.poll;
      if (!action || record.quarantine || !record.participant) return;
      if (action.kind === 'statement') {
        insertStatement.run({ pollId: action.pollId, submissionId: record.id, participant: record.participant, text: action.text, key: action.key, lang: record.lang, now: record.receivedAt });
        return;
      }
      const earlier = /** @type {{ optionId: string, clientTime: string } | undefined} */ (voteOf.get(action.pollId, record.participant, action.question));
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
