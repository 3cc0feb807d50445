// The steps an answer to POST /v1/submissions goes through, in order: parse (the shared
// schema) → check its site and origin → limit (the site's and the participant's rates) →
// check it against its poll → classify (quarantine, repeats) → store → answer. Each step is a
// plain function that gives the next step what it needs, or a Refusal that ends the request;
// none of them knows about HTTP, so each is tested on its own (submission-steps.test.js).
import { CheckedSubmissionSchema, checkSubmission } from '@tandem/core/schema.js';
import { checkPollAnswer } from '../polls/answer.js';
import { compileSchema } from '../schema-compile.js';
import { foldKey, quarantineReason, sortedAnswersJson, toRecord } from '../submission.js';

/** @typedef {import('@tandem/core/schema.js').Submission} Submission */
/** @typedef {import('../store/store.js').Store} Store */
/** @typedef {import('../store/store.js').SaveOutcome} SaveOutcome */
/** @typedef {import('../store/store.js').SubmissionRecord} SubmissionRecord */
/** @typedef {import('../config.js').SiteConfig} SiteConfig */
/** @typedef {{ field: string, message: string }} Problem */

/**
 * How a request is refused: its status and message, the problems by field, and for the poll
 * contract's refusals a `code` (and the `field`) in the body too; a 429 or 503 says when to
 * come back.
 * @typedef {{ status: number, error: string, problems: Problem[], code?: string, field?: string, retryAfter?: number }} Refusal
 */

/** @param {unknown} value  @returns {value is Refusal} */
export const isRefusal = (value) => typeof value === 'object' && value !== null && 'status' in value && 'error' in value;

// The shared schema, compiled: it passes most answers at a third of valibot's cost, and
// valibot checks the rest and names what is wrong.
const passesSchema = compileSchema(CheckedSubmissionSchema);

/** 1. Parse: the body as a submission, by the schema the browser used. @param {unknown} body  @returns {Submission | Refusal} */
export function parse(body) {
  if (passesSchema(body)) return /** @type {Submission} */ (body);
  const checked = checkSubmission(body);
  return checked.ok ? checked.submission : { status: 422, error: 'The submission does not match the Tandem schema', problems: checked.problems };
}

/**
 * 2. Site and origin: the site must be one of ours, and the page one of its origins ("self":
 * the collector's own, `selfOrigin`).
 * @param {Submission} submission  @param {string | undefined} origin
 * @param {{ authorize: (site: string, origin: string | undefined, selfOrigin?: string) => { ok: true, site: SiteConfig } | { ok: false, field: 'site' | 'origin', message: string } }} sites
 * @param {string} [selfOrigin]
 * @returns {SiteConfig | Refusal}
 */
export function checkSite(submission, origin, sites, selfOrigin) {
  const allowed = sites.authorize(submission.site, origin, selfOrigin);
  if (allowed.ok) return allowed.site;
  return { status: 403, error: `This ${allowed.field} may not send answers here`, problems: [{ field: allowed.field, message: allowed.message }] };
}

/**
 * 3. Limits: the site's answers a minute, and a poll participant's.
 * @param {Submission} submission  @param {SiteConfig} site
 * @param {(key: string, max: number) => number} secondsToWait  0 when under the limit.
 * @param {{ perSitePerMinute: number, perParticipantPerMinute?: number }} limits
 * @returns {Refusal | undefined}
 */
export function limit(submission, site, secondsToWait, limits) {
  const siteWait = secondsToWait(`site:${submission.site}`, site.perMinute ?? limits.perSitePerMinute);
  if (siteWait) return tooMany(siteWait, 'This site is receiving too many answers; try again after the time in Retry-After');
  if (submission.widget !== 'poll' || !submission.participant) return undefined;
  const participantWait = secondsToWait(`participant:${submission.participant}`, limits.perParticipantPerMinute ?? 120);
  if (!participantWait) return undefined;
  const error = 'Too many answers from this device; try again after the time in Retry-After';
  return { ...tooMany(participantWait, error), code: 'rate-limited', field: 'participant', problems: [{ field: 'participant', message: error }] };
}

