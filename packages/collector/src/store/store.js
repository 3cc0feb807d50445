// The store interface: the only thing routes know about storage. SQLite implements it today
// (sqlite.js); a PostgreSQL store must implement the same methods, all asynchronous, and
// nothing outside src/store/ may hold SQL.

/**
 * A submission as the collector keeps it: checked, redacted, and classified.
 * @typedef {object} SubmissionRecord
 * @property {string} id           The browser-made UUID; the key that makes every retry idempotent.
 * @property {string} site
 * @property {string} widget
 * @property {string} instance
 * @property {string} pageUrl
 * @property {string} pageTitle
 * @property {string} lang
 * @property {Record<string, string | number | boolean | string[]>} answers  Free text redacted again on the server.
 * @property {boolean} honeypot
 * @property {number} fillMs
 * @property {string} clientTime
 * @property {string} sdkVersion
 * @property {number} receivedAt   Milliseconds since the epoch, by the collector's clock.
 * @property {'honeypot' | 'too-fast' | 'repeat' | null} quarantine  Why it is held back from staff views, or null.
 *   'repeat': the same written answer came from the same address within minutes (repeats.js).
 * @property {string} fingerprint  Hash of the submission as received: tells a retry from a clash.
 * @property {string | null} repeatOf  For a repeat: the id of the answer it repeats.
 * @property {string} [participant]  A poll's random participant id (poll answers only).
 * @property {PollAction} [poll]  What a poll answer does, as the route checked it; applied in the same transaction.
 */

/**
 * A vote (replacing the participant's earlier answer to the question), or a resident's
 * statement to moderate. `text` is trimmed and redacted; `key` is its statementKey.
 * @typedef {{ kind: 'vote', pollId: string, question: string, choice: string }
 *   | { kind: 'statement', pollId: string, text: string, key: string }} PollAction
 */

/**
 * @typedef {import('../polls/definition.js').PollText} PollText
 * @typedef {object} PollRecord
 * @property {import('../polls/definition.js').PollDefinition} definition
 * @property {'file' | 'dashboard'} source  A file's poll is edited in its file; the dashboard's, in the dashboard.
 * @property {PollText | null} response  Staff's response, shown to residents once the poll has closed.
 * @property {number} createdAt
 * @property {number} updatedAt
 * @property {string | null} updatedBy
 */

/**
 * @typedef {object} StatementRow
 * @property {number} id  Published, it is the question "s-{id}".
 * @property {string} pollId
 * @property {string} submissionId
 * @property {string} participant
 * @property {string} text
 * @property {string} lang
 * @property {'pending' | 'published' | 'rejected'} status
 * @property {string | null} reason  Why it was not published (its author sees this).
 * @property {PollText | null} reply  Staff's "You said, we did".
 * @property {number} createdAt
 * @property {number | null} moderatedAt
 * @property {string | null} moderatedBy
 */

/**
 * One poll with its results, for GET /v1/polls/{id}: counters by question then option, the
 * published statements oldest first, and, given a participant, their answers and statements.
 * @typedef {object} PollReading
 * @property {PollRecord} poll
 * @property {Record<string, Record<string, number>>} counts
 * @property {StatementRow[]} published
 * @property {{ votes: Record<string, string>, statements: StatementRow[] } | undefined} mine
 */

/**
 * `created`: stored now. `duplicate`: this id was stored before with the same fingerprint.
 * `conflict`: this id was stored before with a different fingerprint (nothing changed).
 * `duplicate-statement`: a new poll statement the same as one already in the poll (nothing stored).
 * `{ unstorable }`: the database would not take one of its values (nothing stored); names the field.
 * @typedef {'created' | 'duplicate' | 'conflict' | 'duplicate-statement' | { unstorable: { field: string, message: string } }} SaveOutcome
 */

/**
 * @typedef {object} RateLimitHit
 * @property {number} hits     Hits in the current window, this one included.
 * @property {number} resetAt  When the window ends (ms since the epoch).
 */

/**
 * Which feedback answers the dashboard shows. Every field is optional; dates are ms since the epoch.
 * @typedef {object} AnswerFilter
 * @property {string} [site]
 * @property {string} [pageUrl]
 * @property {number} [from]         received at or after
 * @property {number} [to]           received before
 * @property {'yes' | 'no' | 'problem' | 'more'} [answer]
 *   yes: voted useful; no: voted not useful, or the "not useful" form; problem / more: the form's reason.
 * @property {string} [text]         found (case-insensitively) in what they were trying to do or what went wrong
 * @property {'reviewed' | 'unreviewed'} [status]
 * @property {boolean} [quarantined]  true: only quarantined answers; otherwise quarantined ones are left out.
 */

