// Offers of help, for residents:
// - GET /v1/pledges/{list}?site={site}: the ways to help list the widget shows (never anyone's offer);
// - POST /v1/pledges/withdraw { site, reference }: the resident takes their offer back with the
//   reference they were given; its contact details are deleted at once.
// Offers themselves arrive by POST /v1/submissions (widget "pledge"). Readable and callable by
// the site's own origins only.
import { readReference, SLUG } from '@tandem/core/protocol.js';
import { BODY_LIMIT, useSubmissionParsers } from '../body.js';
import { refuse } from '../errors.js';
import { addressKey, type RateLimits } from '../rate-limit.js';
import type { siteRegistry } from '../sites.js';
import type { PledgeList, Store } from '../store/store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type PledgeRouteOptions = {
  store: Store;
  sites: ReturnType<typeof siteRegistry>;
  /** From the configuration's files. */
  pledges: PledgeList[];
  rateLimits: RateLimits;
  /** Withdrawals one address may try in a minute: a reference has 60 random bits, and guessing stays slow. */
  withdrawalsPerAddressPerMinute?: number;
};

export const WITHDRAWALS_PER_ADDRESS_PER_MINUTE = 10;

const JSON_TYPE = 'application/json; charset=utf-8';

export default async function pledgeRoutes(app: FastifyInstance, { store, sites, pledges, rateLimits, withdrawalsPerAddressPerMinute = WITHDRAWALS_PER_ADDRESS_PER_MINUTE }: PledgeRouteOptions): Promise<void> {
  useSubmissionParsers(app);
  // The configuration's lists replace their stored versions (offers stay).
  await store.pledges.syncFiles(pledges, Date.now());

  /** CORS for the site named, or (for a preflight, which carries no body) for any site's origin. */
  const allowOrigin = (req: FastifyRequest, reply: FastifyReply, siteId?: string) => {
    reply.header('Vary', 'Origin');
    const origin = req.headers.origin;
    const allowed = siteId === undefined ? sites.isKnownOrigin(origin) : Boolean(origin && sites.get(siteId)?.origins.includes(origin));
    if (allowed) reply.header('Access-Control-Allow-Origin', origin);
  };

  app.get('/v1/pledges/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const query = (req.query ?? {}) as Record<string, unknown>;
    const siteId = typeof query.site === 'string' ? query.site : '';
    // A list changes only when the configuration does; a minute's caching spares the collector.
    reply.header('Cache-Control', 'public, max-age=60');
    allowOrigin(req, reply, siteId);
    const list = sites.get(siteId) && SLUG.test(id) ? await store.pledges.getList(id) : undefined;
    if (!list || list.site !== siteId) {
      return reply.code(404).header('Cache-Control', 'no-store').type(JSON_TYPE).send({ error: 'There is no ways to help list with this id on this site', code: 'unknown-list' });
    }
    return reply.type(JSON_TYPE).send(list);
  });

  app.options('/v1/pledges/withdraw', (req, reply) => {
    allowOrigin(req, reply);
    if (!req.headers.origin || !req.headers['access-control-request-method']) return refuse(reply, 400, 'Not a CORS preflight request');
    reply.header('Access-Control-Allow-Methods', 'POST').header('Access-Control-Allow-Headers', 'Content-Type').header('Access-Control-Max-Age', '86400');
    return reply.code(204).send();
  });

  app.post('/v1/pledges/withdraw', { bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const siteId = typeof body.site === 'string' ? body.site : '';
    allowOrigin(req, reply, siteId);
    reply.header('Cache-Control', 'no-store');
    const { hits, secondsLeft } = rateLimits.hit(`withdraw:${addressKey(req.ip)}`);
    if (hits > withdrawalsPerAddressPerMinute) {
      reply.header('Retry-After', String(secondsLeft));
      return refuse(reply, 429, 'Too many tries; try again after the time in Retry-After', [], { code: 'too-many-requests' });
    }
    if (!sites.get(siteId)) return refuse(reply, 422, 'site must be a site this collector serves', [{ field: 'site', message: 'Unknown site' }], { code: 'unknown-site', field: 'site' });
    const reference = typeof body.reference === 'string' ? readReference(body.reference) : undefined;
    if (!reference) {
      return refuse(reply, 422, 'reference must be the reference given with the offer, like TDM-7KQ2-M9XH-4RTD', [{ field: 'reference', message: 'Enter the reference you were given, like TDM-7KQ2-M9XH-4RTD' }], { code: 'invalid-reference', field: 'reference' });
    }
    // Unknown and already withdrawn answer alike, so a reply tells nothing about others' offers.
    if (!(await store.pledges.withdraw(reference, Date.now()))) {
      return refuse(reply, 404, 'There is no offer of help with this reference to withdraw', [], { code: 'unknown-reference', field: 'reference' });
    }
    req.log.info({ site: siteId }, 'offer of help withdrawn');
    return reply.type(JSON_TYPE).send({ reference, status: 'withdrawn' });
  });
}
