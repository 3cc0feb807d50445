// The event loop's side of the writer thread (sqlite-writer-thread.ts): each request gets an
// id, and its reply is matched to it by that id, never by order. The thread starts with the
// first request, so a command that only reads never starts one, and starts again after a crash
// (the requests it held are refused, and their answers get a 503 that the widgets' outboxes
// retry). A request that cannot be sent (say, a value that cannot be copied to the thread)
// fails alone.
import { Worker } from 'node:worker_threads';
import type { HitsEntry } from './sqlite-counters.js';
import type { StaffWriteName } from './sqlite-staff-writes.js';
import type { WriterAsk, WriterClose, WriterOptions, WriterReply } from './sqlite-writer-messages.js';
import type { RateLimitHit, SaveOutcome, SubmissionRecord } from './store.js';

type Pending = { resolve: (result: unknown) => void, reject: (error: Error) => void };

// The thread's module beside this one: .ts when run from source (tsx), .js when compiled.
const THREAD = new URL(`./sqlite-writer-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** @param testing  Another thread's module, for tests only. */
export function writerClient(options: WriterOptions, { threadFile = THREAD }: { threadFile?: URL } = {}) {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let lastId = 0;

  const lost = (thread: Worker, error: Error) => {
    if (worker !== thread) return;
    worker = null;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  const answer = (reply: WriterReply) => {
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if ('result' in reply) request.resolve(reply.result);
    else request.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code }));
  };

  const start = () => {
    const thread = new Worker(threadFile, { workerData: options });
    thread.on('message', (reply: WriterReply) => {
      answer(reply);
      // Nothing waiting, nothing to keep the process alive for (a command that is done can exit).
      if (!pending.size) thread.unref();
    });
    thread.on('error', (error) => lost(thread, error as Error));
    thread.on('exit', (code) => lost(thread, new Error(`The writer thread stopped (exit code ${code})`)));
    return thread;
  };

  const send = <T>(ask: WriterAsk) =>
    new Promise<T>((resolve, reject) => {
      const id = ++lastId;
      const thread = (worker ??= start());
      thread.ref();
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      try {
        thread.postMessage({ ...ask, id });
      } catch (error) {
        pending.delete(id);
        if (!pending.size) thread.unref();
        reject(error);
      }
    });

  return {
    /** Commits the records in one transaction; resolves with one outcome each. */
    commit: (records: SubmissionRecord[]) => send<SaveOutcome[]>({ kind: 'commit', records }),
    /** Adds each key's hits to its rate-limit window; resolves with each key's total. */
    addHits: (hits: HitsEntry[], now: number) => send<RateLimitHit[]>({ kind: 'hits', hits, now }),
    /** One of staff's writes (sqlite-staff-writes.ts), by name; resolves with what it returns. */
    call: (write: StaffWriteName, args: unknown[]) => send<unknown>({ kind: 'staff', write, args }),
    /** Lets the requests sent finish, then closes the thread's connections and waits for it to end. */
    async close() {
      const thread = worker;
      if (!thread) return;
      thread.ref();
      const ended = new Promise((resolve) => thread.once('exit', resolve));
      thread.postMessage({ kind: 'close' } satisfies WriterClose);
      await ended;
    },
  };
}
