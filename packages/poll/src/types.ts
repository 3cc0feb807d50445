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
}

/** The fixed options of every statement. */
export const STATEMENT_OPTIONS = ['agree', 'disagree', 'unsure'] as const;
/** The shortest and longest statement, in characters after trimming (the collector's rule too). */
export const STATEMENT_MIN_LENGTH = 10;
export const STATEMENT_MAX_LENGTH = 280;
