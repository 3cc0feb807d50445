// Runs in the writer thread (started by sqlite-writer-client.ts on the event loop): the only
// place the collector writes to SQLite. Taking an answer is mostly work for the event loop
// (HTTP, the schema, redaction); the insert and the disk sync are not, so they run here, on a
// thread and connections of their own, while the event loop takes the next answers, and
// never waits for the write lock.
//
// Each request is a batch of answers from group-commit.ts, a batch of counter hits from
// rate-limit.ts, or one of staff's writes (sqlite-staff-writes.ts), by name. The batches of
// answers that wait while one transaction commits and syncs are joined into the next, so the
// disk is synced once for all of them. Each batch's reply comes only after its transaction
// has committed (and, with synchronous "full", is on disk), and carries its request's id.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { connect } from './sqlite-connection.js';
import { rateLimitCounters, type HitsEntry } from './sqlite-counters.js';
import { staffWrites, type StaffWriteName } from './sqlite-staff-writes.js';
import { submissionWrites } from './sqlite-submission-writes.js';
import type { WriterClose, WriterError, WriterOptions, WriterReply, WriterRequest } from './sqlite-writer-messages.js';
import type { SaveOutcome } from './store.js';

/** Counter batches between checkpoints, so a flood of refused requests cannot grow the WAL for ever. */
const CHECKPOINT_EVERY = 100;
/** Answers in one transaction at most, so that it never holds the write lock for long. */
const MAX_JOINED = 5000;

const { file, synchronous, busyTimeoutMs } = workerData as WriterOptions;
const port = parentPort as MessagePort;

const db = connect(file, busyTimeoutMs);
db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
const { commitBatch } = submissionWrites(db);
const counters = rateLimitCounters(file, busyTimeoutMs);
let counterWrites = 0;
const staff = staffWrites(db);

function describe(error: unknown): WriterError {
  const { name = 'Error', message = String(error), code } = (error ?? {}) as Error & { code?: string };
  return { name, message, code };
}

function replyTo(id: number, work: () => unknown): WriterReply {
  try {
    return { id, result: work() };
  } catch (error) {
    return { id, error: describe(error) };
  }
}

function addHits(hits: HitsEntry[], now: number) {
  const totals = counters.addHits(hits, now);
  // This connection syncs, so it may recycle the WAL that the counters' connection grows.
  if (++counterWrites % CHECKPOINT_EVERY === 0) db.pragma('wal_checkpoint(PASSIVE)');
  return totals;
}

function staffWrite(write: string, args: unknown[]) {
  if (!Object.hasOwn(staff, write)) throw new Error(`The writer thread has no write called ${write}`);
  const run = staff[write as StaffWriteName] as (...args: unknown[]) => unknown;
  return run(...args);
}

/** Commits every batch of answers in one transaction, then the other requests, and replies to each by its id. */
function serve(requests: WriterRequest[]) {
  const answers = requests.flatMap((request) => (request.kind === 'commit' ? request.records : []));
  let outcomes: SaveOutcome[] = [];
  let refusal: WriterError | undefined;
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
    else if (refusal) port.postMessage({ id, error: refusal } satisfies WriterReply);
    else port.postMessage({ id, result: outcomes.slice(start, (start += request.records.length)) } satisfies WriterReply);
  }
}

const isClose = (message: WriterRequest | WriterClose): message is WriterClose => message.kind === 'close';

port.on('message', (first: WriterRequest | WriterClose) => {
  const requests: WriterRequest[] = [];
  let closing = isClose(first);
  if (!isClose(first)) requests.push(first);
  // Everything sent while the last transaction committed joins this one.
  for (let joined = 0; !closing && joined < MAX_JOINED; ) {
    const next = receiveMessageOnPort(port);
    if (!next) break;
    const request = next.message as WriterRequest | WriterClose;
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
