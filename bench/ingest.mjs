// bench/ingest: how many answers a second the collector stores, against a bare minimal endpoint
// that inserts the same row into SQLite with the same durability (bench/ingest/baseline.mjs),
// all measured in this run under the same load: both at synchronous=FULL (the collector's
// default: on disk before the 201), and both at NORMAL (where the disk sync no longer hides
// the CPU each answer costs). The goal: at FULL the collector reaches at least 70% of the
// baseline's throughput, and loses no answer (every 2xx is a row in the database).
//
// Every answer is different, as a council's are (bench/ingest/answers.mjs): Yes / No votes,
// written answers of every length (a few to redact), finder searches and poll votes.
//
// Needs the build (`npm run build`): it runs the compiled collector (packages/collector/dist).
// Each server runs in its own child process (the load generator must not share its event loop),
// on 127.0.0.1, with a database in a temporary folder that is removed at the end, error or not.
//
// Both databases first hold BENCH_PREFILL answers from the past year (250,000: a year of a busy
// council site), as a collector in use does: an insert into a big table costs more than into an
// empty one (its random id lands on a page of the index that may not be in memory, and more
// pages change, to sync and to checkpoint). BENCH_PREFILL=0 measures empty databases.
//
// Exit code 1 if any acknowledged answer is missing from its database (or a server failed);
// the 70% goal is printed, not enforced: timings on a small shared machine are noisy.
//
// Settings (environment): BENCH_DURATION seconds measured per server (10), in BENCH_ROUNDS
// alternating slices (5), after BENCH_WARMUP seconds (2); BENCH_CONNECTIONS (50);
// BENCH_PREFILL answers stored before the load (250000);
// BENCH_LOG_LEVEL the collector's logLevel (default: the collector's own, info);
// BENCH_PROFILE_DIR: write V8 CPU profiles of each server there, one folder a server and one file
// a thread (node --cpu-prof; the collector's writer thread has its own).
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { INSERT_COLUMNS, insertValues } from '../packages/collector/dist/store/sqlite-rows.js';
import { participants } from '../packages/collector/dist/polls/participants.js';
import { toRecord } from '../packages/collector/dist/submission.js';
import { answer, benchPoll, ORIGIN, probeAnswer, SITE } from './ingest/answers.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'packages/collector/dist/cli.js');
const BASELINE = join(ROOT, 'bench/ingest/baseline.mjs');

const setting = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
};
const DURATION = setting('BENCH_DURATION', 10);
const WARMUP = setting('BENCH_WARMUP', 2);
const CONNECTIONS = Math.round(setting('BENCH_CONNECTIONS', 50));
const ROUNDS = Math.round(setting('BENCH_ROUNDS', 5));
const PREFILL = process.env.BENCH_PREFILL === '0' ? 0 : Math.round(setting('BENCH_PREFILL', 250_000));
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL || undefined;
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;
/** Both runs, plus starting and stopping the servers; past it everything is stopped. */
const DEADLINE_MS = (4 * (WARMUP + DURATION) + 60 + (4 * PREFILL) / 10_000) * 1000;
const GOAL = 0.7;

const HEADERS = { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN };

// ---- processes and temporary files, released whatever happens ---------------------------

const tmp = mkdtempSync(join(tmpdir(), 'tandem-bench-ingest-'));
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {{ stop(): void } | undefined} */
let load;
let cleaned = false;

function cleanup() {
  if (cleaned) return;
  cleaned = true;
  load?.stop();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanup();
    process.exit(130);
  });
}
const deadline = setTimeout(() => {
  console.error(`bench/ingest: still running after ${DEADLINE_MS / 1000} s; stopping`);
  cleanup();
  process.exit(1);
}, DEADLINE_MS);

// ---- servers -------------------------------------------------------------------------------

/**
 * Starts a server in a child process, its output going to a file (so that logging costs the
 * server what it would cost writing to a file, and the load generator nothing), and waits for
 * the JSON line that carries its url.
 */
