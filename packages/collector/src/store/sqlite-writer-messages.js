// The messages between the event loop (sqlite-writer-client.js) and the writer thread
// (sqlite-writer-thread.js). Every request carries an id, and its reply carries the same id,
// so a request that fails on its way never hands its reply to another.

/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */
/** @typedef {import('./sqlite-counters.js').HitsEntry} HitsEntry */
/** @typedef {import('./sqlite-staff-writes.js').StaffWriteName} StaffWriteName */
/** @typedef {{ file: string, synchronous: 'full' | 'normal', busyTimeoutMs: number }} WriterOptions */

/**
 * What the event loop asks of the writer thread: a batch of answers to commit, a batch of
 * rate-limit hits to count, or one of staff's writes by name.
 * @typedef {{ kind: 'commit', records: SubmissionRecord[] }
 *   | { kind: 'hits', hits: HitsEntry[], now: number }
 *   | { kind: 'staff', write: StaffWriteName, args: unknown[] }} WriterAsk
 */

/** An ask as sent, with the id its reply will carry. @typedef {WriterAsk & { id: number }} WriterRequest */

/** Sent last: the thread finishes what it holds, closes its connections and ends. @typedef {{ kind: 'close' }} WriterClose */

/** @typedef {{ name: string, message: string, code?: string }} WriterError */

/** The answer to the request with the same id: its result, or the error it failed with. @typedef {{ id: number, result: unknown } | { id: number, error: WriterError }} WriterReply */

export {};
