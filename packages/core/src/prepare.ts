import { MAX_FILL_MS, MAX_LIST_ITEM_TEXT, MAX_PAGE_TITLE, MAX_TEXT } from './protocol/limits.js';
import { newId } from './id.js';
import { redactPageUrl, redactText } from './redact.js';
import { checkSubmission, type AnswerValue, type Submission } from './protocol/submission.js';

// Everything an answer needs on its way out comes in this one chunk, fetched when the page is idle.
export { pageOutbox } from './outbox.js';

/**
 * The last step before an answer leaves the widget, in its own chunk so that pages whose
 * visitors never answer do not download it: every free-text answer, the page's path and its
 * title are redacted (here, once, so no widget can forget), texts are kept within the limit after
 * redaction (never cut before it, which could leave half an email address), and the result
 * is checked against the schema the collector uses.
 */
/** This page's sender id (see the schema's `signals.sender`): made once a page load, never stored apart from its answers. */
const PAGE_SENDER = newId();

export function prepareSubmission(draft: Submission): Submission {
  const answers: Record<string, AnswerValue> = {};
  for (const [key, value] of Object.entries(draft.answers)) answers[key] = redactAnswer(value);
  // A form left open for days still sends its answer, counted as a day. (Text the limit cut
  // mid-emoji, or with a NUL, is made storable by the collector: storableText in redact.ts.)
  const signals = { ...draft.signals, fillMs: Math.min(draft.signals.fillMs, MAX_FILL_MS), sender: draft.signals.sender ?? PAGE_SENDER };
  const submission = { ...draft, answers, page: { url: redactPageUrl(draft.page.url), title: redactText(draft.page.title).slice(0, MAX_PAGE_TITLE) }, signals };
  const checked = checkSubmission(submission);
  if (!checked.ok) throw new Error(`Submission is invalid: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  return checked.submission;
}

function redactAnswer(value: AnswerValue): AnswerValue {
  if (typeof value === 'string') return redactText(value).slice(0, MAX_TEXT);
  if (Array.isArray(value)) return value.map((item) => redactText(item).slice(0, MAX_LIST_ITEM_TEXT));
  return value;
}
