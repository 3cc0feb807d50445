import type { Clock } from './clock.js';
import { DeviceStore, type OutboxItem, type OutboxStore } from './outbox-store.js';
import type { Submission } from './schema.js';

export interface OutboxOptions {
  store?: OutboxStore;
  /** How long one attempt may take before it counts as a network failure. */
  timeoutMs?: number;
  /** The first retry's delay; each later retry doubles it, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Items older than this are given up. */
  maxAgeMs?: number;
  /**
   * Time and timers: `realClock`, or a test's. Passed in rather than imported, so that this
   * lazy chunk imports nothing from the first paint's.
   */
  clock: Clock;
}

/** What happened to a submission on its first attempt. */
export type Delivery =
  | { status: 'sent' }
  | { status: 'queued'; reason: string }
  | { status: 'rejected'; httpStatus: number; message: string };

type SendResult = Exclude<Delivery, { status: 'queued' }> | { status: 'queued'; reason: string; retryAfterMs?: number | undefined };

const DAY = 24 * 60 * 60 * 1000;
/** Browsers refuse keepalive bodies over 64 KiB in flight together; leave room for others. */
export const KEEPALIVE_LIMIT = 60000;

const HEADERS = {
  // text/plain keeps this a simple request: no CORS preflight on slow connections.
  'Content-Type': 'text/plain;charset=UTF-8',
};

/**
 * Sends under way on this page. Each goes as a plain fetch, which a timeout can abort: Chromium
 * does not cancel a keepalive request on abort, so a timed-out one would go on holding one of
 * the six connections to the collector's host, and after six nothing more gets through. A plain
 * fetch dies with the page, though, so when the page is hidden or goes away these are sent again
 * with keepalive, which outlives it; the id makes the copy harmless at the collector.
 */
const underway = new Map<string, { url: string; body: string; bytes: number }>();

function handOver(): void {
  // The 64 KiB budget is shared by every keepalive request in flight: spend it once.
  let budget = KEEPALIVE_LIMIT;
  for (const [id, send] of underway) {
    if (send.bytes > budget) continue;
    budget -= send.bytes;
    underway.delete(id);
    fetch(send.url, { method: 'POST', headers: HEADERS, body: send.body, keepalive: true, credentials: 'omit' }).then(
      // Read or cancelled, or Chromium counts it against the budget for the page's life.
      (response) => response.body?.cancel(),
      () => {},
    ).catch(() => {});
  }
  listen();
}

function handOverIfHidden(): void {
  if (document.visibilityState === 'hidden') handOver();
}

/** Listens for the page going away only while something is being sent. */
function listen(): void {
  if (typeof document === 'undefined') return;
  const method = underway.size > 0 ? 'addEventListener' : 'removeEventListener';
  window[method]('pagehide', handOver);
  document[method]('visibilitychange', handOverIfHidden);
}

/** Per-lock queues, for browsers without Web Locks: then only this copy of Tandem is covered. */
const queues = new Map<string, Promise<void>>();

/** Runs `task` holding a lock named for the submission, across tabs and copies of Tandem. */
async function exclusively<T>(id: string, task: () => Promise<T>): Promise<T> {
  const name = `tandem:outbox:${id}`;
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) {
    let started = false;
    try {
      return await locks.request(name, () => {
        started = true;
        return task();
      });
    } catch (error) {
      // Locks refused (an opaque origin, say): fall through to this page's own queue.
      if (started) throw error;
    }
  }
  const previous = queues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => {},
    () => {},
  );
  queues.set(name, tail);
  void tail.then(() => {
    if (queues.get(name) === tail) queues.delete(name);
  });
  return run;
}

/** The longest delay setTimeout keeps; anything longer fires at once. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Holds every submission on the device until its collector acknowledges it. Stored only when
 * the person submits; deleted on a 2xx; retried after network errors, 408, 429 and 5xx with
 * backoff (honouring Retry-After) and on the next page load; dropped on any other 4xx.
 * The submission id makes every retry idempotent at the collector; a lock per id, and reading
 * the item afresh under it, keeps two outboxes (two tabs, two copies of Tandem) from sending
 * the same item at once, or sending again what the other has just delivered.
 */
export class Outbox {
  private readonly store: OutboxStore;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxAgeMs: number;
  private readonly clock: Clock;
  /** Ids this outbox is sending or waiting to send; they reschedule themselves when done. */
  private readonly busy = new Map<string, number>();
  private timer: unknown;
  private flushing: Promise<void> | undefined;
  private scheduling = 0;

  constructor(options: OutboxOptions) {
    this.store = options.store ?? new DeviceStore();
    this.timeoutMs = options.timeoutMs ?? 10000;
    this.baseDelayMs = options.baseDelayMs ?? 2000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60 * 1000;
    this.maxAgeMs = options.maxAgeMs ?? 7 * DAY;
    this.clock = options.clock;
  }

  /** Stores the submission, then makes the first attempt to send it. Never rejects. */
  async submit(submission: Submission, url: string): Promise<Delivery> {
    const now = this.clock.dateNow();
    const item: OutboxItem = { submission, url, createdAt: now, attempts: 0, nextAttemptAt: now };
    try {
      // DeviceStore never rejects: it falls back to memory.
      await this.store.put(item);
      return await this.attempt(submission.id);
    } catch (error) {
      return { status: 'queued', reason: String(error) };
    }
  }

