// The bounds of the wire that widgets and the collector both hold to: every number and text
// an answer carries is one that every store can keep exactly.

/** The largest submission, as UTF-8 JSON: under the collector's 64 KiB limit and keepalive's budget. */
export const MAX_SUBMISSION_BYTES = 60000;

/** The longest free-text answer a widget may send, in characters. */
export const MAX_TEXT = 2000;

/** The longest page title an answer carries, in characters (after redaction). */
export const MAX_PAGE_TITLE = 300;

/** The most answers one submission carries. */
export const MAX_ANSWERS = 30;

/** The longest list answer, and the longest text in it. */
export const MAX_LIST_ITEMS = 50;
export const MAX_LIST_ITEM_TEXT = 200;

/**
 * The largest number an answer may carry, either side of zero: ratings, counts, and sums of
 * money in pence for any budget a council could ask residents to share out. (A bound well
 * inside the safe integers, so that a number is kept exactly as sent.)
 */
export const MAX_ANSWER_NUMBER = 1e12;

/** The longest time a form may take to fill, in milliseconds: a day. */
export const MAX_FILL_MS = 24 * 60 * 60 * 1000;
