// What the end-to-end tests share: the collector started by its own command line (as `npm
// start` does) on a free loopback port, with a staff account, and headless Chromium.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
// The compiled collector, as `npm start` runs it (the root `npm test` builds it first).
const CLI = join(ROOT, 'packages/collector/dist/cli.js');
export const STAFF = { email: 'officer@example-council.gov.uk', password: 'correct horse battery staple 7' };

/** A port that was free a moment ago: the site's allowed origin must name it before start. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/**
 * Starts the collector serving the example site for site "adult-social-care", with STAFF able
 * to sign in. `extra(dir)` adds to the configuration (polls, say); files it names go in `dir`.
 * @param {(dir: string) => Record<string, unknown>} [extra]
 */
export async function startCollector(extra = () => ({})) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = join(dir, 'collector.json');
  writeFileSync(
    config,
    JSON.stringify({
      host: '127.0.0.1',
      port,
      dataDir: join(dir, 'data'),
      bundleDir: join(ROOT, 'packages/embed/dist/cdn'),
      examplesDir: join(ROOT, 'examples/adult-social-care'),
      sites: [{ id: 'adult-social-care', origins: [origin] }],
      ...extra(dir),
    }),
  );
  const added = spawnSync(process.execPath, [CLI, 'user', 'add', STAFF.email, '--password-stdin', '--config', config], { input: `${STAFF.password}\n`, encoding: 'utf8' });
  assert.equal(added.status, 0, added.stderr);

  const child = spawn(process.execPath, [CLI, 'serve', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('the collector did not start')), 15000);
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes(origin)) clearTimeout(timer), ready(undefined);
    });
    child.on('exit', (code) => fail(new Error(`the collector exited with ${code}`)));
  });
  return {
    origin,
    /** The collector's data folder (its SQLite database is `tandem.sqlite` there). */
    dataDir: join(dir, 'data'),
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the collector as startCollector does, with one poll configured from its definition.
 * @param {Record<string, unknown>} poll  @param {Record<string, unknown>} [more]  More configuration.
 */
export function startCollectorWithPoll(poll, more = {}) {
  return startCollector((dir) => {
    writeFileSync(join(dir, 'poll.json'), JSON.stringify(poll));
    return { polls: [join(dir, 'poll.json')], ...more };
  });
}

/** The example's ways to help list, with a fresh contact key of its own. */
export function exampleOffersOfHelp() {
  return {
    pledges: [join(ROOT, 'packages/collector/config/pledges/help-your-neighbourhood.json')],
    contactKey: randomBytes(32).toString('base64'),
  };
}

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Presses Tab until focus is on the control with this id inside the widget `tag`.
 * @param {import('puppeteer-core').Page} page  @param {string} tag  @param {string} id
 */
export async function tabTo(page, tag, id) {
  for (let i = 0; i < 60; i += 1) {
    const focused = await page.evaluate((name) => (document.activeElement?.localName === name ? document.activeElement.shadowRoot?.activeElement?.id : undefined), tag);
    if (focused === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id} in <${tag}>`);
}

/** Staff sign in to the dashboard by keyboard. @param {import('puppeteer-core').Page} page  @param {string} origin */
export async function signIn(page, origin) {
  await page.goto(`${origin}/dashboard`, { waitUntil: 'networkidle0' });
  await page.focus('#email');
  await page.keyboard.type(STAFF.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(STAFF.password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}
