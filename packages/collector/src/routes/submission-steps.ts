// The steps an answer to POST /v1/submissions goes through, in order: parse (the shared
// schema) → check its site and origin → limit (the site's and the participant's rates) →
// check it against its poll → classify (quarantine, repeats) → store → answer. Each step is a
// plain function that gives the next step what it needs, or a Refusal that ends the request;
// none of them knows about HTTP, so each is tested on its own (submission-steps.test.ts).
import { CheckedSubmissionSchema, checkSubmission, type Submission } from '@tandem/core/schema.js';
import { checkOfferSubmission } from '../pledges/offer.js';
import type { ContactSealer } from '../pledges/contact-sealing.js';
import { checkPollAnswer } from '../polls/answer.js';
import type { NewcomerGate } from '../polls/newcomers.js';
import { compileSchema } from '../schema-compile.js';
import { foldKey, quarantineReason, sortedAnswersJson, toRecord } from '../submission.js';
import type { SiteConfig } from '../config.js';
import type { Problem } from '../errors.js';
import type { RepeatTracker } from '../repeats.js';
import type { SiteCheck } from '../sites.js';
import { secondsOver, type CountHit } from '../rate-limit.js';
import type { OfferAction, PollAction, SaveOutcome, Store, SubmissionRecord } from '../store/store.js';

/**
 * How a request is refused: its status and message, the problems by field, and for the poll
 * contract's refusals a `code` (and the `field`) in the body too; a 429 or 503 says when to
 * come back.
 */
export type Refusal = { status: number, error: string, problems: Problem[], code?: string, field?: string, retryAfter?: number };

export const isRefusal = (value: unknown): value is Refusal => typeof value === 'object' && value !== null && 'status' in value && 'error' in value;

// The shared schema, compiled: it passes most answers at a third of valibot's cost, and
// valibot checks the rest and names what is wrong.
const passesSchema = compileSchema(CheckedSubmissionSchema);

/** 1. Parse: the body as a submission, by the schema the browser used. */
export function parse(body: unknown): Submission | Refusal {
  if (passesSchema(body)) return body as Submission;
  const checked = checkSubmission(body);
  return checked.ok ? checked.submission : { status: 422, error: 'The submission does not match the Tandem schema', problems: checked.problems };
}

/** 2. Site and origin: the site must be one of ours, and the page one of its origins ("self": the collector's own, `selfOrigin`). */
export function checkSite(
  submission: Submission,
  origin: string | undefined,
  sites: { authorize: (site: string, origin: string | undefined, selfOrigin?: string) => SiteCheck },
  selfOrigin?: string,
): SiteConfig | Refusal {
  const allowed = sites.authorize(submission.site, origin, selfOrigin);
  if (allowed.ok) return allowed.site;
  return { status: 403, error: `This ${allowed.field} may not send answers here`, problems: [{ field: allowed.field, message: allowed.message }] };
}

/** A 429 the outboxes understand: they wait for Retry-After, then send again. */
export const tooMany = (seconds: number, error: string): Refusal => ({ status: 429, error, problems: [], retryAfter: seconds });


export type Limits = {
  perSitePerMinute: number;
  perIpPerMinuteWhenBusy?: number;
  perParticipantPerMinute?: number;
  statementsPerAddressPerHour?: number;
  statementsPerParticipantPerHour?: number;
  newParticipantsPerAddressPerHour?: number;
};

/** The client as the limits see it: its address (rate-limit.ts addressKey) and its requests this minute, this one included. */
export type Client = { address: string, hitsThisMinute: number };

const HOUR_MS = 60 * 60 * 1000;
/** A busy site still takes answers up to this many times its limit, from addresses that send few. */
export const BUSY_SITE_CEILING = 5;



/**
 * 3. Limits. A site over its answers a minute is busy: then only addresses that sent more than
 * `perIpPerMinuteWhenBusy` this minute wait, so that an attacker's few addresses cannot make
 * every resident wait (eleven addresses used to fill a site's minute in 4 s), up to a ceiling
 * that protects the server. Then a poll participant's answers a minute, and the statements one
 * participant, or one address, may add to a poll in an hour, so that one person cannot fill
 * staff's moderation queue (300 near-identical statements from one address all waited there).
 */
