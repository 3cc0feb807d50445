// The inbox's filters, read from the query string. The same parsed filter drives the page, its
// counts and the CSV export, so the export holds exactly the answers the page lists.

import { ukDayEnd, ukDayStart } from './views/format.js';
import type { AnswerFilter } from '../store/store.js';

export const ANSWERS = ({ yes: 'Yes (useful)', no: 'No (not useful)', problem: 'Reported a problem', more: 'Wanted more' } as const);
export const STATUSES = ({ unreviewed: 'Not reviewed', reviewed: 'Reviewed' } as const);

/**
 * What the form shows (strings as typed), the store filter, the page number, and any problems.
 */
export type ParsedFilters = {
  values: Record<'site' | 'url' | 'from' | 'to' | 'answer' | 'q' | 'status' | 'view', string>;
  filter: AnswerFilter;
  /** 1-based */
  page: number;
  problems: { field: string, message: string }[];
};

const first = (value: unknown): string => (Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value.trim() : '');

/**
 * @param siteIds The configured sites; any other value is ignored.
 */
export function parseFilters(query: Record<string, unknown>, siteIds: string[]): ParsedFilters {
  const values = {
    site: first(query.site), url: first(query.url), from: first(query.from), to: first(query.to),
    answer: first(query.answer), q: first(query.q).slice(0, 200), status: first(query.status), view: first(query.view),
  };
  const filter: AnswerFilter = {};
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
  if (Object.hasOwn(ANSWERS, values.answer)) filter.answer = (values.answer as keyof typeof ANSWERS);
  else values.answer = '';
  if (Object.hasOwn(STATUSES, values.status)) filter.status = (values.status as keyof typeof STATUSES);
  else values.status = '';
  if (values.q) filter.text = values.q;
  if (values.view === 'quarantine') filter.quarantined = true;
  else values.view = '';
  const page = Math.max(1, Math.min(100000, Number.parseInt(first(query.p), 10) || 1));
  return { values, filter, page, problems };
}

/**
 * The query string for these filter values (empty ones left out), with changes.
 */
export function queryString(values: Record<string, string>, changes: Record<string, string | number> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...changes })) if (value !== '' && value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
