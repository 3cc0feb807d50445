// Shared by the tests (kept outside test/, which node --test runs file by file): a real
// collector on 127.0.0.1 (port 0) over a real SQLite file in a temporary folder, valid
// submissions to start from, and bounded pools and clients for concurrent sends.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkConfig, DEFAULTS } from '../src/config.js';
import { checkPledgeList } from '../src/pledges/definition.js';
import { participants } from '../src/polls/participants.js';
import { databaseFile, startCollector } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { ORIGIN } from './submissions.js';
import type { Problem } from '../src/errors.js';
import type { CollectorOptions } from '../src/server.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { Submission } from '@tandem/core/schema.js';

export { makeOffer, makeSubmission, OFFER_CONTACT, ORIGIN } from './submissions.js';
export const OTHER_ORIGIN = 'https://other-council.example';

/** A contact key for tests (32 bytes as base64); a real one comes from `tandem-collector contact-key`. */
export const TEST_CONTACT_KEY = Buffer.alloc(32, 7).toString('base64');
/**
 * The environment the example configuration is loaded with in tests: its contact key file is
 * made by `npm start`, so a fresh clone has none, and the key comes from the environment instead.
 */
export const EXAMPLE_ENV = { TANDEM_CONTACT_KEY: TEST_CONTACT_KEY };

/** The example ways to help list, as the configuration loads it. */
export function examplePledgeList() {
  const checked = checkPledgeList(JSON.parse(readFileSync(new URL('../config/pledges/help-your-neighbourhood.json', import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(`The example ways to help list is not valid: ${JSON.stringify(checked.problems)}`);
  return checked.list;
}

export function tempDir(prefix: string = 'tandem-collector-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * @param overrides Config fields to change.
 */
export async function startTestCollector(overrides: Record<string, unknown> = {}, options: CollectorOptions = {}) {
  const dir = tempDir();
  const config = checkConfig({
    ...DEFAULTS,
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    logLevel: 'silent',
    limits: { perIpPerMinute: 100000, perSitePerMinute: 100000, newParticipantsPerAddressPerHour: 100000 },
    sites: [
      { id: 'adult-social-care', origins: [ORIGIN] },
      { id: 'other-site', origins: [OTHER_ORIGIN] },
    ],
    ...overrides,
  });
  // The test keeps a handle on the store to read what was stored.
  const store = options.store ?? openSqliteStore({ file: databaseFile(dir), synchronous: config.synchronous });
  const { app, url } = await startCollector(config, { ...options, store });
  const ids = participants(await store.polls.participantSecret());
  return {
    app,
    url,
    /** A participant id as GET /v1/polls/{id} issues one to a new device (signed with this collector's secret). */
    newParticipant: ids.issue,
    dir,
    config,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What POST /v1/submissions answers: the id stored, or a refusal naming its problems. */
export type ApiAnswer = { id?: string, error?: string, problems?: Problem[], code?: string, field?: string };

/**
 * POSTs to /v1/submissions as the browser does; `body` objects are sent as JSON text, and a
 * header given as null is not sent.
 */
export async function post(url: string, body: unknown, headers: Record<string, string | null> = {}) {
  const all = { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN, ...headers };
  const response = await fetch(`${url}/v1/submissions`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null)) as Record<string, string>,
    body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await response.text();
  let json: ApiAnswer | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * Runs `work` over `items` with at most `concurrency` in flight.
 */
export async function pool<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** A small seeded generator, so a failing hostile body can be found again. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}

/**
 * The command line from source, as \`node\` is given it: through tsx (and
 * @tandem/core's
 *  * source), as the tests themselves run. \`spawn(process.execPath, [...CLI, 'serve'])\`.
 */
export const CLI = ['--import', new URL('../scripts/register-tsx.mjs', import.meta.url).href, '--conditions=tandem-source', fileURLToPath(new URL('../src/cli.ts', import.meta.url))];

/**
 * Writes a collector config file into `dir` (data in `dir` too) and returns its path.
 */
export function writeConfig(dir: string, overrides: Record<string, unknown> = {}) {
  const file = join(dir, 'collector.json');
  const config = {
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    logLevel: 'warn',
    limits: { perIpPerMinute: 1000000, perSitePerMinute: 1000000 },
    sites: [{ id: 'adult-social-care', origins: [ORIGIN] }],
    ...overrides,
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/**
 * Starts `tandem-collector serve` as a child process and waits for the line that gives its URL.
 */
export async function spawnCollector(configFile: string) {
  const child = spawn(process.execPath, [...CLI, 'serve', '--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk;
      const line = buffered.split('\n').find((text) => text.includes('"tandem-collector listening"'));
      if (line) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(JSON.parse(line).url);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`collector exited (${code}) before listening: ${stderr}`)));
  });
  return { child, url: url as string, exited, stderr: () => stderr };
}

/**
 * A lean HTTP client (node:http, kept-alive sockets) for the tests that send thousands of
 * requests; fetch costs several times more per request on the client side.
 */
export function httpClient(maxSockets: number = 32, { localAddress }: { localAddress?: string } = {}) {
  // localAddress: another loopback address (127.0.0.2) stands for another resident or a proxy.
  const agent = new http.Agent({ keepAlive: true, maxSockets, localAddress });
  return {
    request(url: string, { method = 'POST', headers = {}, body }: { method?: string, headers?: Record<string, string>, body?: string | Uint8Array } = {}): Promise<{ status: number, headers: IncomingHttpHeaders, text: string }> {
      return new Promise((resolve, reject) => {
        const req = http.request(url, { method, headers, agent }, (res) => {
          const chunks = [] as Buffer[];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
