// POST /v1/submissions: every answer of every widget, taken through the steps in
// submission-steps.ts (parse → site and origin → limits → poll or offer → classify → store → answer).
// This file adds only what HTTP needs: CORS, the per-address limit counted before the body is
// read, and sending each step's refusal.
import { randomBytes } from 'node:crypto';
import { referenceOf } from '@tandem/core/protocol.js';
import { BODY_LIMIT, useSubmissionParsers } from '../body.js';
import { refuse, sendRefusal } from '../errors.js';
import { newcomerGate } from '../polls/newcomers.js';
import { participants } from '../polls/participants.js';
import { addressKey } from '../rate-limit.js';
import { repeatTracker } from '../repeats.js';
import { answer, checkPledge, checkPoll, checkSite, classify, isRefusal, limit, parse, save, tooMany, type Limits, type Refusal } from './submission-steps.js';
import type { ContactSealer } from '../pledges/contact-sealing.js';
import type { CountHit, RateLimits } from '../rate-limit.js';
import type { siteRegistry } from '../sites.js';
import type { Store } from '../store/store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type SubmissionRouteOptions = {
  store: Store;
  sites: ReturnType<typeof siteRegistry>;
  limits: Limits & { perIpPerMinute: number };
  rateLimits: RateLimits;
  /** Seals offers' contact details; null without a contact key (then offers are refused). */
  contactSealer: ContactSealer | null;
};

export default async function submissionRoutes(app: FastifyInstance, { store, sites, limits, rateLimits, contactSealer }: SubmissionRouteOptions): Promise<void> {
  useSubmissionParsers(app);
  /** The client's address, normalised once per request (the rate limit and the fold key both need it). */
  const clientAddress = (req: FastifyRequest & { tandemAddress?: string }) => (req.tandemAddress ??= addressKey(req.ip));
  /** The client's requests this minute, counted before the body is read. */
  const addressHits = new WeakMap<FastifyRequest, number>();
  // Keys the fold keys; never stored, so a fold key cannot be traced back to an address.
  const foldSecret = randomBytes(32).toString('base64url');
  const repeats = repeatTracker();
  const countHit: CountHit = (key, window) => rateLimits.hit(key, window);
  const { issued } = participants(await store.polls.participantSecret());
  const admitNewcomer = newcomerGate(store, countHit, limits.newParticipantsPerAddressPerHour ?? 60, (err) =>
    app.log.error({ err: { message: err.message } }, 'could not record a burst of new participants'));

  const refused = (reply: FastifyReply, refusal: Refusal) => {
    if (refusal.status === 429) reply.log.info({ statusCode: 429 }, 'request refused');
    return sendRefusal(reply, refusal);
  };

  // CORS, as for the polls: only the sites' origins may read the answers (never with
  // credentials). A text/plain POST needs no preflight; a JSON one does.
  const allowOrigin = (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('Vary', 'Origin');
    const origin = req.headers.origin;
    if (sites.isKnownOrigin(origin)) reply.header('Access-Control-Allow-Origin', origin);
  };
  app.options('/v1/submissions', (req, reply) => {
    allowOrigin(req, reply);
    if (!req.headers.origin || !req.headers['access-control-request-method']) return refuse(reply, 400, 'Not a CORS preflight request');
    reply.header('Access-Control-Allow-Methods', 'POST').header('Access-Control-Allow-Headers', 'Content-Type').header('Access-Control-Max-Age', '86400');
    return reply.code(204).send();
  });

  app.post(
    '/v1/submissions',
    {
      bodyLimit: BODY_LIMIT,
      onRequest: (req, reply, done) => {
        // Before the limit, so the site's page can read a 429 and honour its Retry-After.
        allowOrigin(req, reply);
        // Counted before the body is read, so a flood costs no parsing.
        const { hits, secondsLeft } = rateLimits.hit(`ip:${clientAddress(req)}`);
        addressHits.set(req, hits);
        if (hits > limits.perIpPerMinute) refused(reply, tooMany(secondsLeft, 'Too many requests; try again after the time in Retry-After'));
        else done();
      },
    },
    async (req, reply) => {
      const submission = parse(req.body);
      if (isRefusal(submission)) return refused(reply, submission);
      const site = checkSite(submission, req.headers.origin, sites, `${req.protocol}://${req.host}`);
      if (isRefusal(site)) return refused(reply, site);
      const overLimit = limit(submission, site, countHit, limits, { address: clientAddress(req), hitsThisMinute: addressHits.get(req) ?? 1 });
      if (overLimit) return refused(reply, overLimit);
      const poll = await checkPoll(store, submission, Date.now(), { issued, admitNewcomer, address: clientAddress(req) });
      if (isRefusal(poll)) return refused(reply, poll);
      const pledge = await checkPledge(store, submission, contactSealer);
      if (isRefusal(pledge)) return refused(reply, pledge);

      const { record, key } = classify(submission, { address: clientAddress(req), foldSecret, repeats, now: Date.now(), ...poll });
      const outcome = await save(store, pledge.offer ? { ...record, offer: pledge.offer } : record, (err) => req.log.error({ err: { type: err.name, code: err.code, message: err.message } }, 'could not store a submission'));
      const answered = isRefusal(outcome) ? outcome : answer(outcome, submission.id);
      // An answer not stored is not the first of any repeat.
      if (key && isRefusal(answered)) repeats.forget(key, submission.id);
      // Ids, site and widget only: never the answers.
      req.log.info({ submission: submission.id, site: submission.site, widget: submission.widget, outcome: isRefusal(outcome) ? 'not-stored' : typeof outcome === 'object' ? 'unstorable' : outcome }, 'submission');
      if (isRefusal(answered)) return refused(reply, answered);
      // An offer's reference is how its resident withdraws it; a retry is given it again.
      return reply.code(answered.status).send(submission.widget === 'pledge' ? { ...answered.body, reference: referenceOf(submission.id) } : answered.body);
    },
  );
}
