// Calls for help: staff ask for people for one task (a way to help, an area, a date and time,
// how many people), Tandem proposes the residents whose offers fit, fairly, and records who
// was asked, who said yes, and the hours given. A person here is an offer: Tandem never links
// offers by their contact details.
import type { OfferSummary } from './pledge-store.js';

export const CALL_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const ASK_ANSWERS = ['waiting', 'yes', 'no'] as const;
export type AskAnswer = (typeof ASK_ANSWERS)[number];

export type CallForHelp = {
  /** A random UUID. */
  id: string;
  listId: string;
  site: string;
  wayId: string;
  /** An area id of the list, or 'home'. */
  area: string;
  /** The time of the week it falls in (pledges/call-slot.ts): offers for it, or "now and then", fit. */
  slot: string;
  startsAt: number;
  endsAt: number | null;
  peopleNeeded: number;
  /** Staff's words: what it is, where to meet. No resident's details. */
  details: string;
  status: CallStatus;
  createdBy: string;
  createdAt: number;
};

export type CallSummary = CallForHelp & { asked: number, yes: number, hours: number };

export type Ask = { offerId: string, askedAt: number, askedBy: string, answer: AskAnswer, hours: number | null };

/** An offer that fits a call, with what fairness goes by. */
export type Candidate = OfferSummary & { lastAskedAt: number | null, asksSince: number };

/**
 * Fair asking: nobody asked more than `cap` times since `since` (a month ago), those asked
 * least recently (never, first) proposed first, then the earliest offers.
 */
export type Fairness = { since: number, cap: number };

export type CallStore = {
  create: (call: CallForHelp) => Promise<void>;
  /** undefined when there is no such call. */
  get: (id: string) => Promise<CallForHelp | undefined>;
  /** Soonest first, with how many were asked, said yes, and the hours given. */
  list: (filter: { listId?: string, status?: CallStatus }) => Promise<CallSummary[]>;
  /** Who was asked, first asked first. */
  asks: (callId: string) => Promise<Ask[]>;
  /**
   * The current offers (with contact details) that fit the call: its way, its area, its time of
   * the week or "now and then"; not yet asked for it and under the cap; fairest first.
   */
  candidates: (call: CallForHelp, fairness: Fairness, limit: number) => Promise<Candidate[]>;
  /**
   * Records that staff asked these offers, each only if it is still a candidate (so a second
   * tab cannot ask past the cap); a new offer becomes contacted. Resolves to the ids asked.
   */
  ask: (call: CallForHelp, offerIds: string[], by: string, at: number, fairness: Fairness) => Promise<string[]>;
  /** Their answer, and the hours they gave; false when they were not asked for this call. */
  answer: (callId: string, offerId: string, change: { answer: AskAnswer, hours: number | null }) => Promise<boolean>;
  /** false when there is no such call. */
  setStatus: (callId: string, status: CallStatus) => Promise<boolean>;
  /** Hours given on calls for help (of a list, or all), and by how many people. */
  hoursGiven: (filter: { listId?: string }) => Promise<{ hours: number, people: number }>;
};