  /** Sends every item that is due; runs once at a time. Never rejects. */
  flush(): Promise<void> {
    this.flushing ??= this.flushDue()
      .catch((error) => console.warn('[tandem] Could not send stored answers yet:', error))
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  /** Items still waiting, oldest first. */
  async pending(): Promise<OutboxItem[]> {
    return (await this.store.all()).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Stops the retry timer (for pages that tear Tandem down). */
  stop(): void {
    // A timer id once cleared or fired is harmless to clear again.
    this.clock.clearTimeout(this.timer);
  }

  private async flushDue(): Promise<void> {
    for (const item of await this.pending()) {
      // The list is a snapshot: attempt() reads each item again before it acts.
      if (item.nextAttemptAt <= this.clock.dateNow() || this.expired(item)) await this.attempt(item.submission.id);
    }
    await this.schedule();
  }

  private expired(item: OutboxItem): boolean {
    return this.clock.dateNow() - item.createdAt > this.maxAgeMs;
  }

  private async read(id: string): Promise<OutboxItem | undefined> {
    return (await this.store.all()).find((item) => item.submission.id === id);
  }

  /** Sends one stored item if it is still stored and due, holding its lock. */
  private async attempt(id: string): Promise<Delivery> {
    this.busy.set(id, (this.busy.get(id) ?? 0) + 1);
    let settled = false;
    try {
      return await exclusively(id, async (): Promise<Delivery> => {
        const item = await this.read(id);
        // Gone: another attempt delivered or dropped it while this one waited.
        if (!item) return { status: 'queued', reason: 'handled by another attempt' };
        if (this.expired(item)) {
          console.warn(`[tandem] Gave up sending answer ${id}: it could not be delivered in ${Math.round(this.maxAgeMs / DAY)} days.`);
          await this.store.delete(id);
          return { status: 'queued', reason: 'given up' };
        }
        // Not due: another attempt failed while this one waited, and set when to try again.
        if (item.nextAttemptAt > this.clock.dateNow()) return { status: 'queued', reason: 'waiting to retry' };

        const delivery = await this.send(item);
        if (delivery.status === 'queued') {
          const attempts = item.attempts + 1;
          // Retry-After is a floor, never a reason to skip the backoff: "0" must not spin.
          const delay = Math.max(delivery.retryAfterMs ?? 0, this.backoff(attempts));
          await this.store.put({ ...item, attempts, nextAttemptAt: this.clock.dateNow() + delay });
          return { status: 'queued', reason: delivery.reason };
        }
        await this.store.delete(id);
        settled = true;
        return delivery;
      });
    } finally {
      const count = (this.busy.get(id) ?? 1) - 1;
      if (count > 0) this.busy.set(id, count);
      else this.busy.delete(id);
      // Whatever is left must have a timer: schedule() skipped this item while it was busy.
      if (!settled) void this.schedule();
    }
  }

  private async send(item: OutboxItem): Promise<SendResult> {
    const { id } = item.submission;
    const body = JSON.stringify(item.submission);
    const bytes = new TextEncoder().encode(body).length;
    // A controller and a timer, not AbortSignal.timeout(): that is missing before Safari 16.
    const controller = new AbortController();
    const timer = this.clock.setTimeout(() => controller.abort(new DOMException(`No answer in ${this.timeoutMs} ms`, 'TimeoutError')), this.timeoutMs);
    underway.set(id, { url: item.url, body, bytes });
    listen();
    try {
      let response: Response;
      try {
        response = await fetch(item.url, { method: 'POST', headers: HEADERS, body, credentials: 'omit', signal: controller.signal });
      } catch (error) {
        return { status: 'queued', reason: (error as Error | undefined)?.name ?? 'network error' };
      }
      const { status } = response;
      const ok = status >= 200 && status < 300;
      if (ok || status === 408 || status === 429 || status >= 500) {
        // Release the connection now rather than when the response is collected.
        await response.body?.cancel().catch(() => {});
        if (ok) return { status: 'sent' };
        return { status: 'queued', reason: `HTTP ${status}`, retryAfterMs: retryAfter(response.headers.get('Retry-After')) };
      }
      const message = await response.text().catch(() => '');
      console.error(`[tandem] The collector refused answer ${id} (HTTP ${status}); it will not be retried.`, message);
      return { status: 'rejected', httpStatus: status, message };
    } finally {
      this.clock.clearTimeout(timer);
      underway.delete(id);
      listen();
    }
  }

  private backoff(attempts: number): number {
    const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }

  /** Sets the timer for the next item due, leaving out those being sent (they call again). */
  private async schedule(): Promise<void> {
    const call = ++this.scheduling;
    const items = await this.store.all().catch(() => [] as OutboxItem[]);
    // A later call read the store afresh; this one's view is stale.
    if (call !== this.scheduling) return;
    this.stop();
    const waiting = items.filter((item) => !this.busy.has(item.submission.id));
    if (waiting.length === 0) return;
    // Whichever comes first: the next retry, or the next item to give up.
    const next = Math.min(...waiting.map((item) => Math.min(item.nextAttemptAt, item.createdAt + this.maxAgeMs + 1)));
    // A timer already due (a negative delay) fires at once.
    this.timer = this.clock.setTimeout(() => void this.flush(), Math.min(MAX_TIMER, next - this.clock.dateNow()));
  }
}

/** Reads Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(header: string | null): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day ("Wed, 21 Oct 2015 07:28:00 GMT"); a bare "-5" is not one,
  // though Date.parse would read it as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

let shared: Outbox | undefined;

/**
 * The page's outbox. Created when the first widget needs it; it then sends what earlier page
 * loads left behind, and again whenever the device comes back online. Widgets pass
 * `realClock`, never their own clock: a test's clock on one widget must not become the page's.
 */
export function pageOutbox(clock: Clock): Outbox {
  if (!shared) {
    const outbox = new Outbox({ clock });
    shared = outbox;
    window.addEventListener('online', () => void outbox.flush());
    void outbox.flush();
  }
  return shared;
}
