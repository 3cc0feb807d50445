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
 * @property {'honeypot' | 'too-fast' | null} quarantine  Why it is held back from staff views, or null.
 * @property {string} fingerprint  Hash of the submission as received: tells a retry from a clash.
 */

/**
 * `created`: stored now. `duplicate`: this id was stored before with the same fingerprint.
 * `conflict`: this id was stored before with a different fingerprint (nothing changed).
 * @typedef {'created' | 'duplicate' | 'conflict'} SaveOutcome
 */

/**
 * @typedef {object} RateLimitHit
 * @property {number} hits     Hits in the current window, this one included.
 * @property {number} resetAt  When the window ends (ms since the epoch).
 */

/**
 * @typedef {object} Store
 * @property {(record: SubmissionRecord) => Promise<SaveOutcome>} saveSubmission
 *   Resolves only once the outcome is durable (committed); rejects if it could not be.
 * @property {(id: string) => Promise<SubmissionRecord | undefined>} getSubmission
 * @property {(filter?: { site?: string, quarantined?: boolean }) => Promise<number>} countSubmissions
 * @property {(key: string, windowMs: number, now?: number) => Promise<RateLimitHit>} hitRateLimit
 *   Counts one hit for `key` in a fixed window, shared by every collector process on the store.
 * @property {(before: number) => Promise<number>} purgeBefore
 *   Deletes submissions received before `before` (and stale rate-limit windows); resolves to how many submissions.
 * @property {() => Promise<void>} check  Rejects when the store cannot serve (for /health).
 * @property {() => Promise<void>} close  Finishes pending writes, then releases the store.
 */

// The dashboard slice adds its reads here (list with filters, mark reviewed, delete one).
export const STORE_METHODS = /** @type {const} */ (['saveSubmission', 'getSubmission', 'countSubmissions', 'hitRateLimit', 'purgeBefore', 'check', 'close']);

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