export function limit(submission: Submission, site: SiteConfig, countHit: CountHit, limits: Limits, client: Client = { address: '', hitsThisMinute: 1 }): Refusal | undefined {
  const busyAt = site.perMinute ?? limits.perSitePerMinute;
  const siteHits = countHit(`site:${submission.site}`);
  const heavy = client.hitsThisMinute > (limits.perIpPerMinuteWhenBusy ?? 20);
  const siteWait = secondsOver(siteHits, heavy ? busyAt : busyAt * BUSY_SITE_CEILING);
  if (siteWait) return tooMany(siteWait, 'This site is receiving too many answers; try again after the time in Retry-After');
  if (submission.widget !== 'poll' || !submission.participant) return undefined;
  const participantWait = secondsOver(countHit(`participant:${submission.participant}`), limits.perParticipantPerMinute ?? 120);
  if (participantWait) return pollLimit(participantWait, 'participant', 'Too many answers from this device; try again after the time in Retry-After');
  if (typeof submission.answers.statement !== 'string') return undefined;
  const poll = `${submission.site}/${submission.instance}`;
  const hourly = { windowMs: HOUR_MS };
  // The device first: its own statements over its limit do not use up its neighbours' share.
  const wait =
    secondsOver(countHit(`statements:${poll}:${submission.participant}`, hourly), limits.statementsPerParticipantPerHour ?? 5) ||
    secondsOver(countHit(`statements:${poll}:${client.address}`, hourly), limits.statementsPerAddressPerHour ?? 30);
  return wait ? pollLimit(wait, 'answers.statement', 'Too many statements for this poll from here; try again after the time in Retry-After') : undefined;
}

const pollLimit = (seconds: number, field: string, error: string): Refusal => ({ ...tooMany(seconds, error), code: 'rate-limited', field, problems: [{ field, message: error }] });

/**
 * 4. Poll: a poll answer is checked against its poll (a participant we issued? open? this
 * question? this option?), a new participant's against the newcomers' limit of its address,
 * and becomes the action the store applies with it. A retry of one already stored (say, before
 * the poll closed) goes on to be answered as a retry.
 */
export async function checkPoll(store: Store, submission: Submission, now: number, { issued, admitNewcomer, address }: PollCheck): Promise<{ poll?: PollAction } | Refusal> {
  if (submission.widget !== 'poll') return {};
  const checked = await checkPollAnswer(store, submission, now, issued);
  if (!checked.ok) {
    if (await store.submissions.get(submission.id)) return {};
    const { status, code, field, error } = checked;
    return { status, error, code, ...(field ? { field } : {}), problems: [{ field: field ?? '(body)', message: error }] };
  }
  const wait = await admitNewcomer(checked.action, submission.participant as string, address, now);
  return wait ? pollLimit(wait, 'participant', 'Too many new participants in this poll from this connection; try again after the time in Retry-After') : { poll: checked.action };
}

/**
 * 4b. Offer of help: checked against its ways to help list, with its contact details sealed,
 * and made the action the store applies with it. A retry of one already stored is answered as
 * a retry (its contact was sealed and kept the first time).
 */
export async function checkPledge(store: Store, submission: Submission, sealer: ContactSealer | null): Promise<{ offer?: OfferAction } | Refusal> {
  if (submission.widget !== 'pledge') return {};
  if (await store.submissions.get(submission.id)) return {};
  const checked = await checkOfferSubmission(store, submission, sealer);
  if (checked.ok) return { offer: checked.action };
  const { status, code, field, error, problems } = checked;
  return { status, error, code, ...(field ? { field } : {}), problems, ...(status === 503 ? { retryAfter: 300 } : {}) };
}

/** What checking a poll answer needs besides the store: whose ids are ours, and the newcomers' limit (polls/newcomers.ts). */
export type PollCheck = {
  issued: (participant: string) => boolean;
  admitNewcomer: NewcomerGate;
  /** The client's address as rate limits count it. */
  address: string;
};

/**
 * 5. Classify: the record to store, quarantined if it looks like a bot's or repeats a first
 * answer, and the fold key it was remembered by (to forget if it is not stored after all).
 */
export function classify(
  submission: Submission,
  { address, foldSecret, repeats, now, poll }: { address: string, foldSecret: string, repeats: RepeatTracker, now: number, poll?: PollAction | undefined },
): { record: SubmissionRecord, key: string | null } {
  const answersJson = sortedAnswersJson(submission.answers);
  // Only an answer that would be counted can be the first of a repeat.
  const key = quarantineReason(submission) ? null : foldKey(submission, address, foldSecret, answersJson);
  const repeatOf = key ? repeats.firstOf(key, submission.id, now) : null;
  return { record: { ...toRecord(submission, now, repeatOf, answersJson), ...(poll ? { poll } : {}) }, key };
}

/**
 * 6. Store: exactly once, by its id. A store that cannot take it just now gets a 503 the
 * outboxes retry; an answer the store will not take at all is refused alone (its outcome).
 * @param logFailure  Told why, never the answer.
 */
export async function save(store: Pick<Store, 'submissions'>, record: SubmissionRecord, logFailure: (error: Error & { code?: string }) => void): Promise<SaveOutcome | Refusal> {
  try {
    return await store.submissions.save(record);
  } catch (error) {
    logFailure(error as Error & { code?: string });
    return { status: 503, error: 'The answer could not be stored just now; try again', problems: [], retryAfter: 5 };
  }
}

/** 7. Answer: what the outcome means to the widget. A retry gets the same answer as the first attempt, with 200 instead of 201. */
export function answer(outcome: SaveOutcome, id: string): { status: number, body: { id: string } } | Refusal {
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
