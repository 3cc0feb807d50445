// bench/ingest baseline: the bare minimal endpoint the collector is compared with. A plain
// node:http server that reads the body, parses the JSON and inserts the same row into the same
// table (the collector's own migration) in SQLite, answering 201 {"id"} after the commit.
//
// Same durability as the collector's store (src/store/sqlite.js): WAL, synchronous=FULL (or
// NORMAL, given as the second argument, to compare with a collector set to "normal"), and
// group commit: the inserts that arrive in one turn of the event loop share one IMMEDIATE
// transaction (one disk sync), flushed on setImmediate, at most 500 rows a batch.
//
// What it does NOT do (that is the collector's overhead being measured): no schema check, no
// origin/site check, no CORS or security headers, no rate-limit counters, no server-side
// redaction, no logging. The fingerprint column is a SHA-256 of the raw body (the collector
// hashes canonical JSON), so the row has the same shape and roughly the same size.
//
// Usage: node bench/ingest/baseline.mjs DATABASE_FILE [full|normal]   (prints {"url"} on stdout when listening)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../packages/collector/dist/store/sqlite-migrations.js';
import { INSERT_COLUMNS, insertValues } from '../../packages/collector/dist/store/sqlite-rows.js';

const BODY_LIMIT = 64 * 1024;
const MAX_BATCH = 500;

const file = process.argv[2];
if (!file) throw new Error('usage: baseline.mjs DATABASE_FILE');

const db = new Database(file);
if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') throw new Error('SQLite refused WAL mode');
db.pragma(`synchronous = ${process.argv[3] === 'normal' ? 'NORMAL' : 'FULL'}`);
db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
for (const migration of MIGRATIONS) db.exec(migration.sql);

// The collector's own insert: the same columns, bound by position (src/store/sqlite-rows.js).
const insert = db.prepare(`INSERT INTO submissions (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`);
const commitBatch = db.transaction((rows) => rows.map((row) => insert.run(insertValues(row)).changes === 1));

/** @type {{ row: object, res: import('node:http').ServerResponse }[]} */
let queue = [];
let scheduled = false;

function flush() {
  scheduled = false;
  const batch = queue.slice(0, MAX_BATCH);
  queue = queue.slice(batch.length);
  if (queue.length) schedule();
  if (!batch.length) return;
  let created;
  try {
    created = commitBatch.immediate(batch.map((entry) => entry.row));
  } catch {
    for (const { res } of batch) send(res, 503, { error: 'not stored' });
    return;
  }
  batch.forEach(({ row, res }, i) => send(res, created[i] ? 201 : 200, { id: row.id }));
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setImmediate(flush);
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/v1/submissions') return send(res, 404, { error: 'not found' });
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= BODY_LIMIT) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > BODY_LIMIT) return send(res, 413, { error: 'too large' });
    const raw = Buffer.concat(chunks);
    let s;
    try {
      s = JSON.parse(raw.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'not JSON' });
    }
    if (!s || typeof s.id !== 'string' || !s.page || !s.signals) return send(res, 400, { error: 'not a submission' });
    const row = {
      id: s.id,
      site: s.site,
      widget: s.widget,
      instance: s.instance,
      pageUrl: s.page.url,
      pageTitle: s.page.title,
      lang: s.lang,
      answers: s.answers,
      honeypot: Boolean(s.signals.honeypot),
      fillMs: s.signals.fillMs,
      clientTime: s.clientTime,
      sdkVersion: s.sdkVersion,
      receivedAt: Date.now(),
      quarantine: null,
      fingerprint: createHash('sha256').update(raw).digest('base64url'),
      repeatOf: null,
    };
    queue.push({ row, res });
    schedule();
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  process.stdout.write(`${JSON.stringify({ msg: 'baseline listening', url: `http://127.0.0.1:${port}` })}\n`);
});

// Like the collector: stop taking requests, commit what is queued, close the database.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    while (queue.length) flush();
    server.closeAllConnections();
    db.close();
    process.exit(0);
  });
}
