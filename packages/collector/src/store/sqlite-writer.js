// The writer thread: the only place answers are written to SQLite. Taking an answer is mostly
// work for the event loop (HTTP, the schema, redaction); the insert and the disk sync are not,
// so they run here, on a thread and connection of their own, while the event loop takes the
// next answers. Each message is one batch from group-commit.js; the reply comes only after
// the batch's transaction has committed, and with synchronous=FULL, after it is on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { connect } from './sqlite-connection.js';
import { submissionWrites } from './sqlite-submission-writes.js';

/** @type {import('./writer-thread.js').WriterOptions} */
const { file, synchronous, busyTimeoutMs } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = connect(file, busyTimeoutMs);
db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
const { commitBatch } = submissionWrites(db);

port.on('message', (/** @type {import('./store.js').SubmissionRecord[] | 'close'} */ message) => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    port.postMessage({ outcomes: commitBatch(message) });
  } catch (error) {
    const { name, message: text, code } = /** @type {Error & { code?: string }} */ (error);
    port.postMessage({ error: { name, message: text, code } });
  }
});
