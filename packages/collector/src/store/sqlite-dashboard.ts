// The dashboard's SQL for the SQLite store: feedback answers (list, counts, review, delete),
// staff accounts, sessions and sign-in failures. Synchronous; sqlite.js makes them async.
import { fromRow } from './sqlite-rows.js';
import type { SubmissionRow } from './sqlite-rows.js';
import type { AnswerFilter, FailureKey, SignInAttempt, StaffSession, StaffUser } from './store.js';
import type { Database, Statement } from 'better-sqlite3';

const DAY = 24 * 60 * 60 * 1000;
const FEEDBACK = 'feedback';

/** The WHERE clause for a filter, with its named parameters. Only fixed SQL text is joined. */
function where(filter: AnswerFilter) {
  const clauses = ['widget = @widget', filter.quarantined ? 'quarantined = 1' : 'quarantined = 0'];
  const params: Record<string, string | number> = { widget: FEEDBACK };
  if (filter.site) (clauses.push('site = @site'), (params.site = filter.site));
  if (filter.pageUrl) (clauses.push('page_url = @pageUrl'), (params.pageUrl = filter.pageUrl));
  if (filter.from !== undefined) (clauses.push('received_at >= @from'), (params.from = filter.from));
  if (filter.to !== undefined) (clauses.push('received_at < @to'), (params.to = filter.to));
  if (filter.status === 'reviewed') clauses.push('reviewed_at IS NOT NULL');
  if (filter.status === 'unreviewed') clauses.push('reviewed_at IS NULL');
  if (filter.answer === 'yes') clauses.push(`json_type(answers, '$.useful') = 'true'`);
  if (filter.answer === 'no') clauses.push(`(json_type(answers, '$.useful') = 'false' OR json_extract(answers, '$.reason') = 'not-useful')`);
  if (filter.answer === 'problem' || filter.answer === 'more') {
    clauses.push(`json_extract(answers, '$.reason') = @reason`);
    params.reason = filter.answer;
  }
  if (filter.text) {
    // LIKE wildcards typed by staff are matched literally.
    params.text = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push(`(coalesce(json_extract(answers, '$.trying'), '') LIKE @text ESCAPE '\\'
      OR coalesce(json_extract(answers, '$.wrong'), '') LIKE @text ESCAPE '\\')`);
  }
  return { sql: clauses.join(' AND '), params };
}

