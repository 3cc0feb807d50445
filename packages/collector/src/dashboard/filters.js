// The inbox's filters, read from the query string. The same parsed filter drives the page, its
// counts and the CSV export, so the export holds exactly the answers the page lists.

import { ukDayEnd, ukDayStart } from './views/format.js';

/** @typedef {import('../store/store.js').AnswerFilter} AnswerFilter */

export const ANSWERS = /** @type {const} */ ({ yes: 'Yes (useful)', no: 'No (not useful)', problem: 'Reported a problem', more: 'Wanted more' });
export const STATUSES = /** @type {const} */ ({ unreviewed: 'Not reviewed', reviewed: 'Reviewed' });

/**
 * What the form shows (strings as typed), the store filter, the page number, and any problems.
 * @typedef {object} ParsedFilters
 * @property {Record<'site' | 'url' | 'from' | 'to' | 'answer' | 'q' | 'status' | 'view', string>} values
 * @property {AnswerFilter} filter
 * @property {number} page  1-based
 * @property {{ field: string, message: string }[]} problems
 */

/** @param {unknown} value  @returns {string} */
const first = (value) => (Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value.trim() : '');

/**
 * @param {Record<string, unknown>} query
 * @param {string[]} siteIds  The configured sites; any other value is ignored.
 * @returns {ParsedFilters}
 */
export function parseFilters(query, siteIds) {
  const values = {
    site: first(query.site), url: first(query.url), from: first(query.from), to: first(query.to),
    answer: first(query.answer), q: first(query.q).slice(0, 200), status: first(query.status), view: first(query.view),
  };
  /** @type {AnswerFilter} */
  const filter = {};
  const problems = [];
  if (siteIds.includes(values.site)) filter.site = values.site;
  else values.site = '';
  if (values.url) filter.pageUrl = values.url.slice(0, 2048);
  if (values.from) {
    const from = ukDayStart(values.from);
    if (from === null) problems.push({ field: 'from', message: 'Enter the "from" date as a real date, for example 2026-11-01' });
    else filter.from = from;
  }
  if (values.to) {
    const to = ukDayEnd(values.to);
    if (to === null) problems.push({ field: 'to', message: 'Enter the "to" date as a real date, for example 2026-11-30' });
    else filter.to = to;
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    problems.push({ field: 'to', message: 'The "to" date must be the same as or after the "from" date' });
    delete filter.from;
    delete filter.to;
  }
  if (values.answer in ANSWERS) filter.answer = /** @type {keyof typeof ANSWERS} */ (values.answer);
  else values.answer = '';
  if (values.status in STATUSES) filter.status = /** @type {keyof typeof STATUSES} */ (values.status);
  else values.status = '';
  if (values.q) filter.text = values.q;
  if (values.view === 'quarantine') filter.quarantined = true;
  else values.view = '';
  const page = Math.max(1, Math.min(100000, Number.parseInt(first(query.p), 10) || 1));
  return { values, filter, page, problems };
}

/**
 * The query string for these filter values (empty ones left out), with changes.
 * @param {Record<string, string>} values  @param {Record<string, string | number>} [changes]
 */
export function queryString(values, changes = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...changes })) if (value !== '' && value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