/** A 429 the outboxes understand: they wait for Retry-After, then send again. @param {number} seconds  @param {string} error  @returns {Refusal} */
export const tooMany = (seconds, error) => ({ status: 429, error, problems: [], retryAfter: seconds });

/**
 * 4. Poll: a poll answer is checked against its poll (open? this question? this option?) and
 * becomes the action the store applies with it. A retry of one already stored (say, before
 * the poll closed) goes on to be answered as a retry.
 * @param {Store} store  @param {Submission} submission  @param {number} now
 * @returns {Promise<{ poll?: import('../store/store.js').PollAction } | Refusal>}
 */
export async function checkPoll(store, submission, now) {
  if (submission.widget !== 'poll') return {};
  const checked = await checkPollAnswer(store, submission, now);
  if (checked.ok) return { poll: checked.action };
  if (await store.getSubmission(submission.id)) return {};
  const { status, code, field, error } = checked;
  return { status, error, code, ...(field ? { field } : {}), problems: [{ field: field ?? '(body)', message: error }] };
}

/**
 * 5. Classify: the record to store, quarantined if it looks like a bot's or repeats a first
 * answer, and the fold key it was remembered by (to forget if it is not stored after all).
 * @param {Submission} submission
 * @param {{ address: string, foldSecret: string, repeats: ReturnType<typeof import('../repeats.js').repeatTracker>, now: number, poll?: import('../store/store.js').PollAction }} context
 * @returns {{ record: SubmissionRecord, key: string | null }}
 */
export function classify(submission, { address, foldSecret, repeats, now, poll }) {
  const answersJson = sortedAnswersJson(submission.answers);
  // Only an answer that would be counted can be the first of a repeat.
  const key = quarantineReason(submission) ? null : foldKey(submission, address, foldSecret, answersJson);
  const repeatOf = key ? repeats.firstOf(key, submission.id, now) : null;
  return { record: { ...toRecord(submission, now, repeatOf, answersJson), ...(poll ? { poll } : {}) }, key };
}

/**
 * 6. Store: exactly once, by its id. A store that cannot take it just now gets a 503 the
 * outboxes retry; an answer the store will not take at all is refused alone (its outcome).
 * @param {Store} store  @param {SubmissionRecord} record
 * @param {(error: Error & { code?: string }) => void} logFailure  Told why, never the answer.
 * @returns {Promise<SaveOutcome | Refusal>}
 */
export async function save(store, record, logFailure) {
  try {
    return await store.saveSubmission(record);
  } catch (error) {
    logFailure(/** @type {Error & { code?: string }} */ (error));
    return { status: 503, error: 'The answer could not be stored just now; try again', problems: [], retryAfter: 5 };
  }
}

/**
 * 7. Answer: what the outcome means to the widget. A retry gets the same answer as the first
 * attempt, with 200 instead of 201.
 * @param {SaveOutcome} outcome  @param {string} id
 * @returns {{ status: number, body: { id: string } } | Refusal}
 */
export function answer(outcome, id) {
  if (typeof outcome === 'object') return { status: 422, error: 'The submission has a value the collector cannot store', problems: [outcome.unstorable] };
  if (outcome === 'duplicate-statement') {
    const error = 'This poll already has this statement: agree or disagree with it instead';
    return { status: 409, error, code: 'duplicate-statement', field: 'answers.statement', problems: [{ field: 'answers.statement', message: error }] };
  }
  if (outcome === 'conflict') {
    return { status: 409, error: 'This id was already used for a different submission', problems: [{ field: 'id', message: 'is already taken by a different submission' }] };
  }
  return { status: outcome === 'created' ? 201 : 200, body: { id } };
}
