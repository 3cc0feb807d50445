// End to end, as it happens for real: the collector started by its command line (as `npm
// start` does), the example council page in Chromium, a resident who answers with the keyboard
// alone, and a member of staff who signs in and finds that answer in the dashboard.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { launchBrowser, signIn, startCollector, tabTo } from './support.mjs';

const ANSWER = { trying: 'Find out how much home care costs', wrong: 'I could not see the prices. Call me on 07700 900123' };

/** @type {Awaited<ReturnType<typeof startCollector>>} */
let collector;
/** @type {import('puppeteer-core').Browser} */
let browser;

before(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  collector?.stop();
});

it('a resident reports a problem with the keyboard; staff see it, redacted, in the dashboard', async () => {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(`${collector.origin}/`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('tandem-feedback')?.shadowRoot?.getElementById('no'));

  // "Is this page useful?" → No, then the form, all by keyboard.
  await tabTo(page, 'tandem-feedback', 'no');
  await page.keyboard.press('Enter');
  // Focus starts at the form's heading, before the privacy warning; the first field is one Tab on.
  await page.waitForFunction(() => document.querySelector('tandem-feedback')?.shadowRoot?.activeElement?.id === 'form-heading');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('tandem-feedback')?.shadowRoot?.activeElement?.id === 'trying');
  // At a person's pace: a form filled faster than 2 s is held back as a likely bot.
  await page.keyboard.type(ANSWER.trying, { delay: 25 });
  await page.keyboard.press('Tab');
  await page.keyboard.type(ANSWER.wrong, { delay: 25 });
  await tabTo(page, 'tandem-feedback', 'send');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('tandem-feedback')?.getAttribute('state') === 'sent', { timeout: 10000 });
  assert.deepEqual(pageErrors, []);

  // Staff sign in by keyboard and find the answer.
  await signIn(page, collector.origin);
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /Find out how much home care costs/);
  assert.match(text, /I could not see the prices\. Call me on \[phone\]/, 'the phone number was removed before it left the page');
  assert.doesNotMatch(text, /07700 900123/);
});
