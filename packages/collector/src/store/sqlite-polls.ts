// The polls' SQL for the SQLite store: definitions, the vote that counts per participant and
// question, result counters, residents' statements and their moderation, site policies.
// Synchronous; sqlite.js makes them async. A poll answer's own writes (counters, statement)
// are in sqlite-submission-writes.js, in the answer's transaction.
import { json, toPoll, toStatement, type CountRow, type PollRow, type StatementDbRow } from './poll-rows.js';
import type { PollBurst, PollRecord, StatementRow } from './store.js';
import type { PollDefinition, PollText } from '../polls/definition.js';
import type { Database } from 'better-sqlite3';

export function pollQueries(db: Database) {
  const selectPoll = db.prepare('SELECT * FROM polls WHERE id = ?');
  const allPolls = db.prepare(`SELECT p.*,
      (SELECT count(*) FROM poll_statements s WHERE s.poll_id = p.id AND s.status = 'pending') AS pending
    FROM polls p WHERE (@site IS NULL OR p.site = @site) ORDER BY p.created_at DESC, p.id`);
  const insertPoll = db.prepare(`INSERT INTO polls (id, site, definition, source, created_at, updated_at, updated_by)
    VALUES (@id, @site, @definition, @source, @now, @now, @by) ON CONFLICT (id) DO NOTHING`);
  const updatePoll = db.prepare(`UPDATE polls SET site = @site, definition = @definition, updated_at = @now, updated_by = @by
    WHERE id = @id AND source = @source`);
  const upsertFilePoll = db.prepare(`INSERT INTO polls (id, site, definition, source, created_at, updated_at, updated_by)
    VALUES (@id, @site, @definition, 'file', @now, @now, NULL)
    ON CONFLICT (id) DO UPDATE SET site = excluded.site, definition = excluded.definition, source = 'file',
      updated_at = CASE WHEN polls.definition = excluded.definition THEN polls.updated_at ELSE excluded.updated_at END`);
  // A poll whose file is no longer named stays (with its answers), to be managed in the dashboard.
  const releaseFilePolls = db.prepare(`UPDATE polls SET source = 'dashboard' WHERE source = 'file' AND id NOT IN (SELECT value FROM json_each(?))`);
  const setResponse = db.prepare('UPDATE polls SET response = ?, updated_at = ?, updated_by = ? WHERE id = ?');

  const countsOf = db.prepare('SELECT question_id AS question, option_id AS option, votes FROM poll_counts WHERE poll_id = ?');
  const votesOf = db.prepare('SELECT question_id AS question, option_id AS option FROM poll_votes WHERE poll_id = ? AND participant = ?');

  const selectStatement = db.prepare('SELECT * FROM poll_statements WHERE id = ?');
  const publishedOf = db.prepare(`SELECT * FROM poll_statements WHERE poll_id = ? AND status = 'published' ORDER BY id`);
  const statementsOfParticipant = db.prepare('SELECT * FROM poll_statements WHERE poll_id = ? AND participant = ? ORDER BY id');
  const statementsOf = db.prepare(`SELECT * FROM poll_statements WHERE poll_id = @pollId AND (@status IS NULL OR status = @status)
    ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, id LIMIT @limit OFFSET @offset`);
  const countStatements = db.prepare(`SELECT status, count(*) AS n FROM poll_statements WHERE poll_id = ? GROUP BY status`);
  const moderate = db.prepare(`UPDATE poll_statements SET status = @status, reason = @reason, moderated_at = @at, moderated_by = @by
    WHERE id = @id AND poll_id = @pollId`);
  const reply = db.prepare('UPDATE poll_statements SET reply = @reply, moderated_at = @at, moderated_by = @by WHERE id = @id AND poll_id = @pollId');

  // Polls closed for longer than the retention period keep their counts, not who answered or wrote what.
  const closedBefore = `SELECT id FROM polls WHERE unixepoch(json_extract(definition, '$.closesAt')) * 1000 < ?`;
  const purgeVotes = db.prepare(`DELETE FROM poll_votes WHERE poll_id IN (${closedBefore})`);
  const purgeStatements = db.prepare(`DELETE FROM poll_statements WHERE poll_id IN (${closedBefore})`);

  const deleteStatementRow = db.prepare('DELETE FROM poll_statements WHERE id = ? AND poll_id = ?');
  const deleteSubmissionRow = db.prepare('DELETE FROM submissions WHERE id = ?');
  const deleteQuestionVotes = db.prepare('DELETE FROM poll_votes WHERE poll_id = ? AND question_id = ?');
  const deleteQuestionCounts = db.prepare('DELETE FROM poll_counts WHERE poll_id = ? AND question_id = ?');

  const selectPolicy = db.prepare('SELECT policy FROM site_policies WHERE site = ?').pluck();
  const savePolicy = db.prepare(`INSERT INTO site_policies (site, policy, updated_at, updated_by) VALUES (@site, @policy, @at, @by)
    ON CONFLICT (site) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const deletePolicy = db.prepare('DELETE FROM site_policies WHERE site = ?');

  const selectSecret = db.prepare(`SELECT secret FROM collector_secrets WHERE name = 'participants'`).pluck();
  const answered = db.prepare(`SELECT EXISTS (SELECT 1 FROM poll_votes WHERE poll_id = @pollId AND participant = @participant)
    OR EXISTS (SELECT 1 FROM poll_statements WHERE poll_id = @pollId AND participant = @participant)`).pluck();
  const upsertBurst = db.prepare(`INSERT INTO poll_bursts (poll_id, hour_start, participants) VALUES (@pollId, @hourStart, @participants)
    ON CONFLICT (poll_id, hour_start) DO UPDATE SET participants = max(participants, excluded.participants)`);
  const burstsOf = db.prepare('SELECT poll_id AS pollId, hour_start AS hourStart, participants FROM poll_bursts WHERE poll_id = ? ORDER BY hour_start');

  const byQuestion = (rows: CountRow[]): Record<string, Record<string, number>> => {
    const out: Record<string, Record<string, number>> = {};
    for (const { question, option, votes } of rows) (out[question] ??= {})[option] = votes;
    return out;
  };

  return {
    /** After the retention period from a poll's close: its counters stay; votes and statements go. */
    purgeClosedBefore(before: number) {
      purgeVotes.run(before);
      purgeStatements.run(before);
    },

    syncFilePolls: db.transaction((polls: PollDefinition[], now: number) => {
      for (const poll of polls) upsertFilePoll.run({ id: poll.id, site: poll.site, definition: JSON.stringify(poll), now });
      releaseFilePolls.run(JSON.stringify(polls.map((poll) => poll.id)));
    }),
    getPoll: (id: string) => {
      const row = selectPoll.get(id);
      return row ? toPoll(row as PollRow) : undefined;
    },
    listPolls: (site?: string) => allPolls.all({ site: site ?? null }).map((row) => ({ ...toPoll(row as PollRow), pending: (row as { pending: number }).pending })),
    createPoll: (poll: PollDefinition, by: string, now: number) => insertPoll.run({ id: poll.id, site: poll.site, definition: JSON.stringify(poll), source: 'dashboard', now, by }).changes === 1,
    /** Dashboard polls only: a file's poll is changed in its file. */
    updatePoll: (poll: PollDefinition, by: string, now: number) => updatePoll.run({ id: poll.id, site: poll.site, definition: JSON.stringify(poll), source: 'dashboard', now, by }).changes === 1,
    setPollResponse: (id: string, response: PollText | null, by: string, now: number) => setResponse.run(response ? JSON.stringify(response) : null, now, by, id).changes === 1,

    readPoll(id: string, participant?: string) {
      const row = selectPoll.get(id);
      if (!row) return undefined;
      return {
        poll: toPoll(row as PollRow),
        counts: byQuestion(countsOf.all(id) as CountRow[]),
        published: publishedOf.all(id).map((r) => toStatement(r as StatementDbRow)),
        mine: participant
          ? {
              votes: Object.fromEntries(votesOf.all(id, participant).map((r) => [(r as CountRow).question, (r as CountRow).option])),
              statements: statementsOfParticipant.all(id, participant).map((r) => toStatement(r as StatementDbRow)),
            }
          : undefined,
      };
    },
    getStatement: (id: number) => {
      const row = selectStatement.get(id);
      return row ? toStatement(row as StatementDbRow) : undefined;
    },
    listStatements: (pollId: string, { status, limit, offset }: { status?: string, limit: number, offset: number }) => statementsOf.all({ pollId, status: status ?? null, limit, offset }).map((r) => toStatement(r as StatementDbRow)),
    countStatements: (pollId: string) => {
      const counts = { pending: 0, published: 0, rejected: 0 };
      for (const row of (countStatements.all(pollId) as { status: keyof typeof counts, n: number }[])) counts[row.status] = row.n;
      return counts;
    },
    moderateStatement: (pollId: string, id: number, { status, reason, by, at }: { status: 'published' | 'rejected', reason: string | null, by: string, at: number }) => moderate.run({ pollId, id, status, reason, by, at }).changes === 1,
    replyToStatement: (pollId: string, id: number, text: PollText | null, by: string, at: number) => reply.run({ pollId, id, reply: text ? JSON.stringify(text) : null, by, at }).changes === 1,

    /** On its author's request: the statement, the answer that brought it, and the votes on it. */
    deleteStatement: db.transaction((pollId: string, id: number) => {
      const row = selectStatement.get(id) as StatementDbRow | undefined;
      if (!row || row.poll_id !== pollId) return false;
      deleteStatementRow.run(id, pollId);
      deleteSubmissionRow.run(row.submission_id);
      deleteQuestionVotes.run(pollId, `s-${id}`);
      deleteQuestionCounts.run(pollId, `s-${id}`);
      return true;
    }),

    participantSecret: () => selectSecret.get() as Buffer,
    hasAnswered: (pollId: string, participant: string) => answered.get({ pollId, participant }) === 1,
    recordBurst: (burst: PollBurst) => {
      upsertBurst.run(burst);
    },
    listBursts: (pollId: string) => burstsOf.all(pollId) as PollBurst[],

    getSitePolicy: (site: string): PollText | null => json(((selectPolicy.get(site) ?? null) as string | null)),
    setSitePolicy: (site: string, policy: PollText | null, by: string, at: number) => {
      if (policy) savePolicy.run({ site, policy: JSON.stringify(policy), at, by });
      else deletePolicy.run(site);
    },
  };
}
