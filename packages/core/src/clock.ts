/**
 * The time a widget reads and the timers it sets (how long a form took to fill, when to
 * announce a count, when the outbox retries), in one place so that tests can give it a clock
 * they move by hand.
 */
export interface Clock {
  /** Milliseconds, as `performance.now()`: for how long something took. */
  now(): number;
  /** Milliseconds since 1970, as `Date.now()`: for times kept across page loads (the outbox's). */
  dateNow(): number;
  setTimeout(task: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  // Date.now ignores `this`, so it needs no wrapper (performance.now does).
  dateNow: Date.now,
  setTimeout: (task, ms) => setTimeout(task, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Whole milliseconds since a time on the clock, never negative. */
export function elapsedSince(clock: Clock, since: number): number {
  return Math.max(0, Math.round(clock.now() - since));
}
