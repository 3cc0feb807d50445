// The dashboard's reads: feedback answers (inbox, votes per page, pages) and the finder's
// figures. Reads only; reviews and deletions are the submissions part's.
import type { SubmissionRecord } from './submission-store.js';

/**
 * How every store counts the finder's needs. The finder sends a search once it settles
 * ({query, results}), and again with `chosen` when the person picks a result (only that one
 * if they pick first). Nothing links the two (no tracking), so a search with `chosen` is the
 * same need as the search just before it with the same words (trimmed, any case) on the same
 * site and page, when that came at most NEED_GAP_MS earlier; every other search is a need of
 * its own. Answered needs: needs with a choice, less the "No"s to "did this answer your
 * need?". Both can only undercount, so contacts avoided are never overstated.
 */
export const NEED_GAP_MS = 10 * 60 * 1000;

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

/** One period's finder figures (NEED_GAP_MS says how needs are counted). */
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

export type DashboardStore = {
  /** Feedback widget answers only. Newest first (ties: id descending); `total` counts every match. */
  listAnswers: (filter: AnswerFilter, page: { limit: number, offset: number }) => Promise<{ rows: AnswerRow[], total: number }>;
  /** Pages with at least one vote in the last 90 days (quarantined answers left out), most votes first. */
  pageCounts: (filter: { site?: string, pageUrl?: string }, now: number) => Promise<PageCounts[]>;
  /** Pages with feedback, for the filter, by site then address. */
  listPages: (site?: string) => Promise<{ site: string, pageUrl: string }[]>;
  /** The finder over the last 7, 30 and 90 days (quarantined answers left out, as in every finder read). */
  finderSummary: (filter: { site?: string }, now: number) => Promise<FinderSummary>;
  /** Most needs first; a tie goes to the need searched most recently. */
  finderTopNeeds: (filter: FinderFilter, limit: number) => Promise<FinderNeed[]>;
  /** Needs whose search found nothing, most first. */
  finderUnanswered: (filter: FinderFilter, limit: number) => Promise<FinderNeed[]>;
  /** Newest first; `total` counts every match. */
  finderNotHelped: (filter: FinderFilter, page: { limit: number, offset: number }) => Promise<{ rows: FinderNotHelped[], total: number }>;
};
