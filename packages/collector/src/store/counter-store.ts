// The counters part of the store: rate-limit hits in fixed windows, shared by every collector
// process on the store (batched by rate-limit.ts).
export type HitsEntry = { key: string, hits: number, windowMs: number };

export type RateLimitHit = {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the window ends (ms since the epoch). */
  resetAt: number;
};

export type CounterStore = {
  /** Adds each key's hits to its fixed window (a new window, from `now`, when the last has ended), in one write, and resolves each key's total, in the order given. */
  addHits: (entries: HitsEntry[], now: number) => Promise<RateLimitHit[]>;
};
