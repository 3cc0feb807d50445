// From a checked submission to the record the store keeps: free text redacted again, likely
// bots quarantined, and a fingerprint that tells a retry (same answer) from a clash (same id).
import { createHash } from 'node:crypto';
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
 * never turns an honest retry into a conflict), independent of key order and whitespace.
 * @param {Submission} submission
 */
export function fingerprint(submission) {
  return createHash('sha256').update(canonicalJson(submission)).digest('base64url');
}

/** JSON with object keys sorted at every level. @param {unknown} value @returns {string} */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(/** @type {Record<string, unknown>} */ (value)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * @param {Submission} submission  Already checked against the shared schema.
 * @param {number} receivedAt
 * @returns {SubmissionRecord}
 */
export function toRecord(submission, receivedAt) {
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
    quarantine: quarantineReason(submission),
    fingerprint: fingerprint(submission),
  };
}
