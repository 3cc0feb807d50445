// bench/poll: a poll with 1,000,000 answers. Prints the time to serve its results over HTTP
// (GET /v1/polls/{id}, p50/p95, with and without a participant; issue 5's goal: ≤ 20 ms) and
// the rate at which the collector takes votes through POST /v1/submissions, then checks that
// the results still count every acknowledged vote exactly once.
//
// Needs the build (`npm run build`): it runs the compiled collector (packages/collector/dist).
// The answers are stored through the store's own submissions.save (the path every POST takes,
// counters moved in the same transaction), in this process, before the collector starts in a
// child process on 127.0.0.1 over the same database, in a temporary folder removed at the end.
//
// Exit code 1 if the results do not add up or the collector failed; the 20 ms goal is printed,
// not enforced: timings on a small shared machine are noisy.
//
// Settings (environment): BENCH_POLL_ANSWERS (1000000), BENCH_POLL_READS requests timed for
// each latency figure (2000), BENCH_DURATION seconds of voting (10), BENCH_CONNECTIONS (50);
// BENCH_PROFILE_DIR: write a V8 CPU profile of the collector there (node --cpu-prof).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const ROOT = resolve(import.meta.dirname, '..');
const COLLECTOR = join(ROOT, 'packages/collector/dist');
const { openSqliteStore } = await import(pathToFileURL(join(COLLECTOR, 'store/sqlite.js')).href);
const { toRecord } = await import(pathToFileURL(join(COLLECTOR, 'submission.js')).href);
const { checkPollAnswer } = await import(pathToFileURL(join(COLLECTOR, 'polls/answer.js')).href);
const { participants } = await import(pathToFileURL(join(COLLECTOR, 'polls/participants.js')).href);
const { checkPoll } = await import(pathToFileURL(join(COLLECTOR, 'polls/definition.js')).href);

const setting = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return Math.round(value);
};
const ANSWERS = setting('BENCH_POLL_ANSWERS', 1_000_000);
const READS = setting('BENCH_POLL_READS', 2000);
const DURATION = setting('BENCH_DURATION', 10);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 50);
const GOAL_MS = 20;

const SITE = 'bench';
const ORIGIN = 'http://bench.example';
const RESIDENT_STATEMENTS = 10;
const example = JSON.parse(readFileSync(join(ROOT, 'packages/collector/config/polls/day-centres-2026.json'), 'utf8'));
const POLL = { ...example, id: 'bench-poll', site: SITE, opensAt: new Date(Date.now() - 86400000).toISOString(), closesAt: new Date(Date.now() + 86400000 * 30).toISOString() };
const CHOICES = { overall: ['1', '2', '3', '4', '5'], mood: ['1', '2', '3', '4', '5'], visits: ['weekly', 'monthly', 'less-often', 'first-time'], transport: ['agree', 'disagree', 'unsure'] };

/** A poll answer as <tandem-poll> sends it. */
const answer = (participant, answers, fillMs = 300) => ({
  id: randomUUID(),
  site: SITE,
  widget: 'poll',
  instance: POLL.id,
  page: { url: `${ORIGIN}/day-centres`, title: 'Day centres' },
  lang: 'en-GB',
  answers,
  signals: { honeypot: false, fillMs },
  clientTime: new Date().toISOString(),
  sdkVersion: '0.1.0',
  participant,
});

// ---- temporary files and the child process, released whatever happens ---------------------

const tmp = mkdtempSync(join(tmpdir(), 'tandem-bench-poll-'));
/** @type {import('node:child_process').ChildProcess | undefined} */
let child;
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (cleanup(), process.exit(130)));

// ---- fill ------------------------------------------------------------------------------------

