// The main thread's side of the writer thread (sqlite-writer.js): batches go in, outcomes come
// back in the same order. The thread starts with the first batch, so a command that only reads
// never starts one, and starts again after a crash (the batches it held are refused, and their
// answers get a 503 that the widgets' outboxes retry).
import { Worker } from 'node:worker_threads';

/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */
/** @typedef {import('./store.js').SaveOutcome} SaveOutcome */
/** @typedef {{ file: string, synchronous: 'full' | 'normal', busyTimeoutMs: number }} WriterOptions */

/** @param {WriterOptions} options */
export function writerThread(options) {
  /** @type {Worker | null} */
  let worker = null;
  /** @type {{ resolve: (outcomes: SaveOutcome[]) => void, reject: (error: Error) => void }[]} */
  const waiting = [];

  /** @param {Worker} thread  @param {Error} error */
  const lost = (thread, error) => {
    if (worker !== thread) return;
    worker = null;
    for (const batch of waiting.splice(0)) batch.reject(error);
  };

  const start = () => {
    const thread = new Worker(new URL('./sqlite-writer.js', import.meta.url), { workerData: options });
    thread.on('message', (/** @type {{ outcomes?: SaveOutcome[], error?: { name: string, message: string, code?: string } }} */ reply) => {
      const batch = /** @type {(typeof waiting)[number]} */ (waiting.shift());
      // Nothing waiting, nothing to keep the process alive for (a command that is done can exit).
      if (!waiting.length) thread.unref();
      if (reply.outcomes) batch.resolve(reply.outcomes);
      else batch.reject(Object.assign(new Error(reply.error?.message), { name: reply.error?.name, code: reply.error?.code }));
    });
    thread.on('error', (error) => lost(thread, /** @type {Error} */ (error)));
    thread.on('exit', (code) => lost(thread, new Error(`The writer thread stopped (exit code ${code})`)));
    return thread;
  };

  return {
    /** Commits the records in one transaction; resolves with one outcome each. @param {SubmissionRecord[]} records */
    commit(records) {
      const thread = (worker ??= start());
      thread.ref();
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        thread.postMessage(records);
      });
    },
    /** Lets the batches sent finish, then closes the thread's connection and waits for it to end. */
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
