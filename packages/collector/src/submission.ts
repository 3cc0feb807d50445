// From a checked submission to the record the store keeps: free text redacted again, likely
// bots quarantined, and a fingerprint that tells a retry (same answer) from a clash (same id).
import { hash } from 'node:crypto';
import { redactPageUrl, redactText, storableText } from '@tandem/core/redact.js';
import type { Submission } from '@tandem/core/schema.js';
import type { SubmissionRecord } from './store/store.js';

/** Nobody reads a form and types an answer in under two seconds. */
export const MIN_FORM_FILL_MS = 2000;

/**
 * A form answer carries text (typed, or a reason chosen in a form); a one-click vote carries
 * only true/false or a number, and may rightly be quick.
 */
export function isFormAnswer(submission: Submission) {
  // A poll vote names its question and choice as text, but is one click; a statement is typed.
  if (submission.widget === 'poll') return typeof submission.answers.statement === 'string';
  // The finder's searches and its Yes / No carry the words searched and the result chosen,
  // typed in a search box or picked, and may rightly be quick: only "What did you need?" is a form.
  if (submission.widget === 'finder') return typeof submission.answers.need === 'string';
  return Object.values(submission.answers).some((value) => typeof value === 'string' || Array.isArray(value));
}

export function quarantineReason(submission: Submission): SubmissionRecord['quarantine'] {
  if (submission.signals.honeypot) return 'honeypot';
  if (isFormAnswer(submission) && submission.signals.fillMs < MIN_FORM_FILL_MS) return 'too-fast';
  return null;
}

/**
 * The same rules as in the browser, again: an old or hand-made client may not have run them.
 * (Redaction finds nothing new in storable text, so making it storable first changes nothing else.)
 */
export function redactAnswers(answers: Submission['answers']) {
  const redacted: Submission['answers'] = {};
  // The schema allows only simple names as keys, never `__proto__`, so none reaches a prototype.
  for (const key of Object.keys(answers)) {
    const value = answers[key];
    redacted[key] = typeof value === 'string' ? redactText(storableText(value)) : Array.isArray(value) ? value.map((item) => redactText(storableText(item))) : value;
  }
  return redacted;
}

/**
 * The answers as JSON, in the order of their keys, so that key order never matters: the part
 * of the fingerprint and the fold key that carries the words, built once for both.
 */
export const sortedAnswersJson = (answers: Submission['answers']) => JSON.stringify(Object.keys(answers).sort().map((key) => [key, answers[key]]));

/**
 * Hash of the submission as sent (before server redaction, so a change to the redaction rules
 * never turns an honest retry into a conflict), independent of key order and whitespace.
 * Stored with each answer, so it must never change between versions: it is the SHA-256 of
 * JSON.stringify([id, site, widget, instance, page.url, page.title, lang, sorted answers,
 * honeypot, fillMs, clientTime, sdkVersion, participant ?? null]), put together here from
 * parts so that the answers' JSON is built once for both hashes.
 * @param answersJson sortedAnswersJson(submission.answers), if already built.
 */
export function fingerprint(submission: Submission, answersJson: string = sortedAnswersJson(submission.answers)) {
  const { page, signals } = submission;
  const before = JSON.stringify([submission.id, submission.site, submission.widget, submission.instance, page.url, page.title, submission.lang]);
  const after = JSON.stringify([signals.honeypot, signals.fillMs, submission.clientTime, submission.sdkVersion, submission.participant ?? null]);
  return hash('sha256', `${before.slice(0, -1)},${answersJson},${after.slice(1)}`, 'base64url');
}

/** A form answer sent again from the same address within this time is folded into the first. */
export const FOLD_WINDOW_MS = 10 * 60 * 1000;

/**
 * What makes two answers one answer sent twice (a double press, a bot repeating itself): the
 * same words, on the same widget and page, from the same address. Only answers with text are
 * folded; identical Yes votes from one office are different people. Polls are left alone:
 * they keep one answer per participant and question, and refuse a statement made twice. Offers
 * of help too: each was shown its own reference, which must find it, and staff can see two alike.
 * Hashed after a secret that lives only in this process's memory, so the key (held only in
 * memory, see repeats.js) cannot be turned back into an address by trying them all.
 * (A plain hash of secret and content: an HMAC object per answer cost 5% of ingest.)
 * @param answersJson sortedAnswersJson(submission.answers), if already built.
 */
export function foldKey(submission: Submission, address: string, secret: string, answersJson: string = sortedAnswersJson(submission.answers)): string | null {
  if (submission.widget === 'poll' || submission.widget === 'pledge' || !isFormAnswer(submission)) return null;
  // The page's sender id tells two residents behind one address (a library) apart; an old
  // widget sends none, and is told by its address alone.
  const where = JSON.stringify([address, submission.signals.sender ?? null, submission.site, submission.widget, submission.instance, submission.page.url]);
  return hash('sha256', secret + where + answersJson, 'base64url');
}

/**
 * @param submission Already checked against the shared schema.
 * @param repeatOf The id of the answer this one repeats (see repeats.js), if any.
 * @param answersJson sortedAnswersJson(submission.answers), if already built.
 */
export function toRecord(submission: Submission, receivedAt: number, repeatOf: string | null = null, answersJson?: string): SubmissionRecord {
  return {
    id: submission.id,
    site: submission.site,
    widget: submission.widget,
    instance: submission.instance,
    // Redacted again, like the answers: a title can hold a name or a reference, a path an email.
    pageUrl: redactPageUrl(storableText(submission.page.url)),
    pageTitle: redactText(storableText(submission.page.title)),
    lang: submission.lang,
    answers: redactAnswers(submission.answers),
    honeypot: submission.signals.honeypot,
    fillMs: submission.signals.fillMs,
    clientTime: submission.clientTime,
    sdkVersion: redactText(storableText(submission.sdkVersion)),
    receivedAt,
    quarantine: quarantineReason(submission) ?? (repeatOf ? 'repeat' : null),
    fingerprint: fingerprint(submission, answersJson),
    repeatOf,
    ...(submission.participant ? { participant: submission.participant } : {}),
  };
}
