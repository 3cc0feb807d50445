/**
 * The time and timers the outbox keeps: the page's own (`globalThis` is one), or a clock a test
 * moves on by hand.
 */
export interface Clock {
  Date: { now(): number };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: never): void;
}
