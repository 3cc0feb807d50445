// The one Clock is in ../clock.ts; controllers wait on it by default.
import { realClock, type Clock } from '../clock.js';

export type { Clock };
export const systemClock: Clock = realClock;

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