export function dashboardQueries(db: Database) {
  // Statements that depend on the filter's shape are prepared once per shape.
  const byShape: Map<string, { list: Statement, count: Statement }> = new Map();
  const statementsFor = (sql: string) => {
    let found = byShape.get(sql);
    if (!found) {
      found = {
        list: db.prepare(`SELECT * FROM submissions WHERE ${sql} ORDER BY received_at DESC, id DESC LIMIT @limit OFFSET @offset`),
        count: db.prepare(`SELECT count(*) FROM submissions WHERE ${sql}`).pluck(),
      };
      byShape.set(sql, found);
    }
    return found;
  };

  const counts = db.prepare(`
    SELECT site, page_url AS pageUrl, max(page_title) AS pageTitle,
      sum(vote = 'true'  AND received_at >= @d7)  AS yes7,  sum(vote = 'false' AND received_at >= @d7)  AS no7,
      sum(vote = 'true'  AND received_at >= @d30) AS yes30, sum(vote = 'false' AND received_at >= @d30) AS no30,
      sum(vote = 'true')  AS yes90, sum(vote = 'false') AS no90
    FROM (SELECT site, page_url, page_title, received_at, json_type(answers, '$.useful') AS vote FROM submissions
      WHERE widget = @widget AND quarantined = 0 AND received_at >= @d90
        AND (@site IS NULL OR site = @site) AND (@pageUrl IS NULL OR page_url = @pageUrl))
    WHERE vote IN ('true', 'false')
    GROUP BY site, page_url
    ORDER BY count(*) DESC, site, page_url`);
  const pages = db.prepare(`SELECT DISTINCT site, page_url AS pageUrl FROM submissions
    WHERE widget = @widget AND (@site IS NULL OR site = @site) ORDER BY site, page_url LIMIT 500`);
  const review = db.prepare('UPDATE submissions SET reviewed_at = ?, reviewed_by = ? WHERE id = ?');
  const deleteOne = db.prepare('DELETE FROM submissions WHERE id = ?');

  const endSessionsOf = db.prepare('DELETE FROM staff_sessions WHERE user_id = ?');
  const userByEmail = db.prepare('SELECT id, email, password_hash AS passwordHash, created_at AS createdAt FROM staff_users WHERE email = ?');
  const insertUser = db.prepare('INSERT INTO staff_users (email, password_hash, created_at) VALUES (?, ?, ?)');
  const updatePassword = db.prepare('UPDATE staff_users SET password_hash = ? WHERE id = ?');
  const users = db.prepare('SELECT email, created_at AS createdAt FROM staff_users ORDER BY email');
  const deleteUser = db.prepare('DELETE FROM staff_users WHERE id = ?');
  const insertSession = db.prepare(`INSERT INTO staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at)
    VALUES (@idHash, @userId, @csrfToken, @createdAt, @expiresAt, @createdAt)`);
  const session = db.prepare(`SELECT s.user_id AS userId, u.email, s.csrf_token AS csrfToken, s.expires_at AS expiresAt
    FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
    WHERE s.id_hash = @idHash AND s.expires_at > @now AND s.last_seen_at + @idleMs > @now`);
  const seen = db.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?');
  const deleteSession = db.prepare('DELETE FROM staff_sessions WHERE id_hash = ?');
  const insertFailure = db.prepare('INSERT INTO sign_in_failures (email, address, at) VALUES (@email, @address, @at)');
  const failuresBy = (columns: string) =>
    db.prepare(`SELECT at FROM sign_in_failures WHERE ${columns} AND at >= @since ORDER BY at DESC LIMIT @limit`).pluck();
  const failures = {
    pair: failuresBy('email = @email AND address = @address'),
    address: failuresBy('address = @address'),
    email: failuresBy('email = @email'),
  };
  const clearFailures = db.prepare('DELETE FROM sign_in_failures WHERE email = @email AND address = @address');
  const purgeSessions = db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?');
  const purgeFailures = db.prepare('DELETE FROM sign_in_failures WHERE at < ?');

  const findUser = (email: string): StaffUser | undefined => userByEmail.get(email) as StaffUser | undefined;

  return {
    listAnswers(filter: AnswerFilter, { limit, offset }: { limit: number, offset: number }) {
      const { sql, params } = where(filter);
      const statements = statementsFor(sql);
      const rows = statements.list.all({ ...params, limit, offset }).map((row) => {
        const record = row as SubmissionRow;
        return { ...fromRow(record), reviewedAt: record.reviewed_at ?? null, reviewedBy: record.reviewed_by ?? null };
      });
      return { rows, total: statements.count.get(params) as number };
    },
    pageCounts(filter: { site?: string, pageUrl?: string }, now: number) {
      return counts
        .all({ widget: FEEDBACK, site: filter.site ?? null, pageUrl: filter.pageUrl ?? null, d7: now - 7 * DAY, d30: now - 30 * DAY, d90: now - 90 * DAY })
        .map((row) => {
          const r = row as { site: string, pageUrl: string, pageTitle: string, yes7: number, yes30: number, yes90: number, no7: number, no30: number, no90: number };
          return { site: r.site, pageUrl: r.pageUrl, pageTitle: r.pageTitle, yes: { 7: r.yes7, 30: r.yes30, 90: r.yes90 }, no: { 7: r.no7, 30: r.no30, 90: r.no90 } };
        });
    },
    listPages: (site?: string): { site: string, pageUrl: string }[] => pages.all({ widget: FEEDBACK, site: site ?? null }) as { site: string, pageUrl: string }[],
    markReviewed: (id: string, by: string, at: number) => review.run(at, by, id).changes === 1,
    deleteSubmission: (id: string) => deleteOne.run(id).changes === 1,

    /** Creates the account, or replaces its password and ends its sessions. */
    saveUser: db.transaction((email: string, passwordHash: string, now: number) => {
      const existing = findUser(email);
      if (!existing) {
        insertUser.run(email, passwordHash, now);
        return 'created' as const;
      }
      updatePassword.run(passwordHash, existing.id);
      endSessionsOf.run(existing.id);
      return 'updated' as const;
    }),
    findUser,
    listUsers: () => users.all() as { email: string, createdAt: number }[],
    removeUser: db.transaction((email: string) => {
      const existing = findUser(email);
      if (!existing) return false;
      endSessionsOf.run(existing.id);
      deleteUser.run(existing.id);
      return true;
    }),
    createSession: (row: { idHash: string, userId: number, csrfToken: string, createdAt: number, expiresAt: number }) => void insertSession.run(row),
    findSession: (idHash: string, now: number, idleMs: number): StaffSession | undefined => {
      const found = session.get({ idHash, now, idleMs }) as StaffSession | undefined;
      if (found) seen.run(now, idHash);
      return found;
    },
    deleteSession: (idHash: string) => void deleteSession.run(idHash),
    recordSignInFailure: ({ email, address }: SignInAttempt, at: number) => void insertFailure.run({ email, address, at }),
    recentSignInFailures(key: FailureKey, since: number, limit: number) {
      const statement = 'email' in key ? ('address' in key ? failures.pair : failures.email) : failures.address;
      return statement.all({ ...key, since, limit }) as number[];
    },
    clearSignInFailures: ({ email, address }: SignInAttempt) => void clearFailures.run({ email, address }),
    /** Expired sessions, and failures older than a day (the limits look back minutes). */
    purgeStaff(now: number) {
      purgeSessions.run(now);
      purgeFailures.run(now - DAY);
    },
  };
}