/**
 * @typedef {SubmissionRecord & { reviewedAt: number | null, reviewedBy: string | null }} AnswerRow
 */

/**
 * Yes / No votes on one page over the last 7, 30 and 90 days.
 * @typedef {object} PageCounts
 * @property {string} site
 * @property {string} pageUrl
 * @property {string} pageTitle
 * @property {{ 7: number, 30: number, 90: number }} yes
 * @property {{ 7: number, 30: number, 90: number }} no
 */

/**
 * Which finder answers a finder view covers: a site (or all), from `since` up to `until` (ms).
 * @typedef {{ site?: string, since: number, until: number }} FinderFilter
 */

/**
 * One period's finder figures (see sqlite-finder.js for how needs are counted).
 * @typedef {object} FinderPeriod
 * @property {number} needs       Settled searches, a search and its choice counted once.
 * @property {number} noAnswer    Needs whose search found nothing.
 * @property {number} chosen      Needs where a result was chosen.
 * @property {number} helpedYes   "Did this answer your need?" Yes.
 * @property {number} helpedNo    ... No.
 * @property {number} answered    chosen less helpedNo, at least 0.
 * @property {number | null} answeredRate  answered / needs; null with no needs.
 */

/** @typedef {{ 7: FinderPeriod, 30: FinderPeriod, 90: FinderPeriod }} FinderSummary */

/**
 * A need as residents typed it (lower-cased), with how often.
 * @typedef {{ query: string, needs: number, noResults?: number, chosen?: number, lastAt: number }} FinderNeed
 */

/**
 * A "No" to "did this answer your need?", with what they needed in their own words (may be empty).
 * @typedef {{ receivedAt: number, site: string, pageUrl: string, pageTitle: string, query: string, chosen: string, need: string }} FinderNotHelped
 */

/**
 * @typedef {object} StaffUser
 * @property {number} id
 * @property {string} email
 * @property {string} passwordHash
 * @property {number} createdAt
 */

/**
 * @typedef {object} StaffSession
 * @property {number} userId
 * @property {string} email
 * @property {string} csrfToken
 * @property {number} expiresAt
 */

