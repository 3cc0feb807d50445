// The store: the only thing routes know about storage, in parts by what they store, each its
// own interface (and contract suite, test/contracts/) so that another database can implement
// and prove one part at a time. SQLite (sqlite.ts) and PostgreSQL (postgres.ts) implement them
// all; every method is asynchronous, and nothing outside src/store/ may hold SQL.
import type { CallStore } from './call-store.js';
import type { CounterStore } from './counter-store.js';
import type { DashboardStore } from './dashboard-store.js';
import type { PledgeStore } from './pledge-store.js';
import type { PollStore } from './poll-store.js';
import type { StaffStore } from './staff-store.js';
import type { SubmissionStore } from './submission-store.js';

export type { Ask, AskAnswer, CallForHelp, CallStatus, CallStore, CallSummary, Candidate, Fairness } from './call-store.js';
export type { CounterStore, HitsEntry, RateLimitHit } from './counter-store.js';
export type { AnswerFilter, AnswerRow, DashboardStore, FinderFilter, FinderNeed, FinderNotHelped, FinderPeriod, FinderSummary, PageCounts } from './dashboard-store.js';
export type { OfferAction, OfferCounts, OfferFilter, OfferRecord, OfferStatus, OfferSummary, PledgeList, PledgeStore } from './pledge-store.js';
export type { PollBurst, PollReading, PollRecord, PollStore, StatementRow, StatementStatus } from './poll-store.js';
export type { FailureKey, NewSession, SignInAttempt, StaffSession, StaffStore, StaffUser } from './staff-store.js';
export type { PollAction, SaveOutcome, SubmissionRecord, SubmissionStore } from './submission-store.js';

export type Store = {
  submissions: SubmissionStore;
  counters: CounterStore;
  dashboard: DashboardStore;
  staff: StaffStore;
  polls: PollStore;
  pledges: PledgeStore;
  calls: CallStore;
  // "You said, we did" updates will be a part of their own here, when they come.
  /**
   * Deletes submissions received before `before`, and the votes and statements of polls that
   * closed before it (their result counters stay), and the contact details of offers of help
   * last active before it; resolves to how many submissions. Also drops,
   * as of `now`, staff sessions that have expired, sign-in failures over a day old and
   * rate-limit windows over an hour old.
   */
  purgeBefore: (before: number, now: number) => Promise<number>;
  /** Rejects when the store cannot serve (for /health). */
  check: () => Promise<void>;
  /** Rejects when the store cannot take a write (for readiness): heavier than check. */
  checkWrite: () => Promise<void>;
  /** Finishes pending writes, then releases the store; every call after it rejects. */
  close: () => Promise<void>;
};

const LIFECYCLE_METHODS = ['purgeBefore', 'check', 'checkWrite', 'close'] as const;
/** The store's parts: every key but its lifecycle methods. Each must be listed below. */
type StorePart = Exclude<keyof Store, (typeof LIFECYCLE_METHODS)[number]>;

/** Each part's methods, by part: what assertStore checks. */
export const STORE_METHODS = {
  submissions: ['save', 'get', 'count', 'markReviewed', 'remove'],
  counters: ['addHits'],
  dashboard: ['listAnswers', 'pageCounts', 'listPages', 'finderSummary', 'finderTopNeeds', 'finderUnanswered', 'finderNotHelped'],
  staff: [
    'saveUser', 'findUser', 'listUsers', 'removeUser', 'createSession', 'findSession', 'deleteSession',
    'recordSignInFailure', 'recentSignInFailures', 'clearSignInFailures',
  ],
  polls: [
    'syncFiles', 'get', 'list', 'create', 'update', 'setResponse', 'read',
    'getStatement', 'listStatements', 'countStatements', 'moderateStatement', 'replyToStatement', 'deleteStatement',
    'getSitePolicy', 'setSitePolicy', 'participantSecret', 'hasAnswered', 'recordBurst', 'listBursts',
  ],
  pledges: ['syncFiles', 'getList', 'listLists', 'getOffer', 'listOffers', 'countOffers', 'sealedContacts', 'setOfferStatus', 'withdraw'],
  calls: ['create', 'get', 'list', 'asks', 'candidates', 'ask', 'answer', 'setStatus', 'hoursGiven'],
} as const satisfies { [Part in StorePart]: readonly (keyof Store[Part])[] };

type Bag = Partial<Record<string, unknown>> | null | undefined;

/**
 * Fails fast, at start, when a store lacks part of the interface; names each missing method
 * by its part, as `polls.get`.
 */
export function assertStore(store: unknown): Store {
  const missing: string[] = [];
  for (const [part, methods] of Object.entries(STORE_METHODS)) {
    const found = (store as Bag)?.[part] as Bag;
    for (const name of methods) if (typeof found?.[name] !== 'function') missing.push(`${part}.${name}`);
  }
  for (const name of LIFECYCLE_METHODS) if (typeof (store as Bag)?.[name] !== 'function') missing.push(name);
  if (missing.length) throw new TypeError(`The store is missing ${missing.join(', ')}`);
  return store as Store;
}
