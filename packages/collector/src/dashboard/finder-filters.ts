// The finder view's filters, read from the query string: a site (or all) and a period.
import type { FinderFilter } from '../store/store.js';

export const PERIODS = [7, 30, 90] as const;
const DAY = 24 * 60 * 60 * 1000;

const first = (value: unknown): string => (Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value.trim() : '');

/**
 * Unknown sites and periods fall back to all sites and 30 days: a filter is never an error.
 */
export function parseFinderFilters(query: Record<string, unknown>, siteIds: string[], now: number) {
  const site = siteIds.includes(first(query.site)) ? first(query.site) : '';
  const asked = Number(first(query.period));
  const period = PERIODS.find((days) => days === asked) ?? 30;
  const page = Math.max(1, Math.min(100000, Number.parseInt(first(query.p), 10) || 1));
  const filter: FinderFilter = { since: now - period * DAY, until: now + 1, ...(site ? { site } : {}) };
  return { values: { site, period: String(period) }, period, filter, page };
}
