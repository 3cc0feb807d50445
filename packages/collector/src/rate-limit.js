// Rate limits through @fastify/rate-limit. Each process counts hits in memory and adds them to
// the store in one write every FLUSH_MS, reading back the totals of every process on the store:
// a limit is shared by all collector processes, at most FLUSH_MS late for the others' hits.
// (A write per hit, two per answer, cost more than storing the answer itself: bench/ingest.)
import fastifyRateLimit from '@fastify/rate-limit';

export const WINDOW_MS = 60 * 1000;
/** How often this process's hits reach the store, and the others' reach this process. */
export const FLUSH_MS = 100;

/**
 * @typedef {object} Counter
 * @property {number} windowStart  When the current window began (ms since the epoch).
 * @property {number} windowMs
 * @property {number} shared   Hits in this window as the store last told (every process's).
 * @property {number} pending  This process's hits not yet added to the store.
 */

/**
 * Counts hits per key in fixed windows, batching the store's writes.
 * @param {import('./store/store.js').Store} store
 * @param {{ flushMs?: number, onError?: (error: Error) => void }} [options]
 */
export function batchedCounters(store, { flushMs = FLUSH_MS, onError = () => {} } = {}) {
  /** @type {Map<string, Counter>} */
  const counters = new Map();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<void>} */
  let flushing = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const now = Date.now();
    /** @type {{ key: string, hits: number, windowMs: number }[]} */
    const batch = [];
    for (const [key, counter] of counters) {
      if (counter.pending) {
        batch.push({ key, hits: counter.pending, windowMs: counter.windowMs });
        counter.pending = 0;
      } else if (counter.windowStart + counter.windowMs <= now) {
        counters.delete(key); // keeps memory to the keys seen in the last window
      }
    }
    if (!batch.length) return flushing;
    flushing = store.addRateLimitHits(batch, now).then(
      (totals) =>
        totals.forEach((total, i) => {
          const counter = counters.get(batch[i].key);
          if (!counter) return;
          counter.shared = total.hits;
          counter.windowStart = total.resetAt - counter.windowMs;
        }),
      // The hits stay counted here; only other processes miss them. Answers are never refused for this.
      (error) => onError(error),
    );
    return flushing;
  };

  return {
    /**
     * Counts one hit; resolves the hits in the window so far (every process's) and when it ends.
     * @param {string} key  @param {number} windowMs  @param {number} [now]
     */
    hit(key, windowMs, now = Date.now()) {
      let counter = counters.get(key);
      if (!counter || counter.windowStart + counter.windowMs <= now) {
        counter = { windowStart: now, windowMs, shared: 0, pending: 0 };
        counters.set(key, counter);
      }
      counter.pending += 1;
      timer ??= setTimeout(flush, flushMs).unref();
      return { hits: counter.shared + counter.pending, resetAt: counter.windowStart + counter.windowMs };
    },
    /** Adds every pending hit to the store now (at close, and in tests). */
    flush() {
      clearTimeout(timer);
      return flush();
    },
  };
}

/**
 * The plugin's store contract (incr/child), answered from our counters.
 * @param {ReturnType<typeof batchedCounters>} counters
 */
function pluginStore(counters) {
  return class BatchedStore {
    /**
     * @param {string} key
     * @param {(error: Error | null, result?: { current: number, ttl: number }) => void} callback
     * @param {number} timeWindow
     */
    incr(key, callback, timeWindow) {
      const { hits, resetAt } = counters.hit(key, timeWindow);
      callback(null, { current: hits, ttl: Math.max(0, resetAt - Date.now()) });
    }

    child() {
      return new BatchedStore();
    }
  };
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./store/store.js').Store} store
 * @param {{ flushMs?: number }} [options]
 */
export async function useRateLimits(app, store, options = {}) {
  const counters = batchedCounters(store, {
    ...options,
    onError: (error) => app.log.warn({ err: { message: error.message } }, 'rate-limit counters could not be shared'),
  });
  app.addHook('onClose', async () => {
    await counters.flush();
  });
  await app.register(fastifyRateLimit, {
    global: false,
    store: pluginStore(counters),
    // If the counters fail, take the answer anyway: losing answers is worse.
    skipOnError: true,
    // Retry-After is all the outbox needs; the x-ratelimit-* headers only cost bytes and time.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
    errorResponseBuilder: (_req, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
  });
  return counters;
}

export { normalizeIP } from '@fastify/rate-limit';
