import { MAX_FILL_MS, MAX_TEXT } from './protocol/limits.js';
import { redactText } from './redact.js';
import { checkSubmission, type AnswerValue, type Submission } from './protocol/submission.js';

// Everything an answer needs on its way out comes in this one chunk, fetched when the page is idle.
export { pageOutbox } from './outbox.js';

/**
 * The last step before an answer leaves the widget, in its own chunk so that pages whose
 * visitors never answer do not download it: every free-text answer and the page path are
 * redacted (here, once, so no widget can forget), texts are kept within the limit after
 * redaction (never cut before it, which could leave half an email address), and the result
 * is checked against the schema the collector uses.
 */
export function prepareSubmission(draft: Submission): Submission {
  const answers: Record<string, AnswerValue> = {};
  for (const [key, value] of Object.entries(draft.answers)) answers[key] = redactAnswer(value);
  // A form left open for days still sends its answer, counted as a day. (Text the limit cut
  // mid-emoji, or with a NUL, is made storable by the collector: storableText in redact.ts.)
  const signals = { ...draft.signals, fillMs: Math.min(draft.signals.fillMs, MAX_FILL_MS) };
  const submission = { ...draft, answers, page: { ...draft.page, url: redactPath(draft.page.url) }, signals };
  const checked = checkSubmission(submission);
  if (!checked.ok) throw new Error(`Submission is invalid: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  return checked.submission;
}

function redactAnswer(value: AnswerValue): AnswerValue {
  if (typeof value === 'string') return redactText(value).slice(0, MAX_TEXT);
  if (Array.isArray(value)) return value.map((item) => redactText(item).slice(0, 200));
  return value;
}

/** Path segments can hold an email or a reference number; the query and fragment are already gone. */
function redactPath(href: string): string {
  const url = new URL(href);
  const path = url.pathname
    .split('/')
    .map((segment) => {
      const decoded = safeDecode(segment);
      const redacted = redactText(decoded);
      return redacted === decoded ? segment : encodeURIComponent(redacted);
    })
    .join('/');
  return `${url.origin}${path}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
