// The finder's dashboard SQL for the SQLite store: needs (settled searches), needs with no
// answer, "did this answer your need?" answers. Synchronous; sqlite.ts makes them async.
//
// How needs are counted. The finder sends a search once it settles ({query, results}); when
// the person then chooses a result it sends the search again with `chosen`, and a person who
// chooses before the search settles sends only that one. Submissions carry no id that links
// them (by design: no tracking), so a search with `chosen` counts as the same need as the
// search just before it with the same words on the same page (and site) when that came at
// most NEED_GAP_MS earlier; every search without `chosen` is a need of its own. Where two
// people search the same words on the same page within minutes, this can only undercount.
// Answered needs are needs where a result was chosen, less the "No" answers to "did this
// answer your need?" (each No is one chosen answer that did not help): again, if anything,
// an undercount, so contacts avoided are never overstated.
import { NEED_GAP_MS } from './dashboard-store.js';
import type { Database } from 'better-sqlite3';
import type { FinderFilter, FinderNeed, FinderNotHelped, FinderSummary } from './store.js';

const FINDER = 'finder';
const DAY = 24 * 60 * 60 * 1000;

/** The needs in a window, one row each, as a CTE named `needs`. Only fixed SQL text. */
const NEEDS = `
  WITH searches AS (
    SELECT site, page_url, lower(trim(json_extract(answers, '$.query'))) AS query,
      json_extract(answers, '$.results') AS results, json_extract(answers, '$.chosen') AS chosen, received_at
    FROM submissions
    WHERE widget = '${FINDER}' AND quarantined = 0 AND received_at >= @since AND received_at < @until
      AND (@site IS NULL OR site = @site)
      AND json_type(answers, '$.query') = 'text' AND json_type(answers, '$.helped') IS NULL
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
    SELECT query, min(received_at) AS at, max(coalesce(results, 0)) AS results, max(chosen IS NOT NULL) AS chosen
    FROM numbered GROUP BY site, page_url, query, need
  )`;

export function finderQueries(db: Database) {
  const summary = db.prepare(`${NEEDS}
    SELECT
      sum(at >= @d7) AS needs7, sum(at >= @d7 AND results = 0) AS none7, sum(at >= @d7 AND chosen) AS chosen7,
      sum(at >= @d30) AS needs30, sum(at >= @d30 AND results = 0) AS none30, sum(at >= @d30 AND chosen) AS chosen30,
      count(*) AS needs90, sum(results = 0) AS none90, sum(chosen) AS chosen90
    FROM needs`);
  const helped = db.prepare(`
    SELECT
      sum(received_at >= @d7 AND helped = 'true') AS yes7, sum(received_at >= @d7 AND helped = 'false') AS no7,
      sum(received_at >= @d30 AND helped = 'true') AS yes30, sum(received_at >= @d30 AND helped = 'false') AS no30,
      sum(helped = 'true') AS yes90, sum(helped = 'false') AS no90
    FROM (SELECT received_at, json_type(answers, '$.helped') AS helped FROM submissions
      WHERE widget = '${FINDER}' AND quarantined = 0 AND received_at >= @since AND received_at < @until
        AND (@site IS NULL OR site = @site))
    WHERE helped IN ('true', 'false')`);
  const topNeeds = db.prepare(`${NEEDS}
    SELECT query, count(*) AS needs, sum(results = 0) AS noResults, sum(chosen) AS chosen, max(at) AS lastAt
    FROM needs GROUP BY query ORDER BY needs DESC, lastAt DESC, query LIMIT @limit`);
  const unanswered = db.prepare(`${NEEDS}
    SELECT query, count(*) AS needs, max(at) AS lastAt
    FROM needs WHERE results = 0 GROUP BY query ORDER BY needs DESC, lastAt DESC, query LIMIT @limit`);
  const notHelpedWhere = `widget = '${FINDER}' AND quarantined = 0 AND received_at >= @since AND received_at < @until
    AND (@site IS NULL OR site = @site) AND json_type(answers, '$.helped') = 'false'`;
  const notHelped = db.prepare(`SELECT received_at AS receivedAt, site, page_url AS pageUrl, page_title AS pageTitle,
      coalesce(json_extract(answers, '$.query'), '') AS query, coalesce(json_extract(answers, '$.chosen'), '') AS chosen,
      coalesce(json_extract(answers, '$.need'), '') AS need
    FROM submissions WHERE ${notHelpedWhere} ORDER BY received_at DESC, id DESC LIMIT @limit OFFSET @offset`);
  const notHelpedCount = db.prepare(`SELECT count(*) FROM submissions WHERE ${notHelpedWhere}`).pluck();

  const range = ({ site, since, until }: FinderFilter) => ({ site: site ?? null, since, until });

  return {
    finderSummary({ site }: { site?: string }, now: number): FinderSummary {
      const params = { site: site ?? null, since: now - 90 * DAY, until: now + 1, d7: now - 7 * DAY, d30: now - 30 * DAY };
      const n = summary.get(params) as Record<string, number | null>;
      const h = helped.get(params) as Record<string, number | null>;
      const period = (days: 7 | 30 | 90) => {
        const needs = n[`needs${days}`] ?? 0;
        const chosen = n[`chosen${days}`] ?? 0;
        const no = h[`no${days}`] ?? 0;
        const answered = Math.max(0, chosen - no);
        return { needs, noAnswer: n[`none${days}`] ?? 0, chosen, helpedYes: h[`yes${days}`] ?? 0, helpedNo: no, answered, answeredRate: needs ? answered / needs : null };
      };
      return { 7: period(7), 30: period(30), 90: period(90) };
    },
    finderTopNeeds: (filter: FinderFilter, limit: number) => topNeeds.all({ ...range(filter), limit }) as FinderNeed[],
    finderUnanswered: (filter: FinderFilter, limit: number) => unanswered.all({ ...range(filter), limit }) as FinderNeed[],
    finderNotHelped(filter: FinderFilter, { limit, offset }: { limit: number, offset: number }) {
      const params = range(filter);
      return {
        rows: notHelped.all({ ...params, limit, offset }) as FinderNotHelped[],
        total: notHelpedCount.get(params) as number,
      };
    },
  };
}
