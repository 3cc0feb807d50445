// The main thread's side of the writer thread (sqlite-writer.js): requests go in, results come
// back in the same order. The thread starts with the first request, so a command that only
// reads never starts one, and starts again after a crash (the requests it held are refused, and
// their answers get a 503 that the widgets' outboxes retry).
import { Worker } from 'node:worker_threads';

/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */
/** @typedef {import('./store.js').SaveOutcome} SaveOutcome */
/** @typedef {import('./store.js').RateLimitHit} RateLimitHit */
/** @typedef {{ file: string, synchronous: 'full' | 'normal', busyTimeoutMs: number }} WriterOptions */
/** @typedef {{ records: SubmissionRecord[] } | { hits: import('./sqlite-counters.js').HitsEntry[], now: number } | { write: string, args: unknown[] }} WriterRequest */
/** @typedef {{ result: unknown } | { error: { name: string, message: string, code?: string } }} WriterReply */

/** @param {WriterOptions} options */
export function writerThread(options) {
  /** @type {Worker | null} */
  let worker = null;
  /** @type {{ resolve: (result: any) => void, reject: (error: Error) => void }[]} */
  const waiting = [];

  /** @param {Worker} thread  @param {Error} error */
  const lost = (thread, error) => {
    if (worker !== thread) return;
    worker = null;
    for (const request of waiting.splice(0)) request.reject(error);
  };

  const start = () => {
    const thread = new Worker(new URL('./sqlite-writer.js', import.meta.url), { workerData: options });
    thread.on('message', (/** @type {WriterReply} */ reply) => {
      const request = /** @type {(typeof waiting)[number]} */ (waiting.shift());
      // Nothing waiting, nothing to keep the process alive for (a command that is done can exit).
      if (!waiting.length) thread.unref();
      if ('result' in reply) request.resolve(reply.result);
      else request.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code }));
    });
    thread.on('error', (error) => lost(thread, /** @type {Error} */ (error)));
    thread.on('exit', (code) => lost(thread, new Error(`The writer thread stopped (exit code ${code})`)));
    return thread;
  };

  /** @param {WriterRequest} request */
  const send = (request) => {
    const thread = (worker ??= start());
    thread.ref();
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      thread.postMessage(request);
    });
  };

  return {
    /** Commits the records in one transaction; resolves with one outcome each. @param {SubmissionRecord[]} records */
    commit: (records) => /** @type {Promise<SaveOutcome[]>} */ (send({ records })),
    /**
     * Adds each key's hits to its rate-limit window; resolves with each key's total.
     * @param {import('./sqlite-counters.js').HitsEntry[]} hits  @param {number} now
     */
    addHits: (hits, now) => /** @type {Promise<RateLimitHit[]>} */ (send({ hits, now })),
    /**
     * One of staff's writes (sqlite-staff-writes.js), by name; resolves with what it returns.
     * @param {import('./sqlite-staff-writes.js').StaffWriteName} write  @param {unknown[]} args
     */
    call: (write, args) => send({ write, args }),
    /** Lets the requests sent finish, then closes the thread's connections and waits for it to end. */
    async close() {
      const thread = worker;
      if (!thread) return;
      thread.ref();
      const ended = new Promise((resolve) => thread.once('exit', resolve));
      thread.postMessage('close');
      await ended;
    },
  };
}
