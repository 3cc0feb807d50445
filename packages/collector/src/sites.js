// The sites this collector takes answers for, and the origins each may send them from.
import { SELF_ORIGIN } from './config.js';

/** @typedef {import('./config.js').SiteConfig} SiteConfig */

/**
 * @typedef {{ ok: true, site: SiteConfig } | { ok: false, field: 'site' | 'origin', message: string }} SiteCheck
 */

/** @param {SiteConfig[]} sites */
export function siteRegistry(sites) {
  // "self" is kept apart from the origins, so that a request claiming `Origin: self` matches nothing.
  const byId = new Map(sites.map((site) => [site.id, { site, self: site.origins.includes(SELF_ORIGIN), origins: new Set(site.origins.filter((origin) => origin !== SELF_ORIGIN)) }]));
  const anyOrigin = new Set(sites.flatMap((site) => site.origins).filter((origin) => origin !== SELF_ORIGIN));

  return {
    /** @param {string} id */
    get: (id) => byId.get(id)?.site,

    /** For CORS, which runs before the body (and so the site) is known. @param {string | undefined} origin */
    isKnownOrigin: (origin) => origin !== undefined && anyOrigin.has(origin),

    /**
     * A browser always sends Origin with a POST, same-origin or not, so a missing Origin means
     * a server or script, which could claim any Origin anyway: it is let through unless the
     * site sets requireOrigin. "null" (sandboxed frames, file: pages) never matches.
     * @param {string} siteId
     * @param {string | undefined} origin
     * @param {string} [selfOrigin]  The origin the request came to (scheme, host and port), which "self" stands for.
     * @returns {SiteCheck}
     */
    authorize(siteId, origin, selfOrigin) {
      const entry = byId.get(siteId);
      if (!entry) return { ok: false, field: 'site', message: 'is not a site this collector takes answers for' };
      if (origin === undefined) {
        return entry.site.requireOrigin ? { ok: false, field: 'origin', message: 'is required for this site' } : { ok: true, site: entry.site };
      }
      const fromSelf = entry.self && origin === selfOrigin;
      if (!fromSelf && !entry.origins.has(origin)) return { ok: false, field: 'origin', message: `is not one of the origins allowed for site "${siteId}"` };
      return { ok: true, site: entry.site };
    },
  };
}
