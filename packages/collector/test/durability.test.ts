// Durability: the collector runs as its own process under steady load and is killed with
// SIGKILL, again and again. Every submission that got a 2xx must be in the database after, and
// a retry of one must be answered 200 (found), never 201 (which would mean it had been lost).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import Database from 'better-sqlite3';
import { httpClient, makeSubmission, ORIGIN, random, spawnCollector, tempDir, writeConfig } from '../test-support/helpers.js';

const ROUNDS = 5;
const WORKERS = 16;
/** Each kill comes after at least this many answers in the round, and a random 300–800 ms. */
const MIN_ACKS = 60;
const rng = random(7);
const dir = tempDir('tandem-durability-');
after(() => rmSync(dir, { recursive: true, force: true }));

it(`keeps every acknowledged submission through ${ROUNDS} SIGKILLs under load`, { timeout: 60000 }, async () => {
  const configFile = writeConfig(dir);
  const acknowledged: Map<string, object> = new Map();
  const retriesLost = [] as string[];
  let requests = 0;
  let failed = 0;

  for (let round = 0; round < ROUNDS; round++) {
    const server = await spawnCollector(configFile);
    const client = httpClient(WORKERS);
    let killed = false;
    let roundAcks = 0;
    const earlier = [...acknowledged.values()];
    const killAfter = performance.now() + 300 + rng.int(500);
    // Killed from inside the load, so the other workers' requests are in flight.
    const maybeKill = () => {
      if (killed || roundAcks < MIN_ACKS || performance.now() < killAfter) return;
      killed = true;
      server.child.kill('SIGKILL');
    };

    const worker = async () => {
      while (!killed) {
        // Mostly new answers; some retries of answers acknowledged before an earlier kill.
        const retry = earlier.length > 0 && rng.next() < 0.2;
        const submission = ((retry ? rng.pick(earlier) : makeSubmission()) as { id: string });
        requests++;
        try {
          const response = await client.request(`${server.url}/v1/submissions`, {
            headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN },
            body: JSON.stringify(submission),
          });
          if (response.status === 201 || response.status === 200) acknowledged.set(submission.id, submission);
          else assert.fail(`unexpected ${response.status}: ${response.text}`);
          if (retry && response.status !== 200) retriesLost.push(submission.id);
          roundAcks++;
          maybeKill();
        } catch (error) {
          // Only the kill may break a request.
          if (!killed) throw error;
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const { signal } = await server.exited as { signal: string };
    assert.equal(signal, 'SIGKILL');
    client.close();
  }

  const db = new Database(join(dir, 'tandem.sqlite'), { readonly: true });
  const stored = new Set(db.prepare('SELECT id FROM submissions').pluck().all());
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
  const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
  console.log(
    `# durability: ${ROUNDS} kills, ${requests} requests, ${acknowledged.size} acknowledged, ${stored.size} rows, ${failed} cut off by a kill, ${missing.length} missing`,
  );
  assert.ok(acknowledged.size >= ROUNDS * MIN_ACKS * 0.8, 'the load was steady');
  assert.deepEqual(missing, [], 'every acknowledged submission is stored');
  assert.deepEqual(retriesLost, [], 'every retry of an acknowledged submission was found');
  // Rows beyond the acknowledged ones were committed just before a kill cut off their answer;
  // the browser's outbox retries those and gets 200.
  assert.ok(stored.size >= acknowledged.size);
});
