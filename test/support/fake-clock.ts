import type { Clock } from '@tandem/core';

/** Browsers fire a timer longer than this at once; the fake does too, so that bug shows. */
const MAX_TIMER = 2 ** 31 - 1;

interface Timer {
  at: number;
  task: () => void;
}

/**
 * The one clock for tests: time stands still until the test moves it, and a timer fires only
 * then, so a test says exactly when a delay (a debounce, an announcement, a retry) is due and
 * sees that nothing went before it. `now()` and `dateNow()` read the same time line, from
 * `start` (give `Date.now()` where times are stored across page loads, as the outbox's are).
 */
export class FakeClock implements Clock {
  private time: number;
  private lastHandle = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  dateNow(): number {
    return this.time;
  }

  setTimeout(task: () => void, ms: number): number {
    // As in browsers: a negative, NaN or too long delay fires on the next turn.
    const delay = ms > 0 && ms <= MAX_TIMER ? ms : 0;
    this.timers.set(++this.lastHandle, { at: this.time + delay, task });
    return this.lastHandle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** The delays, from now, of the timers set and not yet fired, soonest first. */
  pending(): number[] {
    return [...this.timers.values()].map((timer) => timer.at - this.time).sort((a, b) => a - b);
  }

  /** Moves time on to the soonest timer and fires that one alone; returns the wait, in ms. */
  next(): number | undefined {
    const soonest = this.soonestDueBy(Infinity);
    if (!soonest) return undefined;
    const wait = soonest[1].at - this.time;
    this.fire(soonest);
    return wait;
  }

  /** Moves time on by `ms`, firing each timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let due = this.soonestDueBy(end); due; due = this.soonestDueBy(end)) this.fire(due);
    this.time = end;
  }

  /** The earliest timer due by `end`; of two due together, the one set first. */
  private soonestDueBy(end: number): [number, Timer] | undefined {
    let soonest: [number, Timer] | undefined;
    for (const entry of this.timers) if (entry[1].at <= end && (!soonest || entry[1].at < soonest[1].at)) soonest = entry;
    return soonest;
  }

  private fire([handle, timer]: [number, Timer]): void {
    this.timers.delete(handle);
    this.time = Math.max(this.time, timer.at);
    timer.task();
  }
}
