// The finder's dashboard figures in PostgreSQL, counted as every store counts them
// (NEED_GAP_MS in dashboard-store.ts): a search with `chosen` is the same need as the search
// just before it with the same words on the same page within the gap; answered needs are the
// chosen less the "No"s. The same SQL as SQLite's (sqlite-finder.ts), in PostgreSQL's JSON.
import { NEED_GAP_MS } from './dashboard-store.js';
import type { FinderFilter, FinderNeed, FinderNotHelped, FinderSummary } from './dashboard-store.js';
import type { Pool } from 'pg';

const FINDER = 'finder';
const DAY = 24 * 60 * 60 * 1000;

/** Finder answers in the window ($1 since, $2 until, $3 site or null), not quarantined. */
const IN_WINDOW = `widget = '${FINDER}' AND NOT quarantined AND received_at >= $1 AND received_at < $2 AND ($3::text IS NULL OR site = $3)`;

/** The needs in the window, one row each, as a CTE named `needs`. */
const NEEDS = `
  WITH searches AS (
    SELECT site, page_url, lower(trim(a ->> 'query')) AS query,
      CASE WHEN jsonb_typeof(a -> 'results') = 'number' THEN (a ->> 'results')::float8 END AS results,
      a ->> 'chosen' AS chosen, received_at
    FROM (SELECT *, answers::jsonb AS a FROM submissions WHERE ${IN_WINDOW}) finder
    WHERE jsonb_typeof(a -> 'query') = 'string' AND a -> 'helped' IS NULL
  ),
  marked AS (
    SELECT *, CASE WHEN chosen IS NOT NULL AND received_at - lag(received_at) OVER same <= ${NEED_GAP_MS} THEN 0 ELSE 1 END AS starts
    FROM searches WINDOW same AS (PARTITION BY site, page_url, query ORDER BY received_at)
  ),
  numbered AS (
    SELECT *, sum(starts) OVER (PARTITION BY site, page_url, query ORDER BY received_at ROWS UNBOUNDED PRECEDING) AS need
    FROM marked
  ),
  needs AS (
    SELECT query, min(received_at) AS at, max(coalesce(results, 0)) AS results, bool_or(chosen IS NOT NULL) AS chosen
    FROM numbered GROUP BY site, page_url, query, need
  )`;

const SUMMARY = `${NEEDS}
  SELECT
    count(*) FILTER (WHERE at >= $4) AS needs7, count(*) FILTER (WHERE at >= $4 AND results = 0) AS none7, count(*) FILTER (WHERE at >= $4 AND chosen) AS chosen7,
    count(*) FILTER (WHERE at >= $5) AS needs30, count(*) FILTER (WHERE at >= $5 AND results = 0) AS none30, count(*) FILTER (WHERE at >= $5 AND chosen) AS chosen30,
    count(*) AS needs90, count(*) FILTER (WHERE results = 0) AS none90, count(*) FILTER (WHERE chosen) AS chosen90
  FROM needs`;

const HELPED = `
  SELECT
    count(*) FILTER (WHERE received_at >= $4 AND helped) AS yes7, count(*) FILTER (WHERE received_at >= $4 AND NOT helped) AS no7,
    count(*) FILTER (WHERE received_at >= $5 AND helped) AS yes30, count(*) FILTER (WHERE received_at >= $5 AND NOT helped) AS no30,
    count(*) FILTER (WHERE helped) AS yes90, count(*) FILTER (WHERE NOT helped) AS no90
  FROM (SELECT received_at, CASE answers::jsonb -> 'helped' WHEN 'true'::jsonb THEN true WHEN 'false'::jsonb THEN false END AS helped
    FROM submissions WHERE ${IN_WINDOW}) answers`;

const TOP_NEEDS = `${NEEDS}
  SELECT query, count(*) AS needs, count(*) FILTER (WHERE results = 0) AS "noResults", count(*) FILTER (WHERE chosen) AS chosen, max(at) AS "lastAt"
  FROM needs GROUP BY query ORDER BY needs DESC, "lastAt" DESC, query COLLATE "C" LIMIT $4`;

const UNANSWERED = `${NEEDS}
  SELECT query, count(*) AS needs, max(at) AS "lastAt"
  FROM needs WHERE results = 0 GROUP BY query ORDER BY needs DESC, "lastAt" DESC, query COLLATE "C" LIMIT $4`;

const NOT_HELPED_WHERE = `${IN_WINDOW} AND answers::jsonb -> 'helped' = 'false'::jsonb`;
const NOT_HELPED = `SELECT received_at AS "receivedAt", site, page_url AS "pageUrl", page_title AS "pageTitle",
    coalesce(answers::jsonb ->> 'query', '') AS query, coalesce(answers::jsonb ->> 'chosen', '') AS chosen,
    coalesce(answers::jsonb ->> 'need', '') AS need
  FROM submissions WHERE ${NOT_HELPED_WHERE} ORDER BY received_at DESC, id DESC LIMIT $4 OFFSET $5`;

const range = ({ site, since, until }: FinderFilter) => [since, until, site ?? null];

export function postgresFinder(pool: Pool) {
  const one = async (sql: string, params: unknown[]) => ((await pool.query(sql, params)).rows[0] ?? {}) as Record<string, number>;
  return {
    async finderSummary({ site }: { site?: string }, now: number): Promise<FinderSummary> {
      const params = [now - 90 * DAY, now + 1, site ?? null, now - 7 * DAY, now - 30 * DAY];
      const [n, h] = await Promise.all([one(SUMMARY, params), one(HELPED, params)]);
      const period = (days: 7 | 30 | 90) => {
        const needs = n[`needs${days}`] ?? 0;
        const chosen = n[`chosen${days}`] ?? 0;
        const no = h[`no${days}`] ?? 0;
        const answered = Math.max(0, chosen - no);
        return { needs, noAnswer: n[`none${days}`] ?? 0, chosen, helpedYes: h[`yes${days}`] ?? 0, helpedNo: no, answered, answeredRate: needs ? answered / needs : null };
      };
      return { 7: period(7), 30: period(30), 90: period(90) };
    },
    finderTopNeeds: async (filter: FinderFilter, limit: number) => (await pool.query<FinderNeed>(TOP_NEEDS, [...range(filter), limit])).rows,
    finderUnanswered: async (filter: FinderFilter, limit: number) => (await pool.query<FinderNeed>(UNANSWERED, [...range(filter), limit])).rows,
    async finderNotHelped(filter: FinderFilter, { limit, offset }: { limit: number, offset: number }) {
      const [rows, count] = await Promise.all([
        pool.query<FinderNotHelped>(NOT_HELPED, [...range(filter), limit, offset]),
        pool.query<{ n: number }>(`SELECT count(*) AS n FROM submissions WHERE ${NOT_HELPED_WHERE}`, range(filter)),
      ]);
      return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
    },
  };
}
