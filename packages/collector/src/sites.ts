// The sites this collector takes answers for, and the origins each may send them from.
import { SELF_ORIGIN, type SiteConfig } from './config.js';

export type SiteCheck = { ok: true, site: SiteConfig } | { ok: false, field: 'site' | 'origin', message: string };

export function siteRegistry(sites: SiteConfig[]) {
  // "self" is kept apart from the origins, so that a request claiming `Origin: self` matches nothing.
  const byId = new Map(sites.map((site) => [site.id, { site, self: site.origins.includes(SELF_ORIGIN), origins: new Set(site.origins.filter((origin) => origin !== SELF_ORIGIN)) }]));
  const anyOrigin = new Set(sites.flatMap((site) => site.origins).filter((origin) => origin !== SELF_ORIGIN));

  return {
    get: (id: string) => byId.get(id)?.site,

    /** For CORS, which runs before the body (and so the site) is known. */
    isKnownOrigin: (origin: string | undefined) => origin !== undefined && anyOrigin.has(origin),

    /**
     * A browser always sends Origin with a POST, same-origin or not, so a missing Origin means
     * a server or script, which could claim any Origin anyway: it is let through unless the
     * site sets requireOrigin. "null" (sandboxed frames, file: pages) never matches.
     * @param selfOrigin  The origin the request came to (scheme, host and port), which "self" stands for.
     */
    authorize(siteId: string, origin: string | undefined, selfOrigin?: string): SiteCheck {
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
