// Poll protocol v1: what `GET /v1/polls/{id}` answers, and the rules a poll answer (sent
// through POST /v1/submissions, widget "poll") is held to. The widget checks a statement with
// these rules before sending it, and the collector again before storing it, so the two can
// never disagree on what counts.

/**
 * The poll as `GET /v1/polls/{id}` gives it (poll protocol v1). Staff-written text comes in
 * English and, where given, Welsh; residents' statements are their own words, in one language.
 */
export interface PollText {
  en: string;
  cy?: string | undefined;
}

export type QuestionType = 'rating' | 'faces' | 'choice' | 'statement';
export type PollStatus = 'upcoming' | 'open' | 'closed';
export type StatementStatus = 'pending' | 'published' | 'rejected';

export interface PollOption {
  id: string;
  /** Null for statements: the widget supplies "Agree", "Disagree" and "Unsure". */
  label: PollText | null;
}

export interface PollResults {
  total: number;
  counts: Record<string, number>;
}

export interface PollQuestion {
  id: string;
  type: QuestionType;
  /** `staff`, or `resident` for a resident's statement that staff published. */
  origin: 'staff' | 'resident';
  text: PollText;
  options: PollOption[];
  results: PollResults;
}

export interface MyStatement {
  id: string;
  text: string;
  status: StatementStatus;
  /** Why staff did not publish it. */
  reason: string | null;
  /** Staff's reply ("You said, we did"). */
  reply: PollText | null;
}

/** What this device's participant has done in the poll; given only when the request names one. */
export interface PollMine {
  answers: Record<string, string>;
  statements: MyStatement[];
}

export interface PollView {
  id: string;
  site: string;
  title: PollText;
  intro?: PollText | null | undefined;
  opensAt: string;
  closesAt: string;
  status: PollStatus;
  allowStatements: boolean;
  /** How staff moderate statements. */
  policy: PollText | null;
  /** Staff's response to the poll ("You said, we did"). */
  response: PollText | null;
  questions: PollQuestion[];
  mine?: PollMine | undefined;
  /**
   * A new participant id (participant.ts), given when the request named none, or one this
   * collector did not issue: the widget keeps it only once the person first answers.
   */
  participant?: string | undefined;
}

/** The fixed options of every statement: residents agree, disagree or are unsure. */
export const STATEMENT_OPTIONS = ['agree', 'disagree', 'unsure'] as const;

/** The shortest and longest statement, in characters (as a person counts them) after trimming. */
export const STATEMENT_MIN_LENGTH = 10;
export const STATEMENT_MAX_LENGTH = 280;

/** A resident's statement, once published, is a question of its own with this id: `s-{n}`. */
export const RESIDENT_QUESTION = /^s-(\d{1,15})$/;

/** Characters as a person counts them: an emoji is one. */
export const characters = (text: string): number => [...text].length;

/** Why a statement cannot be sent, or undefined when its length is right. */
export function statementLengthProblem(text: string): 'too-short' | 'too-long' | undefined {
  const length = characters(text.trim());
  return length < STATEMENT_MIN_LENGTH ? 'too-short' : length > STATEMENT_MAX_LENGTH ? 'too-long' : undefined;
}

/**
 * What makes two statements "the same" (the second is refused as `duplicate-statement`):
 * case, punctuation, spacing and compatibility forms (full-width letters, ligatures) ignored.
 */
export const statementKey = (text: string): string => text.normalize('NFKC').toLocaleLowerCase('en-GB').replace(/[^\p{L}\p{N}]+/gu, '');

/** A poll's status at a time, from its opening and closing times (ISO 8601). */
export function pollStatus(poll: { opensAt: string; closesAt: string }, now: number): PollStatus {
  if (now < Date.parse(poll.opensAt)) return 'upcoming';
  return now > Date.parse(poll.closesAt) ? 'closed' : 'open';
}

/**
 * The codes of the collector's refusals of a poll answer, in `{ error, field?, code }`:
 * 422 for the first seven, 409 for `poll-closed` and `duplicate-statement`, 429 `rate-limited`
 * (too many answers from one device, or too many new participants from one address).
 * `unknown-participant`: the participant id is not one this collector issued.
 */
export type PollRefusalCode =
  | 'participant-required'
  | 'unknown-participant'
  | 'unknown-poll'
  | 'invalid-answer'
  | 'statements-closed'
  | 'statement-length'
  | 'unknown-question'
  | 'unknown-option'
  | 'poll-closed'
  | 'duplicate-statement'
  | 'rate-limited';
