// The submissions part of the store: every answer a widget sends, stored once per id. Poll
// answers arrive here too (record.poll) and change the poll's counters in the same write;
// offers of help (record.offer) are stored with their answer in the same way.
import type { OfferAction } from './pledge-store.js';

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
  /** Why it is held back from staff views, or null. 'repeat': the same written answer came from the same address within minutes (repeats.ts). */
  quarantine: 'honeypot' | 'too-fast' | 'repeat' | null;
  /** Hash of the submission as received: tells a retry from a clash. */
  fingerprint: string;
  /** For a repeat: the id of the answer it repeats. */
  repeatOf: string | null;
  /** A poll's random participant id (poll answers only). */
  participant?: string;
  /** What a poll answer does, as the route checked it; applied in the same transaction. */
  poll?: PollAction;
  /** An offer of help's choices and sealed contact (pledge answers only); stored in the same transaction. */
  offer?: OfferAction;
};

/**
 * A vote (replacing the participant's earlier answer to the question), or a resident's
 * statement to moderate. `text` is trimmed and redacted; `key` is its statementKey.
 */
export type PollAction = { kind: 'vote', pollId: string, question: string, choice: string } | { kind: 'statement', pollId: string, text: string, key: string };

/**
 * `created`: stored now. `duplicate`: this id was stored before with the same fingerprint.
 * `conflict`: this id was stored before with a different fingerprint (nothing changed).
 * `duplicate-statement`: a new poll statement the same as one already in the poll (nothing stored).
 * `{ unstorable }`: the database would not take one of its values (nothing stored); names the field.
 */
export type SaveOutcome = 'created' | 'duplicate' | 'conflict' | 'duplicate-statement' | { unstorable: { field: string, message: string } };

export type SubmissionStore = {
  /** Resolves only once the outcome is durable (committed); rejects if it could not be. */
  save: (record: SubmissionRecord) => Promise<SaveOutcome>;
  /** undefined when there is no such submission. */
  get: (id: string) => Promise<SubmissionRecord | undefined>;
  /** Every submission, or those of one site, quarantined or not. */
  count: (filter?: { site?: string, quarantined?: boolean }) => Promise<number>;
  /** false when there is no such answer. */
  markReviewed: (id: string, by: string, at: number) => Promise<boolean>;
  /** One answer, on a resident's request; false when absent. */
  remove: (id: string) => Promise<boolean>;
};
