// The store interface: the only thing routes know about storage. SQLite implements it today
// (sqlite.js); a PostgreSQL store must implement the same methods, all asynchronous, and
// nothing outside src/store/ may hold SQL.
import type { PollDefinition, PollText } from '../polls/definition.js';

/** A submission as the collector keeps it: checked, redacted, and classified. */
export type SubmissionRecord = {
  /** The browser-made UUID; the key that makes every retry idempotent. */
  id: string;
  site: string;
  widget: string;
  instance: string;
  pageUrl: string;
  pageTitle: string;
  lang: string;
  /** Free text redacted again on the server. */
  answers: Record<string, string | number | boolean | string[]>;
  honeypot: boolean;
  fillMs: number;
  clientTime: string;
  sdkVersion: string;
  /** Milliseconds since the epoch, by the collector's clock. */
  receivedAt: number;
  /** Why it is held back from staff views, or null. 'repeat': the same written answer came from the same address within minutes (repeats.js). */
  quarantine: 'honeypot' | 'too-fast' | 'repeat' | null;
  /** Hash of the submission as received: tells a retry from a clash. */
  fingerprint: string;
  /** For a repeat: the id of the answer it repeats. */
  repeatOf: string | null;
  /** A poll's random participant id (poll answers only). */
  participant?: string;
  /** What a poll answer does, as the route checked it; applied in the same transaction. */
  poll?: PollAction;
};

/**
 * A vote (replacing the participant's earlier answer to the question), or a resident's
 * statement to moderate. `text` is trimmed and redacted; `key` is its statementKey.
 */
export type PollAction = { kind: 'vote', pollId: string, question: string, choice: string } | { kind: 'statement', pollId: string, text: string, key: string };

export type PollRecord = {
  definition: PollDefinition;
  /** A file's poll is edited in its file; the dashboard's, in the dashboard. */
  source: 'file' | 'dashboard';
  /** Staff's response, shown to residents once the poll has closed. */
  response: PollText | null;
  createdAt: number;
  updatedAt: number;
  updatedBy: string | null;
};

export type StatementRow = {
  /** Published, it is the question "s-{id}". */
  id: number;
  pollId: string;
  submissionId: string;
  participant: string;
  text: string;
  lang: string;
  status: 'pending' | 'published' | 'rejected';
  /** Why it was not published (its author sees this). */
  reason: string | null;
  /** Staff's "You said, we did". */
  reply: PollText | null;
  createdAt: number;
  moderatedAt: number | null;
  moderatedBy: string | null;
};

/**
 * One poll with its results, for GET /v1/polls/{id}: counters by question then option, the
 * published statements oldest first, and, given a participant, their answers and statements.
 */
export type PollReading = {
  poll: PollRecord;
  counts: Record<string, Record<string, number>>;
  published: StatementRow[];
  mine: { votes: Record<string, string>, statements: StatementRow[] } | undefined;
};

/**
 * `created`: stored now. `duplicate`: this id was stored before with the same fingerprint.
 * `conflict`: this id was stored before with a different fingerprint (nothing changed).
 * `duplicate-statement`: a new poll statement the same as one already in the poll (nothing stored).
 * `{ unstorable }`: the database would not take one of its values (nothing stored); names the field.
 */
export type SaveOutcome = 'created' | 'duplicate' | 'conflict' | 'duplicate-statement' | { unstorable: { field: string, message: string } };

export type RateLimitHit = {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the window ends (ms since the epoch). */
  resetAt: number;
};

/**
 * Which feedback answers the dashboard shows. Every field is optional; dates are ms since the epoch.
 */
export type AnswerFilter = {
  site?: string;
  pageUrl?: string;
  /** received at or after */
  from?: number;
  /** received before */
  to?: number;
  /** yes: voted useful; no: voted not useful, or the "not useful" form; problem / more: the form's reason. */
  answer?: 'yes' | 'no' | 'problem' | 'more';
  /** found (case-insensitively) in what they were trying to do or what went wrong */
  text?: string;
  status?: 'reviewed' | 'unreviewed';
  /** true: only quarantined answers; otherwise quarantined ones are left out. */
  quarantined?: boolean;
};

export type AnswerRow = SubmissionRecord & { reviewedAt: number | null, reviewedBy: string | null };

