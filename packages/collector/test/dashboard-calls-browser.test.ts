// Calls for help in headless Chromium: axe (WCAG 2.2 AA and best practice) on the list and its
// business case, the new call form and its errors, a call with residents to ask and residents
// asked, and a closed call; creating a call and recording whom you asked by keyboard alone;
// and no page scrolling sideways at 320 CSS pixels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectNoAxeViolations, openBrowser, signInAsStaff } from '../test-support/browser.js';
import { STAFF, startDashboard } from '../test-support/dashboard.js';
import { examplePledgeList, makeOffer, post, TEST_CONTACT_KEY } from '../test-support/helpers.js';
import type { Browser, Page } from 'puppeteer-core';

const offers = ['Ann Smith', 'Bob Jones'].map((name) =>
  makeOffer({ answers: { ways: ['befriending-calls'], areas: ['home'], when: ['now-and-then'], often: 'weekly', age: 'adult' }, contact: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com`, prefer: 'email' } }));
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

let collector: Awaited<ReturnType<typeof startDashboard>>;
let browser: Browser;
let page: Page;
let callPath = '';

before(async () => {
  collector = await startDashboard({ pledges: [examplePledgeList()], contactKey: TEST_CONTACT_KEY, valuePerVolunteerHour: 12.6 });
  for (const offer of offers) assert.equal((await post(collector.url, offer)).status, 201);
  ({ browser, page } = await openBrowser());
  await signInAsStaff(page, collector.url, STAFF);
});
after(async () => {
  await browser?.close();
  await collector?.close();
});

const open = async (path: string) => {
  const response = await page.goto(`${collector.url}${path}`);
  assert.equal(response?.status(), 200, path);
};
const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
/** Tab until focus is on the element with this id. */
async function tabTo(id: string) {
  for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), id);
}

describe('calls for help in Chromium', () => {
  it('the list with no calls yet, and its business case, are axe-clean', async () => {
    await open('/dashboard/offers/calls');
    assert.ok((await page.content()).includes('There are no calls for help yet.'));
    await expectNoAxeViolations(page);
  });

  it('the new call form and its errors are axe-clean, and the errors come first, focused', async () => {
    await open('/dashboard/offers/calls/new');
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.click('main form .button')]);
    assert.match(await page.title(), /^Error: Create a call for help/);
    assert.equal(await focused(), 'error-summary');
    await expectNoAxeViolations(page);
  });

  it('creates a call by keyboard alone', async () => {
    await open('/dashboard/offers/calls/new');
    await tabTo('way');
    await page.keyboard.type('Befriending');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'area');
    await page.keyboard.type('From home');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'date');
    // Chromium's date field takes its parts in the browser locale's order (here month, day, year); Tab steps through them.
    await page.keyboard.type(`0505${NEXT_YEAR}`);
    assert.equal(await page.$eval('#date', (date) => (date as HTMLInputElement).value), `${NEXT_YEAR}-05-05`);
    await tabTo('start');
    await page.keyboard.type('1830');
    assert.equal(await page.$eval('#start', (start) => (start as HTMLInputElement).value), '18:30');
    await tabTo('people');
    await page.keyboard.type('2');
    await tabTo('details');
    await page.keyboard.type('Calls from home, an hour each');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(new URL(page.url()).pathname, /^\/dashboard\/offers\/calls\/[0-9a-f-]{36}$/);
    callPath = new URL(page.url()).pathname;
    assert.equal(await page.$eval('.notice', (notice) => notice.textContent?.trim()), 'The call for help has been created.');
    assert.match(await page.$eval('h1', (h1) => h1.textContent ?? ''), /^Call for help: Befriending phone calls, \d{4}-05-05 18:30$/);
  });

  it('a call with residents to ask is axe-clean, and staff record whom they asked by keyboard', async () => {
    await open(callPath);
    await expectNoAxeViolations(page);
    await tabTo('offers-first');
    await page.keyboard.press('Space');
    await tabTo('');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Record that you asked them'; i++) await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.$eval('.notice', (notice) => notice.textContent?.trim()), 'Recorded whom you asked.');
    assert.equal((await collector.store.calls.asks(callPath.split('/').pop() as string)).length, 1);
    await expectNoAxeViolations(page);
  });

  it('a closed call, and the list with its hours, are axe-clean', async () => {
    await open(callPath);
    const offerId = (await collector.store.calls.asks(callPath.split('/').pop() as string))[0]?.offerId;
    await page.select(`#answer-${offerId}`, 'yes');
    await page.type(`#hours-${offerId}`, '1.5');
    await Promise.all([page.waitForNavigation(), page.click(`form:has(#hours-${offerId}) button`)]);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/status"] button')]);
    assert.ok((await page.content()).includes('This call is done.'));
    await expectNoAxeViolations(page);
    await open('/dashboard/offers/calls');
    assert.ok((await page.content()).includes('£18.90'));
    await expectNoAxeViolations(page);
  });

  it('no calls page scrolls sideways at 320 CSS pixels', async () => {
    await page.setViewport({ width: 320, height: 640 });
    try {
      for (const path of ['/dashboard/offers/calls', '/dashboard/offers/calls/new', callPath]) {
        await open(path);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, path);
      }
    } finally {
      await page.setViewport({ width: 1280, height: 900 });
    }
  });
});
