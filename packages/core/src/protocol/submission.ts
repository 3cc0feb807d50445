import * as v from 'valibot';
import { SLUG, UUID_V4 } from './ids.js';
import { PARTICIPANT } from './participant.js';
import { CONTACT_LIMITS, CONTACT_WAYS } from './contact.js';
import { MAX_ANSWER_NUMBER, MAX_ANSWERS, MAX_FILL_MS, MAX_LIST_ITEM_TEXT, MAX_LIST_ITEMS, MAX_PAGE_TITLE, MAX_SUBMISSION_BYTES, MAX_TEXT } from './limits.js';

/**
 * The submission every widget sends and the collector stores. Shared by the browser and the
 * collector so both check an answer by the same rules. Free text is redacted before this.
 */
export const WIDGETS = ['feedback', 'finder', 'poll', 'pledge'] as const;

// Simple names, never ones that an object already has (`constructor`, `toString`, …).
const KEY = /^[a-zA-Z][a-zA-Z0-9_-]{0,62}$/;
const isAnswerKey = (key: string) => KEY.test(key) && !(key in Object.prototype) && key !== 'prototype';


/** An answer: text, a number within ±MAX_ANSWER_NUMBER, true/false, or a short list of short texts. */
export type AnswerValue = string | number | boolean | string[];

const isAnswerValue = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.length <= MAX_TEXT
    : typeof value === 'number'
      ? value >= -MAX_ANSWER_NUMBER && value <= MAX_ANSWER_NUMBER
      : typeof value === 'boolean' ||
        (Array.isArray(value) && value.length <= MAX_LIST_ITEMS && value.every((item) => typeof item === 'string' && item.length <= MAX_LIST_ITEM_TEXT));

// One custom check is far smaller in the browser than a union of four schemas.
const AnswerValue = v.custom<AnswerValue>(isAnswerValue, `must be text of at most ${MAX_TEXT} characters, a number (at most a million million either side of 0), true or false, or a list of short texts`);

export const SubmissionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(UUID_V4, 'must be a version 4 UUID')),
  site: v.pipe(v.string(), v.regex(SLUG, 'must be a site id: lower-case letters, digits and dashes')),
  widget: v.picklist(WIDGETS),
  instance: v.pipe(v.string(), v.regex(SLUG, 'must be lower-case letters, digits and dashes')),
  page: v.strictObject({
    url: v.pipe(v.string(), v.maxLength(2048), v.url(), v.regex(/^https?:\/\/[^?#]*$/, 'must be an http(s) address with no query or fragment')),
    title: v.pipe(v.string(), v.maxLength(MAX_PAGE_TITLE)),
  }),
  lang: v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'must be a language tag')),
  answers: v.pipe(
    // Checked on the raw object first: valibot's record skips keys like `constructor` silently.
    v.custom<Record<string, unknown>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every(isAnswerKey),
      'must be an object whose keys are simple names',
    ),
    v.record(v.string(), AnswerValue),
    v.check((answers) => Object.keys(answers).length <= MAX_ANSWERS, `must have at most ${MAX_ANSWERS} answers`),
  ),
  /** Signals a collector uses to quarantine likely bots; never shown to the person. */
  signals: v.strictObject({
    honeypot: v.boolean(),
    // Whole milliseconds, at most a day (a widget counts a form left open longer as a day),
    // so every store can keep it as an integer.
    fillMs: v.custom<number>((ms) => Number.isInteger(ms) && (ms as number) >= 0 && (ms as number) <= MAX_FILL_MS, 'must be whole milliseconds, from 0 to a day'),
    /**
     * A random id made when the page loads and kept only in its memory: the same words sent
     * again with it are one person repeating themselves; with another, a second person (two
     * residents at one library's address). The collector never stores it.
     */
    sender: v.optional(v.pipe(v.string(), v.regex(UUID_V4, 'must be a version 4 UUID'))),
  }),
  clientTime: v.pipe(v.string(), v.isoTimestamp()),
  sdkVersion: v.pipe(v.string(), v.maxLength(40)),
  /**
   * A poll's participant id, issued by the collector (participant.ts) and kept on the device
   * after a first answer, so that the collector counts one answer per person per question.
   * Never sent by other widgets.
   */
  participant: v.optional(v.pipe(v.string(), v.regex(PARTICIPANT, 'must be a participant id issued by the collector'))),
  /**
   * An offer of help's contact details (widget "pledge" only): the point of the offer, so not
   * redacted, and apart from the answers so that they are never stored, logged or exported
   * with them. The collector seals them as it receives them. checkOffer (pledge.ts) holds the rest of their rules.
   */
  contact: v.optional(v.strictObject({
    name: v.pipe(v.string(), v.maxLength(CONTACT_LIMITS.name, `must be at most ${CONTACT_LIMITS.name} characters`)),
    email: v.optional(v.pipe(v.string(), v.maxLength(CONTACT_LIMITS.email, `must be at most ${CONTACT_LIMITS.email} characters`))),
    phone: v.optional(v.pipe(v.string(), v.maxLength(CONTACT_LIMITS.phone, `must be at most ${CONTACT_LIMITS.phone} characters`))),
    prefer: v.picklist(CONTACT_WAYS, 'must be "email" or "phone"'),
    guardianEmail: v.optional(v.pipe(v.string(), v.maxLength(CONTACT_LIMITS.email, `must be at most ${CONTACT_LIMITS.email} characters`))),
  })),
});

/**
 * At least as many bytes as the value takes as UTF-8 JSON, worked out without building the
 * JSON: a UTF-16 unit of text is at most six bytes (an escape such as \u0000), a number, true,
 * false or null at most 30, and each key (an array's index too, which only adds) with its quotes,
 * colon and comma is counted.
 */
function jsonBytesAtMost(value: unknown): number {
  if (typeof value === 'string') return 6 * value.length + 2;
  if (!value || typeof value !== 'object') return 30;
  let bytes = 2;
  for (const key in value) bytes += 6 * key.length + 4 + jsonBytesAtMost((value as Record<string, unknown>)[key]);
  return bytes;
}

/**
 * Whether the value is at most MAX_SUBMISSION_BYTES as UTF-8 JSON. Almost every answer is
 * far under, which the bound shows without building the JSON (two thirds of the collector's check).
 */
const fitsInBytes = (value: unknown) =>
  jsonBytesAtMost(value) <= MAX_SUBMISSION_BYTES || new TextEncoder().encode(JSON.stringify(value)).length <= MAX_SUBMISSION_BYTES;

/** The schema as checked at both ends: each field, then the size of the whole. */
export const CheckedSubmissionSchema = v.pipe(
  SubmissionSchema,
  v.forward(v.check((submission) => submission.contact === undefined || submission.widget === 'pledge', 'is sent only with an offer of help (widget "pledge")'), ['contact']),
  v.check((submission) => fitsInBytes(submission), `must be at most ${MAX_SUBMISSION_BYTES} bytes as JSON: shorten the answers`),
);

export type Submission = v.InferOutput<typeof SubmissionSchema>;
export type WidgetName = (typeof WIDGETS)[number];

export interface SubmissionProblem {
  /** Dotted path of the field, e.g. `page.url`. */
  field: string;
  message: string;
}

/** Checks a value against the submission schema; problems name the field. */
export function checkSubmission(value: unknown): { ok: true; submission: Submission } | { ok: false; problems: SubmissionProblem[] } {
  const result = v.safeParse(CheckedSubmissionSchema, value);
  if (result.success) return { ok: true, submission: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => ({
      field: v.getDotPath(issue) ?? '(body)',
      message: issue.message,
    })),
  };
}
