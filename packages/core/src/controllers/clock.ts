/**
 * The time a controller waits by: the browser's timers by default, or one a test moves by
 * hand, so settle, announce and debounce delays are tested without sleeping.
 */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  /** Milliseconds, for durations only (like `performance.now()`). */
  now(): number;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/** One pending call that each `restart` puts off again (a debounce), on a clock. */
export class Delay {
  #timer: unknown;

  constructor(private readonly clock: () => Clock) {}

  restart(ms: number, callback: () => void): void {
    this.cancel();
    const clock = this.clock();
    this.#timer = clock.setTimeout(() => {
      this.#timer = undefined;
      callback();
    }, ms);
  }

  cancel(): void {
    if (this.#timer !== undefined) this.clock().clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  get pending(): boolean {
    return this.#timer !== undefined;
  }
}
