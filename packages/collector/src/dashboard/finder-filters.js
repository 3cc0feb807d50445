// The finder view's filters, read from the query string: a site (or all) and a period.

export const PERIODS = /** @type {const} */ ([7, 30, 90]);
const DAY = 24 * 60 * 60 * 1000;

/** @param {unknown} value  @returns {string} */
const first = (value) => (Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value.trim() : '');

/**
 * Unknown sites and periods fall back to all sites and 30 days: a filter is never an error.
 * @param {Record<string, unknown>} query  @param {string[]} siteIds  @param {number} now
 */
export function parseFinderFilters(query, siteIds, now) {
  const site = siteIds.includes(first(query.site)) ? first(query.site) : '';
  const asked = Number(first(query.period));
  const period = /** @type {7 | 30 | 90} */ (PERIODS.includes(/** @type {any} */ (asked)) ? asked : 30);
  const page = Math.max(1, Math.min(100000, Number.parseInt(first(query.p), 10) || 1));
  /** @type {import('../store/store.js').FinderFilter} */
  const filter = { since: now - period * DAY, until: now + 1, ...(site ? { site } : {}) };
  return { values: { site, period: String(period) }, period, filter, page };
}
