// POST /v1/submissions: every answer of every widget. Checked with the browser's own schema,
// refused unless its site and origin match, then stored exactly once by its id.
import { randomBytes } from 'node:crypto';
import { CheckedSubmissionSchema, checkSubmission } from '@tandem/core/schema.js';
import { BODY_LIMIT, useSubmissionParsers } from '../body.js';
import { refuse } from '../errors.js';
import { checkPollAnswer, refusePoll } from '../polls/answer.js';
import { addressKey } from '../rate-limit.js';
import { repeatTracker } from '../repeats.js';
import { compileSchema } from '../schema-compile.js';
import { foldKey, quarantineReason, sortedAnswersJson, toRecord } from '../submission.js';
import type { PollAction, Store } from '../store/store.js';
import type { RateLimits } from '../rate-limit.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Submission } from '@tandem/core/schema.js';

export type SubmissionRouteOptions = {
  store: Store;
  sites: ReturnType<typeof import('../sites.js').siteRegistry>;
  limits: { perIpPerMinute: number, perSitePerMinute: number, perParticipantPerMinute?: number };
  rateLimits: RateLimits;
};

export default async function submissionRoutes(app: FastifyInstance, { store, sites, limits, rateLimits }: SubmissionRouteOptions): Promise<void> {
  useSubmissionParsers(app);
  /** The client's address, normalised once per request (the rate limit and the fold key both need it). */
  const clientAddress = (req: FastifyRequest & { tandemAddress?: string }) => (req.tandemAddress ??= addressKey(req.ip));
  // Keys the fold keys; never stored, so a fold key cannot be traced back to an address.
  const foldSecret = randomBytes(32).toString('base64url');
  const repeats = repeatTracker();
  // The shared schema, compiled: it passes most answers at a third of valibot's cost, and
  // valibot checks the rest and names what is wrong.
  const passesSchema = compileSchema(CheckedSubmissionSchema);
  const check = (body: unknown) => (passesSchema(body) ? { ok: true as const, submission: body as Submission } : checkSubmission(body));
  const perParticipant = limits.perParticipantPerMinute ?? 120;

  /** A 429 the outboxes understand: they wait for Retry-After, then send again. */
  const tooMany = (reply: FastifyReply, seconds: number, message: string) => {
    reply.log.info({ statusCode: 429 }, 'request refused');
    return refuse(reply.header('Retry-After', String(seconds)), 429, message);
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
        const wait = rateLimits.secondsToWait(`ip:${clientAddress(req)}`, limits.perIpPerMinute);
        if (wait) tooMany(reply, wait, 'Too many requests; try again after the time in Retry-After');
        else done();
      },
    },
    async (req, reply) => {
      const checked = check(req.body);
      if (!checked.ok) return refuse(reply, 422, 'The submission does not match the Tandem schema', checked.problems);
      const { submission } = checked;

      const allowed = sites.authorize(submission.site, req.headers.origin);
      if (!allowed.ok) return refuse(reply, 403, `This ${allowed.field} may not send answers here`, [{ field: allowed.field, message: allowed.message }]);

      const siteWait = rateLimits.secondsToWait(`site:${submission.site}`, allowed.site.perMinute ?? limits.perSitePerMinute);
      if (siteWait) return tooMany(reply, siteWait, 'This site is receiving too many answers; try again after the time in Retry-After');

      let poll: PollAction | undefined;
      if (submission.widget === 'poll') {
        const participantWait = submission.participant ? rateLimits.secondsToWait(`participant:${submission.participant}`, perParticipant) : 0;
        if (participantWait) {
          reply.header('Retry-After', String(participantWait));
          return refusePoll(reply, { status: 429, code: 'rate-limited', field: 'participant', error: 'Too many answers from this device; try again after the time in Retry-After' });
        }
        const checked = await checkPollAnswer(store, submission, Date.now());
        // A retry of an answer already stored (say, before the poll closed) still gets its 200.
        const stored = checked.ok ? undefined : await store.getSubmission(submission.id);
        if (!checked.ok && !stored) return refusePoll(reply, checked);
        if (checked.ok) poll = checked.action;
      }

      let outcome;
      const receivedAt = Date.now();
      const answersJson = sortedAnswersJson(submission.answers);
      // Only an answer that would be counted can be the first of a repeat.
      const key = quarantineReason(submission) ? null : foldKey(submission, clientAddress(req), foldSecret, answersJson);
      const repeatOf = key ? repeats.firstOf(key, submission.id, receivedAt) : null;
      try {
        outcome = await store.saveSubmission({ ...toRecord(submission, receivedAt, repeatOf, answersJson), ...(poll ? { poll } : {}) });
      } catch (error) {
        const err = error as Error & { code?: string };
        req.log.error({ err: { type: err.name, code: err.code, message: err.message } }, 'could not store a submission');
        if (key) repeats.forget(key, submission.id);
        reply.header('Retry-After', '5');
        return refuse(reply, 503, 'The answer could not be stored just now; try again');
      }
      // Ids, site and widget only: never the answers.
      req.log.info({ submission: submission.id, site: submission.site, widget: submission.widget, outcome }, 'submission');
      if (outcome === 'duplicate-statement') {
        return refusePoll(reply, { status: 409, code: 'duplicate-statement', field: 'answers.statement', error: 'This poll already has this statement: agree or disagree with it instead' });
      }
      if (outcome === 'conflict') {
        return refuse(reply, 409, 'This id was already used for a different submission', [{ field: 'id', message: 'is already taken by a different submission' }]);
      }
      // A retry gets the same answer as the first attempt, with 200 instead of 201.
      return reply.code(outcome === 'created' ? 201 : 200).send({ id: submission.id });
    },
  );
}
