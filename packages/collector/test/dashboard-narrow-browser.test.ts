// The dashboard on a phone and after a form error, in headless Chromium: no page scrolls
// sideways at 320 CSS pixels (WCAG 1.4.10), and a page shown again with errors starts with
// focus on its error summary, as GOV.UK's does, so a screen reader hears what to fix first.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../src/dashboard/passwords.js';
import { expectNoAxeViolations, openBrowser } from '../test-support/browser.js';
import { STAFF, storeAnswer } from '../test-support/dashboard.js';
import { post } from '../test-support/helpers.js';
import { POLL, startPollCollector, statement, vote } from '../test-support/polls.js';

let collector: Awaited<ReturnType<typeof startPollCollector>>;
let browser: import('puppeteer-core').Browser;
let page: import('puppeteer-core').Page;

before(async () => {
  collector = await startPollCollector();
  await collector.store.staff.saveUser(STAFF.email, await hashPassword(STAFF.password), Date.now());
  await storeAnswer(collector.store, { answers: { reason: 'problem', trying: 'Apply for a blue badge for my father who cannot walk far', wrong: 'TheFormRefusedHisNationalInsuranceNumberEveryTimeWithoutSayingWhy' } });
  await post(collector.url, vote(collector.newParticipant(), 'overall', '4'));
  await post(collector.url, statement(collector.newParticipant(), 'The minibus is often late in the mornings'));
  ({ browser, page } = await openBrowser());
});
after(async () => {
  await browser?.close();
  await collector?.close();
});

const signIn = async () => {
  await page.goto(`${collector.url}/dashboard/sign-in`);
  await page.type('#email', STAFF.email);
  await page.type('#password', STAFF.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
};
/** How far the page scrolls sideways, in CSS pixels. */
const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** Where focus is when the page has loaded. */
const focused = () => page.evaluate(() => document.activeElement?.className ?? '');

describe('the dashboard at 320 CSS pixels', () => {
  const PAGES = ['/dashboard', '/dashboard?view=quarantine', '/dashboard/finder', '/dashboard/polls', `/dashboard/polls/${POLL}`, `/dashboard/polls/${POLL}/statements`, `/dashboard/polls/${POLL}/statements?status=published`, '/dashboard/polls/new', '/dashboard/polls/policies/adult-social-care'];

  before(async () => {
    await page.setViewport({ width: 320, height: 640 });
    await signIn();
  });

  for (const path of PAGES) {
    it(`${path} does not scroll sideways`, async () => {
      const response = await page.goto(`${collector.url}${path}`);
      assert.equal(response?.status(), 200);
      assert.equal(await sideways(), 0);
    });
  }
});

describe('after a form error', () => {
  it('the sign-in page starts on its error summary', async () => {
    const context = await browser.createBrowserContext();
    const fresh = await context.newPage();
    await fresh.setBypassCSP(true);
    try {
      await fresh.goto(`${collector.url}/dashboard/sign-in`);
      await fresh.type('#email', STAFF.email);
      await fresh.type('#password', 'not the password at all');
      await Promise.all([fresh.waitForNavigation(), fresh.click('button[type=submit]')]);
      assert.match(await fresh.title(), /^Error:/);
      assert.equal(await fresh.evaluate(() => document.activeElement?.className), 'error-summary');
    } finally {
      await context.close();
    }
  });

  it('a poll form shown again with errors starts on its error summary, and stays axe-clean', async () => {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${collector.url}/dashboard/polls/new`);
    await Promise.all([page.waitForNavigation(), page.click('form .button-group .button')]);
    assert.match(await page.title(), /^Error: Create a poll/);
    assert.equal(await focused(), 'error-summary');
    await expectNoAxeViolations(page);
  });
});
