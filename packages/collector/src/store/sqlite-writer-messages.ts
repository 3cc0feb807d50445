// The messages between the event loop (sqlite-writer-client.ts) and the writer thread
// (sqlite-writer-thread.ts). Every request carries an id, and its reply carries the same id,
// so a request that fails on its way never hands its reply to another.
import type { HitsEntry } from './sqlite-counters.js';
import type { StaffWriteName } from './sqlite-staff-writes.js';
import type { SubmissionRecord } from './store.js';

export type WriterOptions = { file: string, synchronous: 'full' | 'normal', busyTimeoutMs: number };

/**
 * What the event loop asks of the writer thread: a batch of answers to commit, a batch of
 * rate-limit hits to count, or one of staff's writes by name.
 */
export type WriterAsk =
  | { kind: 'commit', records: SubmissionRecord[] }
  | { kind: 'hits', hits: HitsEntry[], now: number }
  | { kind: 'staff', write: StaffWriteName, args: unknown[] };

/** An ask as sent, with the id its reply will carry. */
export type WriterRequest = WriterAsk & { id: number };

/** Sent last: the thread finishes what it holds, closes its connections and ends. */
export type WriterClose = { kind: 'close' };

export type WriterError = { name: string, message: string, code?: string | undefined };

/** The answer to the request with the same id: its result, or the error it failed with. */
export type WriterReply = { id: number, result: unknown } | { id: number, error: WriterError };