async function fill(file) {
  // The fill is not what is measured: synchronous=NORMAL spares it a disk sync per batch.
  const store = openSqliteStore({ file, synchronous: 'normal' });
  const checked = checkPoll(POLL);
  if (!checked.ok) throw new Error(`bench poll: ${JSON.stringify(checked.problems)}`);
  await store.polls.syncFiles([checked.poll], Date.now());
  const { issue, issued } = participants(await store.polls.participantSecret());

  // Residents' statements, published, so that results carry residents' questions too.
  const save = async (submission) => {
    const result = await checkPollAnswer(store, submission, Date.now(), issued);
    if (!result.ok) throw new Error(`bench answer refused: ${result.code}`);
    return store.submissions.save({ ...toRecord(submission, Date.now()), poll: result.action });
  };
  for (let i = 0; i < RESIDENT_STATEMENTS; i++) await save(answer(issue(), { statement: `Resident statement number ${i} about the day centres` }, 9000));
  const statements = await store.polls.listStatements(POLL.id, { status: 'pending', limit: RESIDENT_STATEMENTS, offset: 0 });
  for (const s of statements) await store.polls.moderateStatement(POLL.id, s.id, { status: 'published', reason: null, by: 'bench', at: Date.now() });
  const questions = [...Object.keys(CHOICES), ...statements.map((s) => `s-${s.id}`)];

  // Five answers a participant: the four staff questions and one resident statement.
  const perParticipant = 5;
  const started = performance.now();
  let stored = 0;
  let participant = randomUUID();
  const expected = /** @type {Record<string, number>} */ ({});
  const batch = [];
  for (let n = 0; n < ANSWERS; n++) {
    const slot = n % perParticipant;
    if (slot === 0) participant = randomUUID();
    const question = slot < 4 ? /** @type {string} */ (questions[slot]) : /** @type {string} */ (questions[4 + (Math.floor(n / perParticipant) % statements.length)]);
    const options = CHOICES[question] ?? CHOICES.transport;
    const choice = options[(n * 7919) % options.length];
    expected[question] = (expected[question] ?? 0) + 1;
    // The definition is known and open, so the record is built as the route would, without a lookup per answer.
    const submission = answer(participant, { question, choice });
    batch.push(store.submissions.save({ ...toRecord(submission, Date.now()), poll: { kind: 'vote', pollId: POLL.id, question, choice } }));
    if (batch.length === 5000) {
      for (const outcome of await Promise.all(batch.splice(0))) if (outcome === 'created') stored++;
      if (stored % 200_000 === 0) process.stdout.write(`  ${stored.toLocaleString('en-GB')} answers stored\n`);
    }
  }
  for (const outcome of await Promise.all(batch.splice(0))) if (outcome === 'created') stored++;
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  // Votes over HTTP carry participant ids this database's collector signs, as its widgets get them.
  return { stored, seconds, expected, issue };
}

// ---- the collector ---------------------------------------------------------------------------

async function startCollector() {
  const pollFile = join(tmp, 'bench-poll.json');
  writeFileSync(pollFile, JSON.stringify(POLL));
  const config = {
    host: '127.0.0.1', port: 0, dataDir: tmp, bundleDir: null, examplesDir: null, logLevel: 'warn',
    limits: { perIpPerMinute: 1_000_000_000, perSitePerMinute: 1_000_000_000, perParticipantPerMinute: 1_000_000_000, newParticipantsPerAddressPerHour: 1_000_000_000 },
    sites: [{ id: SITE, origins: [ORIGIN], perMinute: 1_000_000_000 }],
    polls: [pollFile],
  };
  const configFile = join(tmp, 'collector.json');
  writeFileSync(configFile, JSON.stringify(config));
  const logFile = join(tmp, 'output.log');
  const fd = openSync(logFile, 'a');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TANDEM_') && key !== 'PORT'));
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFILE_DIR)}`, '--cpu-prof-name=collector.cpuprofile'] : [];
  child = spawn(process.execPath, [...profile, join(COLLECTOR, 'cli.js'), 'serve', '--config', configFile], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const started = Date.now();
  for (;;) {
    const line = readFileSync(logFile, 'utf8').split('\n').find((text) => text.includes('"tandem-collector listening"'));
    if (line) return JSON.parse(line).url;
    if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`the collector did not start:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** One GET, timed from the request to the last byte of the body. */
function timedGet(url) {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    http.get(url, { agent, headers: { Origin: ORIGIN } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    }).on('error', fail);
  });
}

/** CPU seconds a process has used (Linux /proc), or undefined elsewhere: less noisy than rates on a shared machine. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ, 100 on Linux)
  } catch {
    return undefined;
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** One request at a time (so each figure is the time to serve, not time queued). */
async function latency(url) {
  for (let i = 0; i < 50; i++) await timedGet(url); // warm-up
  const times = [];
  let last;
  for (let i = 0; i < READS; i++) {
    last = await timedGet(url);
    if (last.status !== 200) throw new Error(`GET ${url} answered ${last.status}: ${last.body.slice(0, 300)}`);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), body: JSON.parse(last.body) };
}