async function startServer(name, args) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'output.log');
  const fd = openSync(logFile, 'a');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TANDEM_') && key !== 'PORT'));
  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args(dir)], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  children.add(child);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));

  const started = Date.now();
  for (;;) {
    const line = readFileSync(logFile, 'utf8')
      .split('\n')
      .map((text) => {
        try {
          return JSON.parse(text);
        } catch {
          return undefined;
        }
      })
      .find((entry) => typeof entry?.url === 'string');
    if (line) return { name, dir, url: line.url, child, exited, logFile };
    if (child.exitCode !== null || child.signalCode !== null || Date.now() - started > 20_000) {
      throw new Error(`${name} did not start:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** SIGTERM (each server commits what it has, then closes its database), SIGKILL after 15 s. */
async function stopServer(server) {
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  const { code, signal } = await server.exited;
  clearTimeout(timer);
  children.delete(server.child);
  if (code !== 0) throw new Error(`${server.name} exited with ${signal ?? `code ${code}`}:\n${readFileSync(server.logFile, 'utf8').slice(-2000)}`);
}

/** One request first, so that a refused answer shows its reason instead of a page of 4xx. */
function probe(url) {
  const body = JSON.stringify(probeAnswer());
  return new Promise((done, fail) => {
    const req = request(`${url}/v1/submissions`, { method: 'POST', headers: { ...HEADERS, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (res.statusCode === 201 ? done() : fail(new Error(`${url} answered ${res.statusCode}: ${text}`))));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** CPU seconds a process has used (Linux /proc), or undefined elsewhere. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();
/** CPU seconds used by a process and by its main thread (the event loop), or undefined where /proc is missing. */
function cpuSeconds(pid) {
  const read = (/** @type {string} */ file) => {
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
  };
  try {
    return { process: read(`/proc/${pid}/stat`), eventLoop: read(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return undefined;
  }
}

/** Busy and total CPU time of the whole machine, all cores (Linux /proc/stat), or undefined. */
function machineTicks() {
  try {
    const [, ...times] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = times[3] + times[4]; // idle, iowait
    const total = times.slice(0, 8).reduce((sum, time) => sum + time, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

// ---- load ----------------------------------------------------------------------------------

/** Drives POST /v1/submissions; every request a new submission. Collects the acknowledged ids. */
async function drive(url, seconds, acknowledged, raw = false, newParticipant = randomUUID) {
  const instance = autocannon({
    url,
    skipAggregateResult: raw,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/v1/submissions',
        headers: HEADERS,
        setupRequest: (req) => ({ ...req, body: JSON.stringify(answer(newParticipant)) }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) acknowledged.add(JSON.parse(body).id);
        },
      },
    ],
  });
  load = instance;
  const result = await instance;
  load = undefined;
  return result;
}

/** Counts the rows a server stored, and the acknowledged ids that are not among them. */
function audit(file, acknowledged) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Only this run's answers: the prefill's are dated before it.
    const stored = new Set(db.prepare('SELECT id FROM submissions WHERE received_at >= ?').pluck().all(STARTED));
    let missing = 0;
    for (const id of acknowledged) if (!stored.has(id)) missing++;
    return { rows: stored.size, missing };
  } finally {
    db.close();
  }
}

const STARTED = Date.now();
const DAY = 24 * 60 * 60 * 1000;

/**
 * Stores `count` answers spread over the past year in a server's database (while it waits for
 * load), the same rows for either server.
 * @param {string} file  @param {number} count
 */
function prefill(file, count) {
  const db = new Database(file, { timeout: 10_000 });
  try {
    const insert = db.prepare(`INSERT INTO submissions (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`);
    const insertAll = db.transaction((/** @type {unknown[][]} */ rows) => rows.forEach((row) => insert.run(row)));
    const yearAgo = STARTED - 365 * DAY;
    for (let done = 0; done < count; ) {
      const rows = [];
      for (; rows.length < 10_000 && done < count; done++) rows.push(insertValues(toRecord(/** @type {any} */ (answer()), yearAgo + Math.floor((done * 360 * DAY) / count))));
      insertAll(rows);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The bare endpoint and the collector, at one durability. @param {'full' | 'normal'} synchronous */
const targetsAt = (synchronous) => [
  {
    name: `baseline ${synchronous}`,
    args: (dir) => [BASELINE, join(dir, 'baseline.sqlite'), synchronous],
    database: (dir) => join(dir, 'baseline.sqlite'),
  },
  {
    name: `collector ${synchronous}`,
    args: (dir) => {
      // Generous limits for the one site and the one client address: the counters are still
      // kept (that work is part of every answer), but nothing is refused.
      writeFileSync(join(dir, 'poll.json'), JSON.stringify(benchPoll()));
      const config = {
        host: '127.0.0.1',
        port: 0,
        dataDir: dir,
        bundleDir: null,
        examplesDir: null,
        synchronous,
        limits: { perIpPerMinute: 1_000_000_000, perSitePerMinute: 1_000_000_000, newParticipantsPerAddressPerHour: 1_000_000_000 },
        sites: [{ id: SITE, origins: [ORIGIN], perMinute: 1_000_000_000 }],
        polls: ['poll.json'],
        ...(LOG_LEVEL ? { logLevel: LOG_LEVEL } : {}),
      };
      const file = join(dir, 'collector.json');
      writeFileSync(file, JSON.stringify(config, null, 2));
      return [CLI, 'serve', '--config', file];
    },
    database: (dir) => join(dir, 'tandem.sqlite'),
    // Poll votes carry participant ids this collector signed, as its widgets get them.
    newParticipant: (dir) => {
      const db = new Database(join(dir, 'tandem.sqlite'), { readonly: true });
      try {
        return participants(db.prepare(`SELECT secret FROM collector_secrets WHERE name = 'participants'`).pluck().get()).issue;
      } finally {
        db.close();
      }
    },
  },
];
const TARGETS = [...targetsAt('full'), ...targetsAt('normal')];

/** Slices of load, alternating between the servers (A B, B A, A B…), so that whatever else the
 * machine is doing meanwhile weighs on both alike; the slices of each are then added up. */
async function measureAll() {
  /** @type {{ target: typeof TARGETS[number], server: any, acknowledged: Set<string>, warm: any, slices: any[], cpu: { process: number, eventLoop: number } | undefined, machine: { busy: number, total: number } | undefined, clientCpu: number }[]} */
  const servers = [];
  try {
    for (const target of TARGETS) servers.push({ target, server: await startServer(target.name, target.args), acknowledged: new Set(), warm: undefined, slices: [], cpu: { process: 0, eventLoop: 0 }, machine: { busy: 0, total: 0 }, clientCpu: 0 });
    for (const entry of servers) {
      if (PREFILL) prefill(entry.target.database(entry.server.dir), PREFILL);
      await probe(entry.server.url);
      entry.newParticipant = entry.target.newParticipant?.(entry.server.dir) ?? randomUUID;
      entry.warm = await drive(entry.server.url, WARMUP, entry.acknowledged, false, entry.newParticipant);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...servers].reverse() : servers;
      for (const entry of order) {
        const before = cpuSeconds(entry.server.child.pid);
        const machineBefore = machineTicks();
        const client = process.cpuUsage();
        const slice = await drive(entry.server.url, DURATION / ROUNDS, entry.acknowledged, true, entry.newParticipant);
        const { user, system } = process.cpuUsage(client);
        const after = cpuSeconds(entry.server.child.pid);
        const machineAfter = machineTicks();
        entry.clientCpu += (user + system) / 1e6;
        entry.cpu = entry.cpu && before && after ? { process: entry.cpu.process + after.process - before.process, eventLoop: entry.cpu.eventLoop + after.eventLoop - before.eventLoop } : undefined;
        entry.machine = entry.machine && machineBefore && machineAfter ? { busy: entry.machine.busy + machineAfter.busy - machineBefore.busy, total: entry.machine.total + machineAfter.total - machineBefore.total } : undefined;
        entry.slices.push(slice);
      }
    }
  } finally {
    for (const { server } of servers) await stopServer(server);
  }
  return servers.map(({ target, server, acknowledged, warm, slices, cpu, machine, clientCpu }) => {
    const seconds = slices.reduce((sum, slice) => sum + slice.duration, 0);
    const run = autocannon.aggregateResult(slices, { url: server.url, connections: CONNECTIONS });
    const all = [warm, ...slices];
    const sum = (key) => all.reduce((total, result) => total + result[key], 0);
    const { rows, missing } = audit(target.database(server.dir), acknowledged);
    return {
      name: target.name,
      rps: run['2xx'] / seconds,
      cpuPerAnswer: cpu === undefined ? undefined : (cpu.process / run['2xx']) * 1e6,
      serverLoad: cpu === undefined ? undefined : cpu.process / seconds,
      eventLoopLoad: cpu === undefined ? undefined : cpu.eventLoop / seconds,
      machineLoad: machine === undefined || !machine.total ? undefined : machine.busy / machine.total,
      clientLoad: clientCpu / seconds,
      p50: run.latency.p50,
      p99: run.latency.p99,
      twoxx: 1 + sum('2xx'),
      other: sum('non2xx'),
      errors: sum('errors') + sum('timeouts'),
      statusCodes: [...new Set(all.flatMap((result) => Object.keys(result.statusCodeStats)))].join(','),
      rows,
      missing,
    };
  });
}

async function main() {
  console.log(
    `bench/ingest: POST /v1/submissions on 127.0.0.1, ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${DURATION} s measured ` +
      `(${ROUNDS} slices each, alternating), each database holding ${PREFILL.toLocaleString('en-GB')} answers from the past year first, ` +
      `collector logLevel ${LOG_LEVEL ?? 'info (default)'}.\n` +
      'Every answer different: Yes / No, written answers, finder searches, poll votes (bench/ingest/answers.mjs). ' +
      'All: SQLite WAL, synchronous FULL or NORMAL as named, group commit (at most 500 rows in one IMMEDIATE transaction), 201 after the commit; the collector commits in its writer thread. ' +
      'Baseline: node:http + JSON.parse + INSERT only (no schema, origin, CORS, headers, rate limits, redaction or logging).',
  );
  const results = await measureAll();

  const percent = (/** @type {number | undefined} */ share) => (share === undefined ? '-' : `${(share * 100).toFixed(0)}%`);
  const rows = [['server', 'req/s (2xx)', 'p50 ms', 'p99 ms', 'CPU µs/2xx', 'server CPU', 'event loop', 'load gen. CPU', 'machine busy', '2xx', 'non-2xx', 'errors', 'rows stored', 'lost']];
  for (const r of results) {
    rows.push([r.name, r.rps.toFixed(0), String(r.p50), String(r.p99), r.cpuPerAnswer === undefined ? '-' : r.cpuPerAnswer.toFixed(0), percent(r.serverLoad), percent(r.eventLoopLoad), percent(r.clientLoad), percent(r.machineLoad), String(r.twoxx), String(r.other), String(r.errors), String(r.rows), String(r.missing)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
  console.log(
    '(req/s, latency, CPU: the measured slices only. CPU µs/2xx: the server process\'s CPU time per answer (less noisy than req/s on a shared\n' +
      ' machine); server / event loop / load gen. CPU: share of one core used by the server process (all its threads) / by its main thread\n' +
      ' / by this process generating the load (near 100%: it is the limit); machine busy: share of all cores in use (near 100%: the\n' +
      ' server and the load generator are competing for the machine).\n' +
      ' 2xx and rows: everything of this run (not the prefill), warm-up and one probe included; rows may exceed 2xx by the requests in flight when each slice stopped,\n' +
      ' committed but never read. lost: acknowledged ids missing from the database)',
  );

  const [baselineFull, collectorFull, baselineNormal, collectorNormal] = results;
  const ratio = collectorFull.rps / baselineFull.rps;
  console.log(`\ncollector/baseline throughput at FULL: ${(ratio * 100).toFixed(1)}% (goal ≥ ${GOAL * 100}%): ${ratio >= GOAL ? 'met' : 'NOT met'}`);
  console.log(`collector at FULL: ${collectorFull.rps.toFixed(0)} answers a second at a p99 of ${collectorFull.p99} ms`);
  console.log(`collector/baseline throughput at NORMAL: ${((collectorNormal.rps / baselineNormal.rps) * 100).toFixed(1)}%; CPU per answer ${(collectorNormal.cpuPerAnswer / baselineNormal.cpuPerAnswer).toFixed(2)}× the baseline's`);

  let failed = false;
  for (const r of results) {
    if (r.rows < r.twoxx || r.missing > 0) {
      console.error(`${r.name}: LOST ANSWERS: ${r.twoxx} answered 2xx, ${r.rows} rows stored, ${r.missing} acknowledged ids missing`);
      failed = true;
    } else {
      console.log(`${r.name}: zero lost (${r.rows} rows stored for ${r.twoxx} 2xx answers)`);
    }
    if (r.other > 0 || r.errors > 0) console.log(`${r.name}: warning: ${r.other} non-2xx answers (status ${r.statusCodes}), ${r.errors} errors or timeouts`);
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench/ingest: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  cleanup();
}
