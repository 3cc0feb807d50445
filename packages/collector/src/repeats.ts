// Repeats: the same written answer sent again from the same address and the same page load
// (the widget's sender id) within FOLD_WINDOW_MS (a double press, a bot repeating itself) is kept, but quarantined as a repeat of the first, so
// it is never counted twice. Which answers came first is kept in this process's memory only,
// keyed by a hash (submission.js foldKey) whose secret is never stored: nothing in the
// database ties an answer to an address. Each process, and each restart, tells its own.
import { FOLD_WINDOW_MS } from './submission.js';

/** At most this many first answers remembered; a flood past it forgets the oldest first. */
export const MAX_REMEMBERED = 50_000;

export function repeatTracker({ windowMs = FOLD_WINDOW_MS, max = MAX_REMEMBERED }: { windowMs?: number, max?: number } = {}) {
  /** Fold key → the first answer with it: its id and when it came. Oldest first (Map order). */
  const firsts: Map<string, { id: string, at: number }> = new Map();

  const forgetOld = (now: number) => {
    for (const [key, first] of firsts) {
      if (now - first.at < windowMs && firsts.size <= max) break;
      firsts.delete(key);
    }
  };

  return {
    /**
     * The id of the answer this one repeats, or null when it is the first (and from now on
     * remembered as such). The same id again (a retry) is never its own repeat.
     */
    firstOf(key: string, id: string, now: number) {
      forgetOld(now);
      const first = firsts.get(key);
      if (first) return first.id === id ? null : first.id;
      firsts.set(key, { id, at: now });
      return null;
    },
    /** Forgets an answer remembered as first that could not be stored after all. */
    forget(key: string, id: string) {
      if (firsts.get(key)?.id === id) firsts.delete(key);
    },
    get size() {
      return firsts.size;
    },
  };
}

export type RepeatTracker = ReturnType<typeof repeatTracker>;