/** Yes / No votes on one page over the last 7, 30 and 90 days. */
export type PageCounts = {
  site: string;
  pageUrl: string;
  pageTitle: string;
  yes: { 7: number, 30: number, 90: number };
  no: { 7: number, 30: number, 90: number };
};

/**
 * Which finder answers a finder view covers: a site (or all), from `since` up to `until` (ms).
 */
export type FinderFilter = { site?: string, since: number, until: number };

/** One period's finder figures (see sqlite-finder.js for how needs are counted). */
export type FinderPeriod = {
  /** Settled searches, a search and its choice counted once. */
  needs: number;
  /** Needs whose search found nothing. */
  noAnswer: number;
  /** Needs where a result was chosen. */
  chosen: number;
  /** "Did this answer your need?" Yes. */
  helpedYes: number;
  /** ... No. */
  helpedNo: number;
  /** chosen less helpedNo, at least 0. */
  answered: number;
  /** answered / needs; null with no needs. */
  answeredRate: number | null;
};

export type FinderSummary = { 7: FinderPeriod, 30: FinderPeriod, 90: FinderPeriod };

/** A need as residents typed it (lower-cased), with how often. */
export type FinderNeed = { query: string, needs: number, noResults?: number, chosen?: number, lastAt: number };

/**
 * A "No" to "did this answer your need?", with what they needed in their own words (may be empty).
 */
export type FinderNotHelped = { receivedAt: number, site: string, pageUrl: string, pageTitle: string, query: string, chosen: string, need: string };

export type StaffUser = {
  id: number;
  email: string;
  passwordHash: string;
  createdAt: number;
};

export type StaffSession = {
  userId: number;
  email: string;
  csrfToken: string;
  expiresAt: number;
};

