// Helpers for the outbox tests: the scripted collector (test/support/test-collector.mjs, served
// by the test runner), real IndexedDB read directly (not through the code under test), host
// pages in iframes, and a watch for errors that reach a window.
import type { Outbox } from '../src/outbox.js';
import type { Submission } from '../src/schema.js';
import type { FakeClock } from '../../../test/support/fake-clock.js';

export interface LogEntry {
  at: number;
  id?: string;
  step: unknown;
  contentType: string;
  bytes: number;
  /** For a "hang": how long the client kept the request open before letting go. */
  heldMs?: number;
}

export interface Received {
  stored: Record<string, Submission>;
  accepted: Record<string, number>;
  /** Requests to the endpoint, each one attempt by the code under test. */
  attempts: number;
  log: LogEntry[];
}

export interface Collector {
  url: string;
  received(): Promise<Received>;
}

export type Step = 'ok' | 'drop' | 'hang' | { status?: number; retryAfter?: string; delay?: number };

/**
 * A fresh scenario at the collector stand-in, answering by `script` and then normally. Its
 * endpoint is on this page's origin, or on `origin` (the same server by another name).
 */
export async function collector(script: Step[] = [], origin = location.origin): Promise<Collector> {
  const path = `/collector/outbox-${crypto.randomUUID().slice(0, 8)}/`;
  const base = new URL(path, location.href);
  const response = await fetch(new URL('script', base), { method: 'PUT', body: JSON.stringify(script) });
  if (response.status !== 204) throw new Error(`Could not script the collector: HTTP ${response.status}`);
  return {
    url: new URL(`${path}v1/submissions`, origin).href,
    received: async () => (await fetch(new URL('received', base), { cache: 'no-store' })).json() as Promise<Received>,
  };
}

export function makeSubmission(answers: Submission['answers'] = { useful: true }): Submission {
  return {
    id: crypto.randomUUID(),
    site: 'test-council',
    widget: 'feedback',
    instance: 'help-at-home',
    page: { url: 'https://council.example/adult-social-care/help-at-home', title: 'Help at home' },
    lang: 'en',
    answers,
    signals: { honeypot: false, fillMs: 4200 },
    clientTime: new Date().toISOString(),
    sdkVersion: '0.1.0',
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns something truthy; fails with `what` after `timeout` ms. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeout = 8000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits until the collector has accepted every id at least once. */
export function waitForAccepted(at: Collector, ids: string[], timeout?: number): Promise<Received> {
  return waitFor(async () => {
    const received = await at.received();
    return ids.every((id) => received.accepted[id]) ? received : undefined;
  }, `the collector to accept ${ids.length} submission(s)`, timeout);
}

/**
 * Whether an outbox has done all it can until its clock moves on: it has handled every answer
 * the collector gave it (each failure counted in its item's attempts, each success deleted),
 * and its retry timer is set for the next item due. A request the collector holds ("hang")
 * or dropped may wait for its timeout, on the clock too.
 */
export async function quiet(outbox: Outbox, at: Collector, clock: FakeClock, maxAgeMs = 7 * 24 * 60 * 60 * 1000): Promise<boolean> {
  const [items, { log }] = await Promise.all([outbox.pending(), at.received()]);
  const waiting = [];
  let opened = false;
  for (const item of items) {
    const requests = log.filter((entry) => entry.id === item.submission.id);
    const last = requests.at(-1);
    // A request the collector holds, or whose connection it dropped: the browser may still be
    // waiting for it (Chromium can wait on a dropped connection) until the timeout.
    const open = (last?.step === 'hang' && last.heldMs === undefined) || last?.step === 'drop';
    if (open && item.attempts === requests.length - 1) {
      opened = true;
      continue;
    }
    if (item.attempts !== requests.length) return false;
    waiting.push(item);
  }
  // A flush sends one item at a time: one waiting on the network holds back the rest, timer or not.
  if (opened) return true;
  if (waiting.length === 0) return true;
  const next = Math.min(...waiting.map((item) => Math.min(item.nextAttemptAt, item.createdAt + maxAgeMs + 1)));
  return clock.pending().includes(Math.max(0, next - clock.dateNow()));
}

/**
 * Moves `clock` on, one timer at a time and only when the outbox is quiet, until `done`.
 * Returns each wait, in ms of the clock: the retry delays (and timeouts) the outbox chose.
 */
export async function drive(outbox: Outbox, at: Collector, clock: FakeClock, done: () => Promise<boolean>, what: string, maxAgeMs?: number): Promise<number[]> {
  const waits: number[] = [];
  for (let turn = 0; turn < 500; turn += 1) {
    // Quiet first, then done: an answer delivered between the two reads is then seen as done.
    const state = await waitFor(async () => {
      const still = await quiet(outbox, at, clock, maxAgeMs);
      return (await done()) ? 'done' : still && 'quiet';
    }, what, 15000);
    if (state === 'done') return waits;
    // One timer at a time: two set at the same moment (two sends' timeouts) fire in turn.
    const wait = clock.next();
    if (wait === undefined) throw new Error(`Nothing left on the clock, and still waiting for ${what}`);
    waits.push(wait);
  }
  throw new Error(`Still waiting for ${what} after 500 turns of the clock`);
}

export const uniqueDatabase = () => `tandem:test:${crypto.randomUUID().slice(0, 8)}`;

export async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((database) => database.name === name);
}

/** The ids held in an outbox database, read with plain IndexedDB; [] when it does not exist. */
export async function storedIds(name: string): Promise<string[]> {
  if (!(await databaseExists(name))) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('submissions')) return [];
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = db.transaction('submissions').objectStore('submissions').getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return keys.map(String);
  } finally {
    db.close();
  }
}

