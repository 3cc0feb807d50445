// A clock for tests: time stands still until the test moves it on, and a timer fires only then,
// so a test says exactly when a retry is due and sees that nothing went before it.
import type { Clock } from '../src/outbox-clock.js';

/** Browsers fire a timer longer than this at once; the fake does too, so that bug shows. */
const MAX_TIMER = 2 ** 31 - 1;

interface Timer {
  at: number;
  callback: () => void;
}

export class TestClock implements Clock {
  private time: number;
  private readonly timers = new Map<number, Timer>();
  private ids = 0;

  constructor(start = Date.now()) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** What the outbox reads the time from, as it reads the page's from `Date`. */
  readonly Date = { now: () => this.time };

  setTimeout(callback: () => void, ms: number): number {
    const delay = ms > 0 && ms <= MAX_TIMER ? ms : 0;
    this.timers.set(++this.ids, { at: this.time + delay, callback });
    return this.ids;
  }

  clearTimeout(handle: never): void {
    this.timers.delete(handle);
  }

  /** The delays, from now, of the timers set and not yet fired, soonest first. */
  pending(): number[] {
    return [...this.timers.values()].map((timer) => timer.at - this.time).sort((a, b) => a - b);
  }

  /** Moves time on to the soonest timer and fires that one alone; returns the wait, in ms. */
  next(): number | undefined {
    const soonest = [...this.timers.entries()].sort(([, a], [, b]) => a.at - b.at)[0];
    if (!soonest) return undefined;
    const [id, timer] = soonest;
    const wait = timer.at - this.time;
    this.timers.delete(id);
    this.time = timer.at;
    timer.callback();
    return wait;
  }

  /** Moves time on by `ms`, firing each timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.timers.delete(id);
      this.time = Math.max(this.time, timer.at);
      timer.callback();
    }
    this.time = end;
  }
}
