// The event loop's side of the writer thread (sqlite-writer-thread.js): each request gets an
// id, and its reply is matched to it by that id, never by order. The thread starts with the
// first request, so a command that only reads never starts one, and starts again after a crash
// (the requests it held are refused, and their answers get a 503 that the widgets' outboxes
// retry). A request that cannot be sent (say, a value that cannot be copied to the thread)
// fails alone.
import { Worker } from 'node:worker_threads';

/** @typedef {import('./sqlite-writer-messages.js').WriterOptions} WriterOptions */
/** @typedef {import('./sqlite-writer-messages.js').WriterRequest} WriterRequest */
/** @typedef {import('./sqlite-writer-messages.js').WriterReply} WriterReply */
/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */
/** @typedef {import('./store.js').SaveOutcome} SaveOutcome */
/** @typedef {import('./store.js').RateLimitHit} RateLimitHit */
/** @typedef {{ resolve: (result: unknown) => void, reject: (error: Error) => void }} Pending */

/**
 * @param {WriterOptions} options
 * @param {{ threadFile?: URL }} [testing]  Another thread's module, for tests only.
 */
export function writerClient(options, { threadFile = new URL('./sqlite-writer-thread.js', import.meta.url) } = {}) {
  /** @type {Worker | null} */
  let worker = null;
  /** @type {Map<number, Pending>} */
  const pending = new Map();
  let lastId = 0;

  /** @param {Worker} thread  @param {Error} error */
  const lost = (thread, error) => {
    if (worker !== thread) return;
    worker = null;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  /** @param {WriterReply} reply */
  const answer = (reply) => {
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if ('result' in reply) request.resolve(reply.result);
    else request.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code }));
  };

  const start = () => {
    const thread = new Worker(threadFile, { workerData: options });
    thread.on('message', (/** @type {WriterReply} */ reply) => {
      answer(reply);
      // Nothing waiting, nothing to keep the process alive for (a command that is done can exit).
      if (!pending.size) thread.unref();
    });
    thread.on('error', (error) => lost(thread, /** @type {Error} */ (error)));
    thread.on('exit', (code) => lost(thread, new Error(`The writer thread stopped (exit code ${code})`)));
    return thread;
  };

  /**
   * @template T
   * @param {import('./sqlite-writer-messages.js').WriterAsk} ask
   * @returns {Promise<T>}
   */
  const send = (ask) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      const thread = (worker ??= start());
      thread.ref();
      pending.set(id, { resolve: /** @type {(result: unknown) => void} */ (resolve), reject });
      try {
        thread.postMessage({ ...ask, id });
      } catch (error) {
        pending.delete(id);
        if (!pending.size) thread.unref();
        reject(error);
      }
    });

  return {
    /** Commits the records in one transaction; resolves with one outcome each. @param {SubmissionRecord[]} records  @returns {Promise<SaveOutcome[]>} */
    commit: (records) => send({ kind: 'commit', records }),
    /**
     * Adds each key's hits to its rate-limit window; resolves with each key's total.
     * @param {import('./sqlite-counters.js').HitsEntry[]} hits  @param {number} now  @returns {Promise<RateLimitHit[]>}
     */
    addHits: (hits, now) => send({ kind: 'hits', hits, now }),
    /**
     * One of staff's writes (sqlite-staff-writes.js), by name; resolves with what it returns.
     * @param {import('./sqlite-staff-writes.js').StaffWriteName} write  @param {unknown[]} args  @returns {Promise<unknown>}
     */
    call: (write, args) => send({ kind: 'staff', write, args }),
    /** Lets the requests sent finish, then closes the thread's connections and waits for it to end. */
    async close() {
      const thread = worker;
      if (!thread) return;
      thread.ref();
      const ended = new Promise((resolve) => thread.once('exit', resolve));
      thread.postMessage(/** @type {import('./sqlite-writer-messages.js').WriterClose} */ ({ kind: 'close' }));
      await ended;
    },
  };
}
