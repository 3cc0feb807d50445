// How long a signed-in dashboard page takes while someone sprays the sign-in form with wrong
// passwords. The collector runs in its own process (as in production); this process signs in
// once, times the inbox quietly, then times it again while SPRAY_CLIENTS loops post wrong
// passwords for many emails, from SPRAY_ADDRESSES loopback addresses (127.0.0.2 …).
// SPRAY_PER_MINUTE paces them all together (1380, the rate seen in the attack), so runs
// before and after a change send the same load; 0 sends as fast as answers come back.
// Prints p50/p95 of the page both ways, and how many attempts were made and refused.
// Run: node --import ./scripts/register-tsx.mjs --conditions=tandem-source scripts/sign-in-spray.ts
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { browserish } from '../test-support/dashboard.js';
import { CLI, tempDir, writeConfig } from '../test-support/helpers.js';

const CLIENTS = Number(process.env.SPRAY_CLIENTS) || 16;
const ADDRESSES = Number(process.env.SPRAY_ADDRESSES) || 1;
const SPRAY_MS = Number(process.env.SPRAY_MS) || 8000;
const PER_MINUTE = Number(process.env.SPRAY_PER_MINUTE ?? 1380);
const PAGES = 30;
const STAFF = { email: 'officer@example-council.gov.uk', password: 'a long staff password 1' };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms (${sorted.length} pages)`;
};

async function startServer(dir: string) {
  const config = writeConfig(dir);
  const added = spawnSync(process.execPath, [...CLI, 'user', 'add', STAFF.email, '--password-stdin', '--config', config], { input: `${STAFF.password}\n`, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(added.stderr);
  const child = spawn(process.execPath, [...CLI, 'serve', '--config', config], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const listening = /"url":"([^"]+)"/.exec(out);
      if (listening) resolve(listening[1] as string);
    });
    child.once('exit', () => reject(new Error(out)));
  });
  return { child, url };
}

async function timePages(client: ReturnType<typeof browserish>) {
  const times: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const start = performance.now();
    const page = await client.request('/dashboard');
    times.push(performance.now() - start);
    if (page.status !== 200) throw new Error(`inbox answered ${page.status}`);
  }
  return times;
}

async function spray(url: string, until: number, tally: Map<number, number>, index: number) {
  const attacker = browserish(url, {}, { from: `127.0.0.${2 + (index % ADDRESSES)}` });
  const token = attacker.tokenIn((await attacker.request('/dashboard/sign-in')).text);
  const everyMs = PER_MINUTE ? (60000 * CLIENTS) / PER_MINUTE : 0;
  const start = Date.now() + (everyMs * index) / CLIENTS;
  for (let n = 0; Date.now() < until; n++) {
    const due = start + n * everyMs - Date.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    const response = await attacker.request('/dashboard/sign-in', { method: 'POST', form: { _csrf: token, email: `person${n % 50}@example-council.gov.uk`, password: `guess ${n}` } });
    tally.set(response.status, (tally.get(response.status) ?? 0) + 1);
  }
}

const dir = tempDir();
const server = await startServer(dir);
try {
  const staff = browserish(server.url);
  await staff.signIn(STAFF.email, STAFF.password);
  await timePages(staff); // warm up
  const quiet = await timePages(staff);
  const tally: Map<number, number> = new Map();
  const until = Date.now() + SPRAY_MS;
  const sprays = Array.from({ length: CLIENTS }, (_, i) => spray(server.url, until, tally, i));
  await new Promise((resolve) => setTimeout(resolve, 500)); // the spray under way
  const busy = await timePages(staff);
  await Promise.all(sprays);
  const attempts = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`inbox, quiet:         ${summary(quiet)}`);
  console.log(`inbox, during spray:  ${summary(busy)}`);
  console.log(`spray: ${PER_MINUTE ? `paced at ${PER_MINUTE} a minute, ` : ''}${CLIENTS} clients from ${ADDRESSES} address(es), ${attempts} attempts in ${SPRAY_MS / 1000} s (${Math.round((attempts * 60000) / SPRAY_MS)} a minute); by status: ${JSON.stringify(Object.fromEntries(tally))}`);
} finally {
  server.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