/**
 * @typedef {object} Store
 * @property {(record: SubmissionRecord) => Promise<SaveOutcome>} saveSubmission
 *   Resolves only once the outcome is durable (committed); rejects if it could not be.
 * @property {(id: string) => Promise<SubmissionRecord | undefined>} getSubmission
 * @property {(filter?: { site?: string, quarantined?: boolean }) => Promise<number>} countSubmissions
 * @property {(entries: { key: string, hits: number, windowMs: number }[], now?: number) => Promise<RateLimitHit[]>} addRateLimitHits
 *   Adds each key's hits to its fixed window (a new window when the last has ended), in one write,
 *   and resolves each key's total: shared by every collector process on the store.
 * @property {(before: number) => Promise<number>} purgeBefore
 *   Deletes submissions received before `before` (and stale rate-limit windows); resolves to how many submissions.
 *   Also drops expired staff sessions and old sign-in failures, and the votes and statements of polls
 *   that closed before `before` (their result counters stay).
 * @property {() => Promise<void>} check  Rejects when the store cannot serve (for /health).
 * @property {() => Promise<void>} close  Finishes pending writes, then releases the store.
 *
 * Dashboard: answers (feedback widget only).
 * @property {(filter: AnswerFilter, page: { limit: number, offset: number }) => Promise<{ rows: AnswerRow[], total: number }>} listAnswers
 *   Newest first.
 * @property {(filter: { site?: string, pageUrl?: string }, now: number) => Promise<PageCounts[]>} pageCounts
 *   Pages with at least one vote in the last 90 days (quarantined answers left out), most votes first.
 * @property {(site?: string) => Promise<{ site: string, pageUrl: string }[]>} listPages  Pages with feedback, for the filter.
 * @property {(id: string, by: string, at: number) => Promise<boolean>} markReviewed  false when there is no such answer.
 * @property {(id: string) => Promise<boolean>} deleteSubmission  One answer, on a resident's request; false when absent.
 *
 * Dashboard: the finder (quarantined answers left out).
 * @property {(filter: { site?: string }, now: number) => Promise<FinderSummary>} finderSummary  Over the last 7, 30 and 90 days.
 * @property {(filter: FinderFilter, limit: number) => Promise<FinderNeed[]>} finderTopNeeds  Most needs first.
 * @property {(filter: FinderFilter, limit: number) => Promise<FinderNeed[]>} finderUnanswered  Needs whose search found nothing, most first.
 * @property {(filter: FinderFilter, page: { limit: number, offset: number }) => Promise<{ rows: FinderNotHelped[], total: number }>} finderNotHelped
 *   Newest first.
 *
 * Dashboard: staff accounts, sessions and sign-in failures. Emails arrive lower-cased.
 * @property {(email: string, passwordHash: string, now: number) => Promise<'created' | 'updated'>} saveUser
 *   Creates the account, or replaces its password and ends its sessions.
 * @property {(email: string) => Promise<StaffUser | undefined>} findUser
 * @property {() => Promise<{ email: string, createdAt: number }[]>} listUsers
 * @property {(email: string) => Promise<boolean>} removeUser  Ends its sessions too.
 * @property {(session: { idHash: string, userId: number, csrfToken: string, createdAt: number, expiresAt: number }) => Promise<void>} createSession
 * @property {(idHash: string, now: number, idleMs: number) => Promise<StaffSession | undefined>} findSession
 *   A session that has neither expired nor gone unused for idleMs; finding it counts as use.
 * @property {(idHash: string) => Promise<void>} deleteSession
 * @property {(email: string, at: number) => Promise<void>} recordSignInFailure
 * @property {(email: string, since: number) => Promise<number>} countSignInFailures
 * @property {(email: string) => Promise<void>} clearSignInFailures
 *
 * Polls. Votes and statements arrive through saveSubmission (record.poll).
 * @property {(polls: import('../polls/definition.js').PollDefinition[], now: number) => Promise<void>} syncFilePolls
 *   Creates or replaces the polls defined in the configuration's files (at start).
 * @property {(id: string) => Promise<PollRecord | undefined>} getPoll
 * @property {(site?: string) => Promise<(PollRecord & { pending: number })[]>} listPolls  Newest first, with statements waiting.
 * @property {(poll: import('../polls/definition.js').PollDefinition, by: string, now: number) => Promise<boolean>} createPoll  false when the id is taken.
 * @property {(poll: import('../polls/definition.js').PollDefinition, by: string, now: number) => Promise<boolean>} updatePoll
 *   false unless it is a poll made in the dashboard.
 * @property {(id: string, response: PollText | null, by: string, now: number) => Promise<boolean>} setPollResponse
 * @property {(id: string, participant?: string) => Promise<PollReading | undefined>} readPoll  Must stay fast at a million answers.
 * @property {(id: number) => Promise<StatementRow | undefined>} getStatement
 * @property {(pollId: string, query: { status?: 'pending' | 'published' | 'rejected', limit: number, offset: number }) => Promise<StatementRow[]>} listStatements
 *   Pending first, then oldest first.
 * @property {(pollId: string) => Promise<{ pending: number, published: number, rejected: number }>} countStatements
 * @property {(pollId: string, id: number, change: { status: 'published' | 'rejected', reason: string | null, by: string, at: number }) => Promise<boolean>} moderateStatement
 * @property {(pollId: string, id: number, reply: PollText | null, by: string, at: number) => Promise<boolean>} replyToStatement
 * @property {(pollId: string, id: number) => Promise<boolean>} deleteStatement
 *   On its author's request: the statement, its submission, and the votes and counts of its question. false when absent.
 * @property {(site: string) => Promise<PollText | null>} getSitePolicy  The policy set in the dashboard, or null.
 * @property {(site: string, policy: PollText | null, by: string, at: number) => Promise<void>} setSitePolicy  null: back to the configuration's.
 */

export const STORE_METHODS = /** @type {const} */ ([
  'saveSubmission', 'getSubmission', 'countSubmissions', 'addRateLimitHits', 'purgeBefore', 'check', 'close',
  'listAnswers', 'pageCounts', 'listPages', 'markReviewed', 'deleteSubmission',
  'finderSummary', 'finderTopNeeds', 'finderUnanswered', 'finderNotHelped',
  'saveUser', 'findUser', 'listUsers', 'removeUser',
  'createSession', 'findSession', 'deleteSession',
  'recordSignInFailure', 'countSignInFailures', 'clearSignInFailures',
  'syncFilePolls', 'getPoll', 'listPolls', 'createPoll', 'updatePoll', 'setPollResponse', 'readPoll',
  'getStatement', 'listStatements', 'countStatements', 'moderateStatement', 'replyToStatement', 'deleteStatement', 'getSitePolicy', 'setSitePolicy',
]);

/**
 * Fails fast, at start, when a store lacks part of the interface.
 * @param {unknown} store
 * @returns {Store}
 */
export function assertStore(store) {
  const missing = STORE_METHODS.filter((name) => typeof (/** @type {any} */ (store)?.[name]) !== 'function');
  if (missing.length) throw new TypeError(`The store is missing ${missing.join(', ')}`);
  return /** @type {Store} */ (store);
}
