// The dashboard's reads of feedback answers in PostgreSQL: the inbox, votes per page, pages.
// answers is JSON text, read as jsonb here; only fixed SQL text is joined, values are parameters.
import { fromRow } from './postgres-rows.js';
import type { SubmissionRow } from './postgres-rows.js';
import type { AnswerFilter, AnswerRow, PageCounts } from './dashboard-store.js';
import type { Pool } from 'pg';

const DAY = 24 * 60 * 60 * 1000;
const FEEDBACK = 'feedback';

/** The WHERE clause for a filter, with its positional parameters. */
function where(filter: AnswerFilter) {
  const params: unknown[] = [FEEDBACK];
  const param = (value: unknown) => `$${params.push(value)}`;
  const clauses = ['widget = $1', filter.quarantined ? 'quarantined' : 'NOT quarantined'];
  if (filter.site) clauses.push(`site = ${param(filter.site)}`);
  if (filter.pageUrl) clauses.push(`page_url = ${param(filter.pageUrl)}`);
  if (filter.from !== undefined) clauses.push(`received_at >= ${param(filter.from)}`);
  if (filter.to !== undefined) clauses.push(`received_at < ${param(filter.to)}`);
  if (filter.status === 'reviewed') clauses.push('reviewed_at IS NOT NULL');
  if (filter.status === 'unreviewed') clauses.push('reviewed_at IS NULL');
  if (filter.answer === 'yes') clauses.push(`answers::jsonb -> 'useful' = 'true'::jsonb`);
  if (filter.answer === 'no') clauses.push(`(answers::jsonb -> 'useful' = 'false'::jsonb OR answers::jsonb ->> 'reason' = 'not-useful')`);
  if (filter.answer === 'problem' || filter.answer === 'more') clauses.push(`answers::jsonb ->> 'reason' = ${param(filter.answer)}`);
  if (filter.text) {
    // LIKE wildcards typed by staff are matched literally.
    const text = param(`%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    clauses.push(`(coalesce(answers::jsonb ->> 'trying', '') ILIKE ${text} ESCAPE '\\'
      OR coalesce(answers::jsonb ->> 'wrong', '') ILIKE ${text} ESCAPE '\\')`);
  }
  return { sql: clauses.join(' AND '), params };
}

const PAGE_COUNTS = `
  SELECT site, page_url AS "pageUrl", max(page_title) AS "pageTitle",
    count(*) FILTER (WHERE vote AND received_at >= $2) AS yes7, count(*) FILTER (WHERE NOT vote AND received_at >= $2) AS no7,
    count(*) FILTER (WHERE vote AND received_at >= $3) AS yes30, count(*) FILTER (WHERE NOT vote AND received_at >= $3) AS no30,
    count(*) FILTER (WHERE vote) AS yes90, count(*) FILTER (WHERE NOT vote) AS no90
  FROM (SELECT site, page_url, page_title, received_at,
      CASE answers::jsonb -> 'useful' WHEN 'true'::jsonb THEN true WHEN 'false'::jsonb THEN false END AS vote
    FROM submissions
    WHERE widget = $1 AND NOT quarantined AND received_at >= $4 AND ($5::text IS NULL OR site = $5) AND ($6::text IS NULL OR page_url = $6)) answers
  WHERE vote IS NOT NULL
  GROUP BY site, page_url
  ORDER BY count(*) DESC, site, page_url`;

type CountsRow = { site: string, pageUrl: string, pageTitle: string, yes7: number, yes30: number, yes90: number, no7: number, no30: number, no90: number };

export function postgresDashboard(pool: Pool) {
  return {
    async listAnswers(filter: AnswerFilter, { limit, offset }: { limit: number, offset: number }) {
      const { sql, params } = where(filter);
      const n = params.length;
      const [list, count] = await Promise.all([
        pool.query<SubmissionRow>(`SELECT * FROM submissions WHERE ${sql} ORDER BY received_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset]),
        pool.query<{ n: number }>(`SELECT count(*) AS n FROM submissions WHERE ${sql}`, params),
      ]);
      const rows: AnswerRow[] = list.rows.map((row) => ({ ...fromRow(row), reviewedAt: row.reviewed_at ?? null, reviewedBy: row.reviewed_by ?? null }));
      return { rows, total: count.rows[0]?.n ?? 0 };
    },
    async pageCounts(filter: { site?: string, pageUrl?: string }, now: number): Promise<PageCounts[]> {
      const { rows } = await pool.query<CountsRow>(PAGE_COUNTS, [FEEDBACK, now - 7 * DAY, now - 30 * DAY, now - 90 * DAY, filter.site ?? null, filter.pageUrl ?? null]);
      return rows.map((r) => ({ site: r.site, pageUrl: r.pageUrl, pageTitle: r.pageTitle, yes: { 7: r.yes7, 30: r.yes30, 90: r.yes90 }, no: { 7: r.no7, 30: r.no30, 90: r.no90 } }));
    },
    async listPages(site?: string) {
      const { rows } = await pool.query<{ site: string, pageUrl: string }>(`SELECT DISTINCT site, page_url AS "pageUrl" FROM submissions
        WHERE widget = $1 AND ($2::text IS NULL OR site = $2) ORDER BY site, "pageUrl" LIMIT 500`, [FEEDBACK, site ?? null]);
      return rows;
    },
  };
}
