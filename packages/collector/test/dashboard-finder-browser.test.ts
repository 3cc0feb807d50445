// The finder's dashboard page in headless Chromium: axe (WCAG 2.2 AA and best practice) with
// and without data, with a cost per contact and without, on a phone-sized screen too; the
// site and period chosen with the keyboard; residents' words shown as inert text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectNoAxeViolations, openBrowser } from '../test-support/browser.js';
import { toRecord } from '../src/submission.js';
import { STAFF, startDashboard } from '../test-support/dashboard.js';
import { makeSubmission } from '../test-support/helpers.js';
import type { Browser, Page } from 'puppeteer-core';

const XSS = '<img src=x onerror=alert(1)>';
const DAY = 24 * 60 * 60 * 1000;

const collectors: Awaited<ReturnType<typeof startDashboard>>[] = [];
let browser: Browser;
let page: Page;
let dialogs: string[] = [];

async function finder(collector: Awaited<ReturnType<typeof startDashboard>>, answers: Record<string, string | number | boolean>, ago: number) {
  const submission = makeSubmission({ widget: 'finder', instance: 'finder', answers, signals: { honeypot: false, fillMs: 15000 } });
  await collector.store.submissions.save(toRecord(submission, Date.now() - ago));
}

before(async () => {
  const withData = await startDashboard({ costPerContact: 3.39 });
  const empty = await startDashboard();
  collectors.push(withData, empty);
  await finder(withData, { query: 'blue badge', results: 3 }, 2 * DAY);
  await finder(withData, { query: 'blue badge', results: 3, chosen: 'blue-badge' }, 2 * DAY - 60000);
  await finder(withData, { query: 'meals on wheels', results: 2, chosen: 'meals-at-home' }, 10 * DAY);
  await finder(withData, { query: 'meals on wheels', chosen: 'meals-at-home', helped: false, need: `Vegetarian meals ${XSS}` }, 10 * DAY - 60000);
  await finder(withData, { query: XSS, results: 0 }, DAY);
  for (let i = 0; i < 30; i++) await finder(withData, { query: 'respite', chosen: 'carers-break', helped: false, need: `Need ${i}` }, 40 * DAY + i * 60000);
  ({ browser, page, dialogs } = await openBrowser());
});
after(async () => {
  await browser?.close();
  for (const collector of collectors) await collector.close();
});

async function signIn(collector: Awaited<ReturnType<typeof startDashboard>>) {
  await page.goto(`${collector.url}/dashboard/sign-in`);
  await page.type('#email', STAFF.email);
  await page.type('#password', STAFF.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

describe('the finder dashboard in Chromium', () => {
  it('is reached from the header, and is axe-clean with data and a saving', async () => {
    const [collector] = collectors;
    await signIn(collector);
    await Promise.all([page.waitForNavigation(), page.click('a.header__link[href="/dashboard/finder"]')]);
    assert.equal(await page.title(), 'Finder: what residents needed – Tandem dashboard');
    assert.equal(await page.$eval('a.header__link[aria-current="page"]', (a) => a.textContent), 'Finder');
    const texts = await page.$$eval('td.resident-text', (tds) => tds.map((td) => td.textContent));
    assert.ok(texts.includes(XSS), JSON.stringify(texts));
    assert.ok(texts.includes(`Vegetarian meals ${XSS}`));
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, [onerror]').length), 0);
    assert.ok(await page.$('text/Saving at £3.39 a contact (estimate)'));
    await expectNoAxeViolations(page);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(dialogs, []);
  });

  it('chooses a site and a period with the keyboard; paging is axe-clean', async () => {
    await page.focus('#period');
    await page.keyboard.press('End'); // the last option: 90 days
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Show');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('period'), '90');
    assert.ok(await page.$('nav.pagination a[rel="next"]'), '31 answers that did not help: two pages');
    await Promise.all([page.waitForNavigation(), page.click('nav.pagination a[rel="next"]')]);
    assert.match(await page.$eval('nav.pagination', (nav) => nav.textContent ?? ''), /Page 2 of 2/);
    await expectNoAxeViolations(page);
  });

  it('fits a phone-sized screen (320 CSS pixels) and stays axe-clean', async () => {
    await page.setViewport({ width: 320, height: 640 });
    try {
      await page.goto(`${collectors[0].url}/dashboard/finder`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 0, `the page scrolls sideways by ${sideways}px`);
      await expectNoAxeViolations(page);
    } finally {
      await page.setViewport({ width: 1280, height: 900 });
    }
  });

  it('is axe-clean with no finder answers and no cost set', async () => {
    const [, empty] = collectors;
    await signIn(empty);
    await page.goto(`${empty.url}/dashboard/finder`);
    assert.match(await page.$eval('main', (main) => main.textContent ?? ''), /No resident said an answer did not help/);
    await expectNoAxeViolations(page);
  });
});
