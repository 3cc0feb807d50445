// The writer thread: the only place the collector writes to SQLite. Taking an answer is mostly
// work for the event loop (HTTP, the schema, redaction); the insert and the disk sync are not,
// so they run here, on a thread and connections of their own, while the event loop takes the
// next answers, and never waits for the write lock.
//
// Each request is a batch of answers from group-commit.js, a batch of counter hits from
// rate-limit.js, or one of staff's writes (sqlite-staff-writes.js), by name. The batches of answers that wait while one transaction commits and syncs are
// joined into the next, so the disk is synced once for all of them. Each batch's reply comes
// only after its transaction has committed (and, with synchronous "full", is on disk), and the
// replies come in the order of the requests.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { connect } from './sqlite-connection.js';
import { rateLimitCounters } from './sqlite-counters.js';
import { staffWrites } from './sqlite-staff-writes.js';
import { submissionWrites } from './sqlite-submission-writes.js';

/** @typedef {import('./writer-thread.js').WriterRequest} WriterRequest */
/** @typedef {import('./writer-thread.js').WriterReply} WriterReply */

/** Counter batches between checkpoints, so a flood of refused requests cannot grow the WAL for ever. */
const CHECKPOINT_EVERY = 100;
/** Answers in one transaction at most, so that it never holds the write lock for long. */
const MAX_JOINED = 5000;

/** @type {import('./writer-thread.js').WriterOptions} */
const { file, synchronous, busyTimeoutMs } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = connect(file, busyTimeoutMs);
db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
const { commitBatch } = submissionWrites(db);
const counters = rateLimitCounters(file, busyTimeoutMs);
let counterWrites = 0;
const staff = staffWrites(db);

/** @param {unknown} error  @returns {WriterReply} */
function failed(error) {
  const { name, message, code } = /** @type {Error & { code?: string }} */ (error);
  return { error: { name, message, code } };
}

/** @param {{ hits: import('./sqlite-counters.js').HitsEntry[], now: number }} request  @returns {WriterReply} */
function addHits({ hits, now }) {
  try {
    const totals = counters.addHits(hits, now);
    // This connection syncs, so it may recycle the WAL that the counters' connection grows.
    if (++counterWrites % CHECKPOINT_EVERY === 0) db.pragma('wal_checkpoint(PASSIVE)');
    return { result: totals };
  } catch (error) {
    return failed(error);
  }
}

/** @param {{ write: string, args: unknown[] }} request  @returns {WriterReply} */
function staffWrite({ write, args }) {
  try {
    if (!Object.hasOwn(staff, write)) throw new Error(`The writer thread has no write called ${write}`);
    const run = /** @type {(...args: unknown[]) => unknown} */ (staff[/** @type {import('./sqlite-staff-writes.js').StaffWriteName} */ (write)]);
    return { result: run(...args) };
  } catch (error) {
    return failed(error);
  }
}

/** Commits every batch of answers in one transaction, then the other requests, and replies to each in order. @param {WriterRequest[]} requests */
function serve(requests) {
  const answers = requests.flatMap((request) => ('records' in request ? request.records : []));
  /** @type {import('./store.js').SaveOutcome[]} */
  let outcomes = [];
  /** @type {WriterReply | undefined} */
  let refusal;
  try {
    if (answers.length) outcomes = commitBatch(answers);
  } catch (error) {
    refusal = failed(error);
  }
  let start = 0;
  for (const request of requests) {
    if ('hits' in request) port.postMessage(addHits(request));
    else if ('write' in request) port.postMessage(staffWrite(request));
    else port.postMessage(refusal ?? { result: outcomes.slice(start, (start += request.records.length)) });
  }
}

port.on('message', (/** @type {WriterRequest | 'close'} */ first) => {
  /** @type {WriterRequest[]} */
  const requests = [];
  let closing = first === 'close';
  if (first !== 'close') requests.push(first);
  // Everything sent while the last transaction committed joins this one.
  for (let joined = 0; !closing && joined < MAX_JOINED; ) {
    const next = receiveMessageOnPort(port);
    if (!next) break;
    const request = /** @type {WriterRequest | 'close'} */ (next.message);
    if (request === 'close') closing = true;
    else {
      requests.push(request);
      if ('records' in request) joined += request.records.length;
    }
  }
  if (requests.length) serve(requests);
  if (closing) {
    counters.close();
    db.close();
    port.close();
  }
});
