// The writer thread: the only place answers are written to SQLite. Taking an answer is mostly
// work for the event loop (HTTP, the schema, redaction); the insert and the disk sync are not,
// so they run here, on a thread and connection of their own, while the event loop takes the
// next answers. Each message is one batch from group-commit.js; the batches that wait while
// one transaction commits and syncs are joined into the next, so the disk is synced once for
// all of them. Each batch's reply comes only after its transaction has committed (and, with
// synchronous "full", is on disk), in the order the batches came.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { connect } from './sqlite-connection.js';
import { submissionWrites } from './sqlite-submission-writes.js';

/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */

/** @type {import('./writer-thread.js').WriterOptions} */
const { file, synchronous, busyTimeoutMs } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = connect(file, busyTimeoutMs);
db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
const { commitBatch } = submissionWrites(db);

/** Commits the batches in one transaction; replies to each with its own outcomes. @param {SubmissionRecord[][]} batches */
function commit(batches) {
  let outcomes;
  try {
    outcomes = commitBatch(batches.flat());
  } catch (error) {
    const { name, message, code } = /** @type {Error & { code?: string }} */ (error);
    for (const _ of batches) port.postMessage({ error: { name, message, code } });
    return;
  }
  let start = 0;
  for (const records of batches) {
    port.postMessage({ outcomes: outcomes.slice(start, (start += records.length)) });
  }
}

port.on('message', (/** @type {SubmissionRecord[] | 'close'} */ first) => {
  /** @type {SubmissionRecord[][]} */
  const batches = [];
  let closing = first === 'close';
  if (!closing) batches.push(/** @type {SubmissionRecord[]} */ (first));
  // Everything sent while the last transaction committed joins this one (up to a bound, so a
  // transaction never holds the write lock for long).
  for (let waiting = 0; !closing && waiting < 5000; ) {
    const next = receiveMessageOnPort(port);
    if (!next) break;
    if (next.message === 'close') closing = true;
    else {
      batches.push(next.message);
      waiting += next.message.length;
    }
  }
  if (batches.length) commit(batches);
  if (closing) {
    db.close();
    port.close();
  }
});
