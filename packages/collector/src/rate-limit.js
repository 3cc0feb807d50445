// Rate limits through @fastify/rate-limit, with its counters kept in the store (not in this
// process's memory), so every collector process behind a load balancer shares them.
import fastifyRateLimit from '@fastify/rate-limit';

export const WINDOW_MS = 60 * 1000;

/**
 * The plugin's store contract (incr/child), answered by our Store.
 * @param {import('./store/store.js').Store} store
 */
export function sharedCounters(store) {
  return class SharedCounters {
    /**
     * @param {string} key
     * @param {(error: Error | null, result?: { current: number, ttl: number }) => void} callback
     * @param {number} timeWindow
     */
    incr(key, callback, timeWindow) {
      store.hitRateLimit(key, timeWindow).then(
        ({ hits, resetAt }) => callback(null, { current: hits, ttl: Math.max(0, resetAt - Date.now()) }),
        (error) => callback(error),
      );
    }

    child() {
      return new SharedCounters();
    }
  };
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./store/store.js').Store} store
 */
export async function useRateLimits(app, store) {
  await app.register(fastifyRateLimit, {
    global: false,
    store: sharedCounters(store),
    // If the counters cannot be reached, take the answer anyway: losing answers is worse.
    skipOnError: true,
    // Retry-After is all the outbox needs; the x-ratelimit-* headers only cost bytes and time.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
    errorResponseBuilder: (_req, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
  });
}

export { normalizeIP } from '@fastify/rate-limit';
