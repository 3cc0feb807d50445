import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Delay, type Clock } from './clock.js';

/** What the host would send now, and the key that tells one entry from another. */
export interface LogEntry<T> {
  key: string;
  value: T;
}

export interface SettleLogOptions<T> {
  /** How long changes must pause before the entry counts as settled. */
  delayMs: number;
  /** The entry as it stands, or undefined when there is nothing worth sending. */
  read: () => LogEntry<T> | undefined;
  /**
   * Sends a settled entry; `fillMs` is how long it took, from its first change. Resolving to
   * `false` means it was not taken (its code could not load): it stays unsent, for the next settle.
   */
  send: (value: T, fillMs: number) => Promise<unknown>;
  clock: () => Clock;
}

/**
 * A log of what someone settles on, such as a search: `changed()` on every edit, and the
 * entry is sent once the edits pause, or at once with `settle()` (Enter, leaving the box,
 * choosing a result). Each entry is sent at most once, however often it settles.
 */
export class SettleLog<T> implements ReactiveController {
  readonly #delay: Delay;
  #lastKey = '';
  #since: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SettleLogOptions<T>,
  ) {
    this.#delay = new Delay(options.clock);
    host.addController(this);
  }

  /** An edit: the fill time starts with the first, and the pause starts again. */
  changed(): void {
    this.#since ??= this.options.clock().now();
    this.#delay.restart(this.options.delayMs, () => void this.settle().catch(() => undefined));
  }

  /** Sends the entry now unless it was already sent; resolves when it is handed over. */
  settle(): Promise<unknown> {
    this.#delay.cancel();
    const entry = this.options.read();
    if (!entry || entry.key === this.#lastKey) return Promise.resolve();
    this.#lastKey = entry.key;
    const now = this.options.clock().now();
    const since = this.#since ?? now;
    this.#since = undefined;
    return this.options.send(entry.value, Math.max(0, Math.round(now - since))).then((taken) => {
      if (taken === false && this.#lastKey === entry.key) {
        this.#lastKey = '';
        this.#since ??= since;
      }
      return taken;
    });
  }

  /** Forgets a pending pause without sending (for example when the source changes). */
  cancel(): void {
    this.#delay.cancel();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#delay.cancel();
  }
}
