import type { Clock } from '@tandem/core';

/** A clock that moves only when a test says so: `clock.tick(1000)` runs what was due. */
export class FakeClock implements Clock {
  private time = 0;
  private next = 1;
  private readonly timers = new Map<number, { at: number; task: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(task: () => void, ms: number): number {
    const handle = this.next++;
    this.timers.set(handle, { at: this.time + ms, task });
    return handle;
  }

  clearTimeout(handle: number | undefined): void {
    if (handle !== undefined) this.timers.delete(handle);
  }

  /** Moves the time on, running each timer that falls due, in order. */
  tick(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].task();
    }
    this.time = end;
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.timers.size;
  }
}
