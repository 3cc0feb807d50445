// End to end, as it happens for real: the collector started by its command line (as `npm
// start` does), the example council page in Chromium, a resident who answers with the keyboard
// alone, and a member of staff who signs in and finds that answer in the dashboard.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, it } from 'node:test';
import puppeteer from 'puppeteer-core';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'packages/collector/src/cli.js');
const STAFF = { email: 'officer@example-council.gov.uk', password: 'correct horse battery staple 7' };
const ANSWER = { trying: 'Find out how much home care costs', wrong: 'I could not see the prices. Call me on 07700 900123' };

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

let dir = '';
let origin = '';
/** @type {import('node:child_process').ChildProcess | undefined} */
let collector;
/** @type {import('puppeteer-core').Browser | undefined} */
let browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
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
    }),
  );
  const added = spawnSync(process.execPath, [CLI, 'user', 'add', STAFF.email, '--password-stdin', '--config', config], { input: `${STAFF.password}\n`, encoding: 'utf8' });
  assert.equal(added.status, 0, added.stderr);

  collector = spawn(process.execPath, [CLI, 'serve', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('the collector did not start')), 15000);
    collector?.stdout?.on('data', (chunk) => {
      if (String(chunk).includes(origin)) clearTimeout(timer), ready(undefined);
    });
    collector?.on('exit', (code) => fail(new Error(`the collector exited with ${code}`)));
  });
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  collector?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** The id of the focused control inside <tandem-feedback>, if focus is there. */
const focusedInWidget = (page) => page.evaluate(() => document.activeElement?.localName === 'tandem-feedback' ? document.activeElement.shadowRoot?.activeElement?.id : undefined);

async function tabTo(page, id) {
  for (let i = 0; i < 40; i += 1) {
    if ((await focusedInWidget(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

it('a resident reports a problem with the keyboard; staff see it, redacted, in the dashboard', async () => {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('tandem-feedback')?.shadowRoot?.getElementById('no'));

  // "Is this page useful?" → No, then the form, all by keyboard.
  await tabTo(page, 'no');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('tandem-feedback')?.shadowRoot?.activeElement?.id === 'trying');
  // At a person's pace: a form filled faster than 2 s is held back as a likely bot.
  await page.keyboard.type(ANSWER.trying, { delay: 25 });
  await page.keyboard.press('Tab');
  await page.keyboard.type(ANSWER.wrong, { delay: 25 });
  await tabTo(page, 'send');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('tandem-feedback')?.getAttribute('state') === 'sent', { timeout: 10000 });
  assert.deepEqual(pageErrors, []);

  // Staff sign in by keyboard and find the answer.
  await page.goto(`${origin}/dashboard`, { waitUntil: 'networkidle0' });
  await page.focus('#email');
  await page.keyboard.type(STAFF.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(STAFF.password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /Find out how much home care costs/);
  assert.match(text, /I could not see the prices\. Call me on \[phone\]/, 'the phone number was removed before it left the page');
  assert.doesNotMatch(text, /07700 900123/);
});