export type Store = {
  /** Resolves only once the outcome is durable (committed); rejects if it could not be. */
  saveSubmission: (record: SubmissionRecord) => Promise<SaveOutcome>;
  getSubmission: (id: string) => Promise<SubmissionRecord | undefined>;
  countSubmissions: (filter?: { site?: string, quarantined?: boolean }) => Promise<number>;
  /** Adds each key's hits to its fixed window (a new window when the last has ended), in one write, and resolves each key's total: shared by every collector process on the store. */
  addRateLimitHits: (entries: { key: string, hits: number, windowMs: number }[], now?: number) => Promise<RateLimitHit[]>;
  /** Deletes submissions received before `before` (and stale rate-limit windows); resolves to how many submissions. Also drops expired staff sessions and old sign-in failures, and the votes and statements of polls that closed before `before` (their result counters stay). */
  purgeBefore: (before: number) => Promise<number>;
  /** Rejects when the store cannot serve (for /health). */
  check: () => Promise<void>;
  /** Finishes pending writes, then releases the store. Dashboard: answers (feedback widget only). */
  close: () => Promise<void>;
  /** Newest first. */
  listAnswers: (filter: AnswerFilter, page: { limit: number, offset: number }) => Promise<{ rows: AnswerRow[], total: number }>;
  /** Pages with at least one vote in the last 90 days (quarantined answers left out), most votes first. */
  pageCounts: (filter: { site?: string, pageUrl?: string }, now: number) => Promise<PageCounts[]>;
  /** Pages with feedback, for the filter. */
  listPages: (site?: string) => Promise<{ site: string, pageUrl: string }[]>;
  /** false when there is no such answer. */
  markReviewed: (id: string, by: string, at: number) => Promise<boolean>;
  /** One answer, on a resident's request; false when absent. Dashboard: the finder (quarantined answers left out). */
  deleteSubmission: (id: string) => Promise<boolean>;
  /** Over the last 7, 30 and 90 days. */
  finderSummary: (filter: { site?: string }, now: number) => Promise<FinderSummary>;
  /** Most needs first. */
  finderTopNeeds: (filter: FinderFilter, limit: number) => Promise<FinderNeed[]>;
  /** Needs whose search found nothing, most first. */
  finderUnanswered: (filter: FinderFilter, limit: number) => Promise<FinderNeed[]>;
  /** Newest first. Dashboard: staff accounts, sessions and sign-in failures. Emails arrive lower-cased. */
  finderNotHelped: (filter: FinderFilter, page: { limit: number, offset: number }) => Promise<{ rows: FinderNotHelped[], total: number }>;
  /** Creates the account, or replaces its password and ends its sessions. */
  saveUser: (email: string, passwordHash: string, now: number) => Promise<'created' | 'updated'>;
  findUser: (email: string) => Promise<StaffUser | undefined>;
  listUsers: () => Promise<{ email: string, createdAt: number }[]>;
  /** Ends its sessions too. */
  removeUser: (email: string) => Promise<boolean>;
  createSession: (session: { idHash: string, userId: number, csrfToken: string, createdAt: number, expiresAt: number }) => Promise<void>;
  /** A session that has neither expired nor gone unused for idleMs; finding it counts as use. */
  findSession: (idHash: string, now: number, idleMs: number) => Promise<StaffSession | undefined>;
  deleteSession: (idHash: string) => Promise<void>;
  recordSignInFailure: (email: string, at: number) => Promise<void>;
  countSignInFailures: (email: string, since: number) => Promise<number>;
  /** Polls. Votes and statements arrive through saveSubmission (record.poll). */
  clearSignInFailures: (email: string) => Promise<void>;
  /** Creates or replaces the polls defined in the configuration's files (at start). */
  syncFilePolls: (polls: PollDefinition[], now: number) => Promise<void>;
  getPoll: (id: string) => Promise<PollRecord | undefined>;
  /** Newest first, with statements waiting. */
  listPolls: (site?: string) => Promise<(PollRecord & { pending: number })[]>;
  /** false when the id is taken. */
  createPoll: (poll: PollDefinition, by: string, now: number) => Promise<boolean>;
  /** false unless it is a poll made in the dashboard. */
  updatePoll: (poll: PollDefinition, by: string, now: number) => Promise<boolean>;
  setPollResponse: (id: string, response: PollText | null, by: string, now: number) => Promise<boolean>;
  /** Must stay fast at a million answers. */
  readPoll: (id: string, participant?: string) => Promise<PollReading | undefined>;
  getStatement: (id: number) => Promise<StatementRow | undefined>;
  /** Pending first, then oldest first. */
  listStatements: (pollId: string, query: { status?: 'pending' | 'published' | 'rejected', limit: number, offset: number }) => Promise<StatementRow[]>;
  countStatements: (pollId: string) => Promise<{ pending: number, published: number, rejected: number }>;
  moderateStatement: (pollId: string, id: number, change: { status: 'published' | 'rejected', reason: string | null, by: string, at: number }) => Promise<boolean>;
  replyToStatement: (pollId: string, id: number, reply: PollText | null, by: string, at: number) => Promise<boolean>;
  /** On its author's request: the statement, its submission, and the votes and counts of its question. false when absent. */
  deleteStatement: (pollId: string, id: number) => Promise<boolean>;
  /** The policy set in the dashboard, or null. */
  getSitePolicy: (site: string) => Promise<PollText | null>;
  /** null: back to the configuration's. */
  setSitePolicy: (site: string, policy: PollText | null, by: string, at: number) => Promise<void>;
};

export const STORE_METHODS = [
  'saveSubmission', 'getSubmission', 'countSubmissions', 'addRateLimitHits', 'purgeBefore', 'check', 'close',
  'listAnswers', 'pageCounts', 'listPages', 'markReviewed', 'deleteSubmission',
  'finderSummary', 'finderTopNeeds', 'finderUnanswered', 'finderNotHelped',
  'saveUser', 'findUser', 'listUsers', 'removeUser',
  'createSession', 'findSession', 'deleteSession',
  'recordSignInFailure', 'countSignInFailures', 'clearSignInFailures',
  'syncFilePolls', 'getPoll', 'listPolls', 'createPoll', 'updatePoll', 'setPollResponse', 'readPoll',
  'getStatement', 'listStatements', 'countStatements', 'moderateStatement', 'replyToStatement', 'deleteStatement', 'getSitePolicy', 'setSitePolicy',
] as const;

/**
 * Fails fast, at start, when a store lacks part of the interface.
 */
export function assertStore(store: unknown): Store {
  const missing = STORE_METHODS.filter((name) => typeof (store as Partial<Record<string, unknown>> | null | undefined)?.[name] !== 'function');
  if (missing.length) throw new TypeError(`The store is missing ${missing.join(', ')}`);
  return store as Store;
}