/** Deletes a database; resolves 'blocked' (deletion then waits) if a connection will not close. */
export function deleteDatabase(name: string): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve('deleted');
    request.onblocked = () => resolve('blocked');
    request.onerror = () => reject(request.error);
  });
}

/** Records errors and unhandled rejections that reach `target` until stopped. */
export function watchForProblems(target: Window = window) {
  const problems: string[] = [];
  const onError = (event: ErrorEvent) => problems.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandledrejection: ${String(event.reason)}`);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop() {
      target.removeEventListener('error', onError);
      target.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Captures console[method] calls (still passing them through) until restored. */
export function captureConsole(method: 'error' | 'warn') {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => {
    calls.push(args);
    original.apply(console, args);
  };
  return {
    calls,
    text: () => calls.map((args) => args.map(String).join(' ')).join('\n'),
    restore: () => {
      console[method] = original;
    },
  };
}

/** What a host-page fixture puts on its window. */
export interface FrameWindow extends Window {
  ready: Promise<void>;
  problems: string[];
  outbox: import('../src/outbox.js').Outbox;
  /** With clock=test: the outbox's clock. */
  clock: FakeClock;
  Outbox: typeof import('../src/outbox.js').Outbox;
  DeviceStore: typeof import('../src/outbox-store.js').DeviceStore;
}

export interface FetchCall {
  url: string;
  keepalive: boolean;
  /** The body's size in UTF-8 bytes. */
  bytes: number;
  id?: string;
}

/** Records each fetch a window makes (and still makes it), to see which went with keepalive. */
export function recordFetches(win: Window): FetchCall[] {
  const calls: FetchCall[] = [];
  const real = win.fetch.bind(win);
  win.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    calls.push({ url: String(input), keepalive: init?.keepalive === true, bytes: new TextEncoder().encode(body).length, id: /"id":"([^"]+)"/.exec(body)?.[1] });
    return real(input, init);
  };
  return calls;
}

/** Loads test/fixtures/outbox-frame.html with `query` in an iframe and waits for its outbox. */
export async function openFrame(query: Record<string, string | number>): Promise<{ frame: HTMLIFrameElement; win: () => FrameWindow; reload(): Promise<void>; remove(): void }> {
  const frame = document.createElement('iframe');
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const loaded = () => new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  const win = () => frame.contentWindow as FrameWindow;
  const load = async (start: () => void) => {
    const done = loaded();
    start();
    await done;
    await win().ready;
  };
  await load(() => {
    frame.src = `/test/fixtures/outbox-frame.html?${params}`;
    document.body.append(frame);
  });
  return { frame, win, reload: () => load(() => win().location.reload()), remove: () => frame.remove() };
}

/**
 * Loads the host page from the other loopback name (127.0.0.1 for localhost), so it is another
 * origin with storage of its own, and pageOutbox()'s shared database is not the one other test
 * files' widgets use. It is driven by postMessage; `origin` is where it and its collector live.
 */
export async function openForeignFrame(query: Record<string, string | number>) {
  const host = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const origin = `${location.protocol}//${host}:${location.port}`;
  const src = `${origin}/test/fixtures/outbox-frame.html?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;
  const frame = document.createElement('iframe');
  let calls = 0;
  const ready = () =>
    new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || !event.data?.ready) return;
        removeEventListener('message', onMessage);
        resolve();
      };
      addEventListener('message', onMessage);
    });
  const call = <T>(name: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = ++calls;
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || event.data?.id !== id) return;
        removeEventListener('message', onMessage);
        if ('error' in event.data) reject(new Error(event.data.error));
        else resolve(event.data.result as T);
      };
      addEventListener('message', onMessage);
      frame.contentWindow!.postMessage({ call: name, args, id }, origin);
    });
  const load = async () => {
    const loaded = ready();
    frame.src = src;
    if (!frame.isConnected) document.body.append(frame);
    await loaded;
  };
  await load();
  return {
    origin,
    /** Loads the page again, as a reload does. */
    reload: load,
    remove: () => frame.remove(),
    submit: (submission: Submission, url: string) => call<import('../src/outbox.js').Delivery>('submit', submission, url),
    flush: () => call<void>('flush'),
    problems: () => call<string[]>('problems'),
    databaseExists: async (name: string) => (await call<string[]>('databases')).includes(name),
    storedIds: async (name: string) => ((await call<string[]>('databases')).includes(name) ? call<string[]>('storedIds', name) : []),
    deleteDatabase: (name: string) => call<string>('deleteDatabase', name),
  };
}
