// Repeats: the same written answer sent again from the same address within FOLD_WINDOW_MS (a
// double press, a bot repeating itself) is kept, but quarantined as a repeat of the first, so
// it is never counted twice. Which answers came first is kept in this process's memory only,
// keyed by a hash (submission.js foldKey) whose secret is never stored: nothing in the
// database ties an answer to an address. Each process, and each restart, tells its own.
import { FOLD_WINDOW_MS } from './submission.js';

/** At most this many first answers remembered; a flood past it forgets the oldest first. */
export const MAX_REMEMBERED = 50_000;

/** @param {{ windowMs?: number, max?: number }} [options] */
export function repeatTracker({ windowMs = FOLD_WINDOW_MS, max = MAX_REMEMBERED } = {}) {
  /** Fold key → the first answer with it: its id and when it came. Oldest first (Map order). */
  /** @type {Map<string, { id: string, at: number }>} */
  const firsts = new Map();

  /** @param {number} now */
  const forgetOld = (now) => {
    for (const [key, first] of firsts) {
      if (now - first.at < windowMs && firsts.size <= max) break;
      firsts.delete(key);
    }
  };

  return {
    /**
     * The id of the answer this one repeats, or null when it is the first (and from now on
     * remembered as such). The same id again (a retry) is never its own repeat.
     * @param {string} key  @param {string} id  @param {number} now
     */
    firstOf(key, id, now) {
      forgetOld(now);
      const first = firsts.get(key);
      if (first) return first.id === id ? null : first.id;
      firsts.set(key, { id, at: now });
      return null;
    },
    /** Forgets an answer remembered as first that could not be stored after all. @param {string} key  @param {string} id */
    forget(key, id) {
      if (firsts.get(key)?.id === id) firsts.delete(key);
    },
    get size() {
      return firsts.size;
    },
  };
}
