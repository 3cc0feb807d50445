// Runs in the writer thread (started by sqlite-writer-client.js on the event loop): the only
// place the collector writes to SQLite. Taking an answer is mostly work for the event loop
// (HTTP, the schema, redaction); the insert and the disk sync are not, so they run here, on a
// thread and connections of their own, while the event loop takes the next answers, and
// never waits for the write lock.
//
// Each request is a batch of answers from group-commit.js, a batch of counter hits from
// rate-limit.js, or one of staff's writes (sqlite-staff-writes.js), by name. The batches of
// answers that wait while one transaction commits and syncs are joined into the next, so the
// disk is synced once for all of them. Each batch's reply comes only after its transaction
// has committed (and, with synchronous "full", is on disk), and carries its request's id.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { connect } from './sqlite-connection.js';
import { rateLimitCounters } from './sqlite-counters.js';
import { staffWrites } from './sqlite-staff-writes.js';
import { submissionWrites } from './sqlite-submission-writes.js';

/** @typedef {import('./sqlite-writer-messages.js').WriterRequest} WriterRequest */
/** @typedef {import('./sqlite-writer-messages.js').WriterClose} WriterClose */
/** @typedef {import('./sqlite-writer-messages.js').WriterReply} WriterReply */

/** Counter batches between checkpoints, so a flood of refused requests cannot grow the WAL for ever. */
const CHECKPOINT_EVERY = 100;
/** Answers in one transaction at most, so that it never holds the write lock for long. */
const MAX_JOINED = 5000;

/** @type {import('./sqlite-writer-messages.js').WriterOptions} */
const { file, synchronous, busyTimeoutMs } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = connect(file, busyTimeoutMs);
db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
const { commitBatch } = submissionWrites(db);
const counters = rateLimitCounters(file, busyTimeoutMs);
let counterWrites = 0;
const staff = staffWrites(db);

/** @param {unknown} error  @returns {import('./sqlite-writer-messages.js').WriterError} */
function describe(error) {
  const { name = 'Error', message = String(error), code } = /** @type {Error & { code?: string }} */ (error ?? {});
  return { name, message, code };
}

/** @param {number} id  @param {() => unknown} work  @returns {WriterReply} */
function replyTo(id, work) {
  try {
    return { id, result: work() };
  } catch (error) {
    return { id, error: describe(error) };
  }
}

/** @param {import('./sqlite-counters.js').HitsEntry[]} hits  @param {number} now */
function addHits(hits, now) {
  const totals = counters.addHits(hits, now);
  // This connection syncs, so it may recycle the WAL that the counters' connection grows.
  if (++counterWrites % CHECKPOINT_EVERY === 0) db.pragma('wal_checkpoint(PASSIVE)');
  return totals;
}

/** @param {string} write  @param {unknown[]} args */
function staffWrite(write, args) {
  if (!Object.hasOwn(staff, write)) throw new Error(`The writer thread has no write called ${write}`);
  const run = /** @type {(...args: unknown[]) => unknown} */ (staff[/** @type {import('./sqlite-staff-writes.js').StaffWriteName} */ (write)]);
  return run(...args);
}

/** Commits every batch of answers in one transaction, then the other requests, and replies to each by its id. @param {WriterRequest[]} requests */
function serve(requests) {
  const commits = requests.filter((request) => request.kind === 'commit');
  const answers = commits.flatMap((request) => request.records);
  /** @type {import('./store.js').SaveOutcome[]} */
  let outcomes = [];
  /** @type {import('./sqlite-writer-messages.js').WriterError | undefined} */
  let refusal;
  try {
    if (answers.length) outcomes = commitBatch(answers);
  } catch (error) {
    refusal = describe(error);
  }
  let start = 0;
  for (const request of requests) {
    const { id } = request;
    if (request.kind === 'hits') port.postMessage(replyTo(id, () => addHits(request.hits, request.now)));
    else if (request.kind === 'staff') port.postMessage(replyTo(id, () => staffWrite(request.write, request.args)));
    else if (refusal) port.postMessage({ id, error: refusal });
    else port.postMessage({ id, result: outcomes.slice(start, (start += request.records.length)) });
  }
}

/** @param {unknown} message  @returns {message is WriterClose} */
const isClose = (message) => /** @type {{ kind?: unknown }} */ (message)?.kind === 'close';

port.on('message', (/** @type {WriterRequest | WriterClose} */ first) => {
  /** @type {WriterRequest[]} */
  const requests = [];
  let closing = isClose(first);
  if (!isClose(first)) requests.push(first);
  // Everything sent while the last transaction committed joins this one.
  for (let joined = 0; !closing && joined < MAX_JOINED; ) {
    const next = receiveMessageOnPort(port);
    if (!next) break;
    const request = /** @type {WriterRequest | WriterClose} */ (next.message);
    if (isClose(request)) closing = true;
    else {
      requests.push(request);
      if (request.kind === 'commit') joined += request.records.length;
    }
  }
  if (requests.length) serve(requests);
  if (closing) {
    counters.close();
    db.close();
    port.close();
  }
});