/** Votes from new participants on every question, for DURATION seconds; counts the 2xx per question. */
async function vote(url, questions, newParticipant) {
  const acknowledged = /** @type {Record<string, number>} */ ({});
  const pending = new Map();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/v1/submissions',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN },
        setupRequest: (req, context) => {
          const question = questions[Math.floor(Math.random() * questions.length)];
          const options = CHOICES[question] ?? CHOICES.transport;
          const submission = answer(newParticipant(), { question, choice: options[Math.floor(Math.random() * options.length)] });
          pending.set(submission.id, question);
          return { ...req, body: JSON.stringify(submission) };
        },
        onResponse: (status, body) => {
          if (status !== 201) return;
          const id = JSON.parse(body).id;
          const question = pending.get(id);
          acknowledged[question] = (acknowledged[question] ?? 0) + 1;
          pending.delete(id);
        },
      },
    ],
  });
  return { result, acknowledged };
}

async function main() {
  console.log(`bench/poll: a poll with ${ANSWERS.toLocaleString('en-GB')} answers (4 staff questions and ${RESIDENT_STATEMENTS} residents' statements; SQLite WAL, synchronous=FULL).`);
  const { stored, seconds, expected, issue } = await fill(join(tmp, 'tandem.sqlite'));
  console.log(`filled: ${stored.toLocaleString('en-GB')} answers through the store's saveSubmission in ${seconds.toFixed(1)} s (${Math.round(stored / seconds).toLocaleString('en-GB')} a second; no HTTP, synchronous=NORMAL)`);

  const url = await startCollector();
  const read = `${url}/v1/polls/${POLL.id}?site=${SITE}`;
  const plain = await latency(read);
  const withMine = await latency(`${read}&participant=${encodeURIComponent(issue())}`);
  const totals = Object.fromEntries(plain.body.questions.map((q) => [q.id, q.results.total]));
  let failed = false;
  for (const [question, count] of Object.entries(expected)) {
    if (totals[question] !== count) {
      console.error(`results do not add up: ${question} has ${totals[question]}, expected ${count}`);
      failed = true;
    }
  }
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  console.log(`\nGET /v1/polls/{id} at ${sum.toLocaleString('en-GB')} answers counted, one request at a time (${READS} each, ${Buffer.byteLength(JSON.stringify(plain.body))} bytes):`);
  const row = (name, r) => `  ${name.padEnd(20)} p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  goal ≤ ${GOAL_MS} ms: ${r.p95 <= GOAL_MS ? 'met' : 'NOT met'}`;
  console.log(row('results', plain));
  console.log(row('with a participant', withMine));

  const questions = plain.body.questions.map((q) => q.id);
  const cpuBefore = cpuSeconds(child.pid);
  const { result, acknowledged } = await vote(url, questions, issue);
  const cpuAfter = cpuSeconds(child.pid);
  const created = Object.values(acknowledged).reduce((a, b) => a + b, 0);
  const cpuPerVote = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) / created) * 1e6;
  console.log(`\nPOST /v1/submissions, votes from new participants, ${CONNECTIONS} connections for ${DURATION} s:`);
  console.log(`  ${Math.round(created / DURATION).toLocaleString('en-GB')} votes a second stored (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${result.non2xx} non-2xx, ${result.errors + result.timeouts} errors)`);
  if (cpuPerVote !== undefined) console.log(`  collector CPU per vote: ${Math.round(cpuPerVote)} µs (${Math.round(((cpuAfter - cpuBefore) / DURATION) * 100)}% of one core; compare bench/ingest's CPU µs/2xx for feedback)`);

  const after = (await timedGet(read)).body;
  const afterTotals = Object.fromEntries(JSON.parse(after).questions.map((q) => [q.id, q.results.total]));
  for (const question of questions) {
    // Requests in flight when the run stopped may be counted without being read: at most CONNECTIONS of them.
    const extra = afterTotals[question] - totals[question] - (acknowledged[question] ?? 0);
    if (extra < 0 || extra > CONNECTIONS) {
      console.error(`votes lost or double-counted on ${question}: ${acknowledged[question] ?? 0} acknowledged, results moved by ${afterTotals[question] - totals[question]}`);
      failed = true;
    }
  }
  if (!failed) console.log(`  every acknowledged vote counted once (results now ${Object.values(afterTotals).reduce((a, b) => a + b, 0).toLocaleString('en-GB')} answers)`);
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench/poll: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  agent.destroy();
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((done) => { const t = setTimeout(done, 15000); child.once('exit', () => (clearTimeout(t), done())); });
  }
  cleanup();
}
