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
}

/** What happened to a submission on its first attempt. */
export type Delivery =
  | { status: 'sent' }
  | { status: 'queued'; reason: string }
  | { status: 'rejected'; httpStatus: number; message: string };

type SendResult = Exclude<Delivery, { status: 'queued' }> | { status: 'queued'; reason: string; retryAfterMs?: number | undefined };

const DAY = 24 * 60 * 60 * 1000;
/** Browsers refuse keepalive bodies over 64 KiB in flight; leave room for other requests. */
export const KEEPALIVE_LIMIT = 60000;

/**
 * Holds every submission on the device until its collector acknowledges it. Stored only when
 * the person submits; deleted on a 2xx; retried after network errors, 408, 429 and 5xx with
 * backoff (honouring Retry-After) and on the next page load; dropped on any other 4xx.
 * The submission id makes every retry idempotent at the collector.
 */
export class Outbox {
  private readonly store: OutboxStore;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxAgeMs: number;
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(options: OutboxOptions = {}) {
    this.store = options.store ?? new DeviceStore();
    this.timeoutMs = options.timeoutMs ?? 10000;
    this.baseDelayMs = options.baseDelayMs ?? 2000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60 * 1000;
    this.maxAgeMs = options.maxAgeMs ?? 7 * DAY;
  }

  /** Stores the submission, then makes the first attempt to send it. Never rejects. */
  async submit(submission: Submission, url: string): Promise<Delivery> {
    const now = Date.now();
    const item: OutboxItem = { submission, url, createdAt: now, attempts: 0, nextAttemptAt: now };
    try {
      await this.store.put(item);
      return await this.attempt(item);
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
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async flushDue(): Promise<void> {
    const now = Date.now();
    for (const item of await this.pending()) {
      if (now - item.createdAt > this.maxAgeMs) {
        console.warn(`[tandem] Gave up sending answer ${item.submission.id}: it could not be delivered in ${Math.round(this.maxAgeMs / DAY)} days.`);
        await this.store.delete(item.submission.id);
      } else if (item.nextAttemptAt <= now) {
        await this.attempt(item);
      }
    }
    await this.schedule();
  }

  private async attempt(item: OutboxItem): Promise<Delivery> {
    const { id } = item.submission;
    if (this.inFlight.has(id)) return { status: 'queued', reason: 'already sending' };
    this.inFlight.add(id);
    try {
      const delivery: SendResult = await this.send(item);
      if (delivery.status === 'queued') {
        item.attempts += 1;
        item.nextAttemptAt = Date.now() + (delivery.retryAfterMs ?? this.backoff(item.attempts));
        await this.store.put(item);
        void this.schedule();
        return { status: 'queued', reason: delivery.reason };
      }
      await this.store.delete(id);
      return delivery;
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async send(item: OutboxItem): Promise<SendResult> {
    const body = JSON.stringify(item.submission);
    let response: Response;
    try {
      response = await fetch(item.url, {
        method: 'POST',
        // text/plain keeps this a simple request: no CORS preflight on slow connections.
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body,
        keepalive: new TextEncoder().encode(body).length <= KEEPALIVE_LIMIT,
        credentials: 'omit',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { status: 'queued', reason: error instanceof Error ? error.name : 'network error' };
    }
    const { status } = response;
    if (status >= 200 && status < 300) return { status: 'sent' };
    if (status === 408 || status === 429 || status >= 500) {
      return { status: 'queued', reason: `HTTP ${status}`, retryAfterMs: retryAfter(response.headers.get('Retry-After')) };
    }
    const message = await response.text().catch(() => '');
    console.error(`[tandem] The collector refused answer ${item.submission.id} (HTTP ${status}); it will not be retried.`, message);
    return { status: 'rejected', httpStatus: status, message };
  }

  private backoff(attempts: number): number {
    const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }

  private async schedule(): Promise<void> {
    const items = await this.store.all().catch(() => []);
    clearTimeout(this.timer);
    this.timer = undefined;
    if (items.length === 0) return;
    const next = Math.min(...items.map((item) => item.nextAttemptAt));
    this.timer = setTimeout(() => void this.flush(), Math.max(0, next - Date.now()));
  }
}

/** Reads Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

let shared: Outbox | undefined;

/**
 * The page's outbox. Created when the first widget needs it; it then sends what earlier page
 * loads left behind, and again whenever the device comes back online.
 */
export function pageOutbox(): Outbox {
  if (!shared) {
    const outbox = new Outbox();
    shared = outbox;
    window.addEventListener('online', () => void outbox.flush());
    void outbox.flush();
  }
  return shared;
}
