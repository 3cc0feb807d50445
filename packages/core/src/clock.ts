/**
 * The time a widget reads and the timers it sets (how long a form took to fill, when to
 * announce a count), in one place so that tests can give it a clock they move by hand.
 */
export interface Clock {
  /** Milliseconds, as `performance.now()`. */
  now(): number;
  setTimeout(task: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (task, ms) => setTimeout(task, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Whole milliseconds since a time on the clock, never negative. */
export function elapsedSince(clock: Clock, since: number): number {
  return Math.max(0, Math.round(clock.now() - since));
}
