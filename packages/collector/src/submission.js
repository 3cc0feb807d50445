// From a checked submission to the record the store keeps: free text redacted again, likely
// bots quarantined, and a fingerprint that tells a retry (same answer) from a clash (same id).
import { hash } from 'node:crypto';
import { redactText } from '@tandem/core/redact.js';

/** @typedef {import('@tandem/core/schema.js').Submission} Submission */
/** @typedef {import('./store/store.js').SubmissionRecord} SubmissionRecord */

/** Nobody reads a form and types an answer in under two seconds. */
export const MIN_FORM_FILL_MS = 2000;

/**
 * A form answer carries text (typed, or a reason chosen in a form); a one-click vote carries
 * only true/false or a number, and may rightly be quick.
 * @param {Submission} submission
 */
export function isFormAnswer(submission) {
  // A poll vote names its question and choice as text, but is one click; a statement is typed.
  if (submission.widget === 'poll') return typeof submission.answers.statement === 'string';
  // The finder's searches and its Yes / No carry the words searched and the result chosen,
  // typed in a search box or picked, and may rightly be quick: only "What did you need?" is a form.
  if (submission.widget === 'finder') return typeof submission.answers.need === 'string';
  return Object.values(submission.answers).some((value) => typeof value === 'string' || Array.isArray(value));
}

/** @param {Submission} submission  @returns {SubmissionRecord['quarantine']} */
export function quarantineReason(submission) {
  if (submission.signals.honeypot) return 'honeypot';
  if (isFormAnswer(submission) && submission.signals.fillMs < MIN_FORM_FILL_MS) return 'too-fast';
  return null;
}

/**
 * The same rules as in the browser, again: an old or hand-made client may not have run them.
 * @param {Submission['answers']} answers
 */
export function redactAnswers(answers) {
  // fromEntries defines own properties, so no key can reach a prototype.
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [
      key,
      typeof value === 'string' ? redactText(value) : Array.isArray(value) ? value.map((item) => redactText(item)) : value,
    ]),
  );
}

/**
 * Hash of the submission as sent (before server redaction, so a change to the redaction rules
 * never turns an honest retry into a conflict), independent of key order and whitespace: the
 * schema fixes every field but the answers, so those are put in a fixed order here and the
 * answers' keys sorted, and one native JSON.stringify does the rest.
 * @param {Submission} submission
 */
export function fingerprint(submission) {
  const { page, signals, answers } = submission;
  const canonical = [
    submission.id, submission.site, submission.widget, submission.instance, page.url, page.title, submission.lang,
    Object.keys(answers).sort().map((key) => [key, answers[key]]),
    signals.honeypot, signals.fillMs, submission.clientTime, submission.sdkVersion, submission.participant ?? null,
  ];
  return hash('sha256', JSON.stringify(canonical), 'base64url');
}

/** A form answer sent again from the same address within this time is folded into the first. */
export const FOLD_WINDOW_MS = 10 * 60 * 1000;

/**
 * What makes two answers one answer sent twice (a double press, a bot repeating itself): the
 * same words, on the same widget and page, from the same address. Only answers with text are
 * folded; identical Yes votes from one office are different people. Polls are left alone:
 * they keep one answer per participant and question, and refuse a statement made twice.
 * Hashed after a secret that lives only in this process's memory, so the key (held only in
 * memory, see repeats.js) cannot be turned back into an address by trying them all.
 * (A plain hash of secret and content: an HMAC object per answer cost 5% of ingest.)
 * @param {Submission} submission  @param {string} address  @param {string} secret
 * @returns {string | null}
 */
export function foldKey(submission, address, secret) {
  if (submission.widget === 'poll' || !isFormAnswer(submission)) return null;
  const { answers } = submission;
  const content = [
    address, submission.site, submission.widget, submission.instance, submission.page.url,
    Object.keys(answers).sort().map((key) => [key, answers[key]]),
  ];
  return hash('sha256', secret + JSON.stringify(content), 'base64url');
}

/**
 * @param {Submission} submission  Already checked against the shared schema.
 * @param {number} receivedAt
 * @param {string | null} [repeatOf]  The id of the answer this one repeats (see repeats.js), if any.
 * @returns {SubmissionRecord}
 */
export function toRecord(submission, receivedAt, repeatOf = null) {
  return {
    id: submission.id,
    site: submission.site,
    widget: submission.widget,
    instance: submission.instance,
    pageUrl: submission.page.url,
    pageTitle: submission.page.title,
    lang: submission.lang,
    answers: redactAnswers(submission.answers),
    honeypot: submission.signals.honeypot,
    fillMs: submission.signals.fillMs,
    clientTime: submission.clientTime,
    sdkVersion: submission.sdkVersion,
    receivedAt,
    quarantine: quarantineReason(submission) ?? (repeatOf ? 'repeat' : null),
    fingerprint: fingerprint(submission),
    repeatOf,
    ...(submission.participant ? { participant: submission.participant } : {}),
  };
}
