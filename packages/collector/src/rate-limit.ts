// Rate limits in fixed one-minute windows. Each process counts hits in memory and adds them to
// the store in one write every FLUSH_MS, reading back the totals of every process on the store:
// a limit is shared by all collector processes, at most FLUSH_MS late for the others' hits.
// (A write per hit, two per answer, cost more than storing the answer itself; and
// @fastify/rate-limit's hooks around these counters cost a twentieth of taking an answer:
// bench/ingest.)
import type { CounterStore, RateLimitHit, Store } from './store/store.js';
import type { FastifyInstance } from 'fastify';

export const WINDOW_MS = 60 * 1000;
/** How often this process's hits reach the store, and the others' reach this process. */
export const FLUSH_MS = 100;

export type Counter = {
  /** When the current window began (ms since the epoch). */
  windowStart: number;
  windowMs: number;
  /** Hits in this window as the store last told (every process's). */
  shared: number;
  /** This process's hits not yet added to the store. */
  pending: number;
  /** This process's hits on their way to the store: still counted until the store's total (which includes them) comes back. */
  sending: number;
};

/**
 * Counts hits per key in fixed windows, batching the store's writes.
 */
export function batchedCounters(shared: CounterStore, { flushMs = FLUSH_MS, onError = () => {} }: { flushMs?: number, onError?: (error: Error) => void } = {}) {
  const counters: Map<string, Counter> = new Map();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const now = Date.now();
    const batch: { key: string, hits: number, windowMs: number }[] = [];
    for (const [key, counter] of counters) {
      if (counter.pending) {
        batch.push({ key, hits: counter.pending, windowMs: counter.windowMs });
        counter.sending += counter.pending;
        counter.pending = 0;
      } else if (counter.windowStart + counter.windowMs <= now) {
        counters.delete(key); // keeps memory to the keys seen in the last window
      }
    }
    if (!batch.length) return flushing;
    const settleEach = (settle: (counter: Counter, hits: number, i: number) => void) =>
      batch.forEach(({ key, hits }, i) => {
        const counter = counters.get(key);
        if (!counter) return;
        counter.sending = Math.max(0, counter.sending - hits);
        settle(counter, hits, i);
      });
    flushing = shared.addHits(batch, now).then(
      (totals) =>
        settleEach((counter, _, i) => {
          const total = totals[i] as RateLimitHit;
          counter.shared = total.hits;
          counter.windowStart = total.resetAt - counter.windowMs;
        }),
      // The hits stay counted here, and go with the next flush; only other processes miss them
      // meanwhile. Answers are never refused for this.
      (error) => {
        settleEach((counter, hits) => (counter.pending += hits));
        onError(error);
      },
    );
    return flushing;
  };

  return {
    /**
     * Counts one hit; resolves the hits in the window so far (every process's) and when it ends.
     */
    hit(key: string, windowMs: number, now: number = Date.now()) {
      let counter = counters.get(key);
      if (!counter || counter.windowStart + counter.windowMs <= now) {
        counter = { windowStart: now, windowMs, shared: 0, pending: 0, sending: 0 };
        counters.set(key, counter);
      }
      counter.pending += 1;
      timer ??= setTimeout(flush, flushMs).unref();
      return { hits: counter.shared + counter.sending + counter.pending, resetAt: counter.windowStart + counter.windowMs };
    },
    /** Adds every pending hit to the store now (at close, and in tests). */
    flush() {
      clearTimeout(timer);
      return flush();
    },
  };
}

/**
 * The limits the routes check, on counters shared through the store.
 * @param app Flushes the counters when it closes.
 */
export function useRateLimits(app: FastifyInstance, store: Store, options: { flushMs?: number } = {}) {
  const counters = batchedCounters(store.counters, {
    ...options,
    // The hits stay counted here; answers are never refused because the store could not share them.
    onError: (error) => app.log.warn({ err: { message: error.message } }, 'rate-limit counters could not be shared'),
  });
  app.addHook('onClose', async () => {
    await counters.flush();
  });
  return {
    /** Counts one hit for the key: the hits in its window so far (every process's), and the seconds left in it. */
    hit(key: string, { now = Date.now(), windowMs = WINDOW_MS }: { now?: number, windowMs?: number } = {}) {
      const { hits, resetAt } = counters.hit(key, windowMs, now);
      return { hits, secondsLeft: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
    },
    /**
     * Counts one hit for the key: 0 while it is within `max` a window (a minute unless told),
     * else the seconds until its window ends (for Retry-After).
     */
    secondsToWait(key: string, max: number, window: { now?: number, windowMs?: number } = {}) {
      const { hits, secondsLeft } = this.hit(key, window);
      return hits <= max ? 0 : secondsLeft;
    },
  };
}

export type RateLimits = ReturnType<typeof useRateLimits>;

/** Counts one hit for a key in its window (a minute unless told): the hits so far and the seconds left in it. */
export type CountHit = (key: string, window?: { now?: number, windowMs?: number }) => { hits: number, secondsLeft: number };

/** The seconds to wait when a count is over its most: 0 while within it. */
export const secondsOver = ({ hits, secondsLeft }: { hits: number, secondsLeft: number }, most: number) => (hits > most ? secondsLeft : 0);

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The address a limit counts by: an IPv4 address as it is; an IPv6 address by its /64, the
 * block one home or office is given, so a device cannot dodge its limit by changing the rest.
 * @param ip A valid address, as Node gives it (req.ip).
 */
export function addressKey(ip: string) {
  if (!ip.includes(':')) return ip;
  const mapped = IPV4_MAPPED.exec(ip);
  if (mapped) return mapped[1];
  const [head, tail] = ip.toLowerCase().split('%')[0].split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  // "::" stands for the zero groups that make eight; an IPv4 tail (64:ff9b::192.0.2.1) fills two.
  const zeros = 8 - front.length - back.length - (back.at(-1)?.includes('.') ? 1 : 0);
  const all = tail === undefined ? front : [...front, ...Array(Math.max(0, zeros)).fill('0'), ...back];
  return `${all.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
