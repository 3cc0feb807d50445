// The dashboard in headless Chromium: keyboard sign-in, stored XSS shown as inert text, and
// axe (WCAG 2.2 AA and best practice) with no violations on every kind of page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectNoAxeViolations, openBrowser } from '../test-support/browser.js';
import { STAFF, startDashboard, storeAnswer } from '../test-support/dashboard.js';
import type { Browser, Page } from 'puppeteer-core';

const XSS = { trying: '<img src=x onerror=alert(1)>', wrong: '<script>alert(2)</script>"><svg onload=alert(3)>' };

let collector: Awaited<ReturnType<typeof startDashboard>>;
let browser: Browser;
let page: Page;
let dialogs: string[] = [];
let xssId: string;

before(async () => {
  collector = await startDashboard();
  const store = collector.store;
  for (const [useful, daysAgo] of ([[true, 1], [false, 2], [true, 20], [false, 60]] as [boolean, number][])) await storeAnswer(store, { answers: { useful }, daysAgo });
  xssId = (await storeAnswer(store, { answers: { reason: 'problem', ...XSS } })).id;
  await storeAnswer(store, { url: 'https://www.example-council.gov.uk/home-care/', title: 'Home care', daysAgo: 3, answers: { reason: 'more', trying: 'Find respite care for my mum\nat weekends' } });
  await storeAnswer(store, { honeypot: true, answers: { reason: 'problem', trying: 'spam', wrong: 'spam' } });
  ({ browser, page, dialogs } = await openBrowser());
});
after(async () => {
  await browser?.close();
  await collector?.close();
});

const open = async (path: string) => {
  const response = await page.goto(`${collector.url}${path}`);
  assert.equal(response?.status(), 200, path);
};

describe('dashboard in Chromium', () => {
  it('sign-in page is axe-clean, and so is its error state', async () => {
    await open('/dashboard/sign-in');
    assert.equal(await page.title(), 'Sign in – Tandem dashboard');
    await expectNoAxeViolations(page);
    await page.type('#email', STAFF.email);
    await page.type('#password', 'wrong password');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    assert.match(await page.title(), /^Error: Sign in/);
    assert.ok(await page.$('.error-summary a[href="#email"]'));
    await expectNoAxeViolations(page);
    await collector.store.staff.clearSignInFailures({ email: STAFF.email, address: '127.0.0.1' });
  });

  it('signs in with the keyboard alone', async () => {
    await open('/dashboard/sign-in');
    // The first Tab reaches the skip link, which is then visible.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
    assert.ok(await page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().left >= 0));
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'email'; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
    await page.keyboard.type(STAFF.email);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await page.keyboard.type(STAFF.password);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, '/dashboard');
    assert.equal(await page.$eval('h1', (h1) => h1.textContent), 'Feedback inbox');
  });

  it('shows a stored XSS payload as inert text', async () => {
    const response = await page.goto(`${collector.url}/dashboard?answer=problem`);
    // Defence in depth: the page is also sent with a CSP that allows no inline script.
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    const row = await page.$(`a[href^="/dashboard/answers/${xssId}/delete"]`);
    assert.ok(row, 'the answer is listed');
    const cells = await page.$$eval('td.resident-text', (tds) => tds.map((td) => td.textContent));
    assert.ok(cells.includes(XSS.trying), JSON.stringify(cells));
    assert.ok(cells.includes(XSS.wrong));
    const created = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg').length,
      scripts: document.querySelectorAll('script').length,
      onerror: document.querySelectorAll('[onerror], [onload]').length,
    }));
    assert.deepEqual(created, { images: 0, svgs: 0, scripts: 0, onerror: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(dialogs, []);
  });

  it('inbox with data is axe-clean', async () => {
    await open('/dashboard');
    assert.ok((await page.$$('table')).length >= 2);
    await expectNoAxeViolations(page);
  });

  it('inbox is axe-clean on a 320 px screen too, its wide tables scrollable by keyboard', async () => {
    await page.setViewport({ width: 320, height: 640 });
    try {
      await open('/dashboard');
      const scrollers = await page.$$eval('.table-wrapper', (boxes) => boxes.map((box) => [box.getAttribute('tabindex'), box.getAttribute('role'), box.scrollWidth > box.clientWidth]));
      assert.ok(scrollers.some(([, , wide]) => wide), 'at 320 px a table is wider than its box');
      for (const [tabindex, role] of scrollers) assert.deepEqual([tabindex, role], ['0', 'region']);
      await expectNoAxeViolations(page);
    } finally {
      await page.setViewport({ width: 1280, height: 900 });
    }
  });

  it('inbox with filters (and a date error) is axe-clean', async () => {
    await open('/dashboard?site=adult-social-care&answer=problem&status=unreviewed&q=alert&from=2020-01-01');
    assert.equal(await page.$eval('#answer', (el) => (el as HTMLSelectElement).value), 'problem');
    await expectNoAxeViolations(page);
    await open('/dashboard?from=2026-13-45');
    assert.ok(await page.$('.error-summary'));
    await expectNoAxeViolations(page);
  });

  it('quarantine view is axe-clean', async () => {
    await open('/dashboard?view=quarantine');
    assert.equal(await page.$eval('h1', (h1) => h1.textContent), 'Quarantined answers');
    await expectNoAxeViolations(page);
  });

  it('marks reviewed from the page, then the delete confirmation is axe-clean and deletes', async () => {
    await open('/dashboard?answer=more');
    await Promise.all([page.waitForNavigation(), page.click('.actions button[type=submit]')]);
    assert.match(await page.$eval('.notice', (el) => el.textContent ?? ''), /marked as reviewed/);
    await expectNoAxeViolations(page);
    await open('/dashboard?answer=problem');
    await Promise.all([page.waitForNavigation(), page.click(`a[href^="/dashboard/answers/${xssId}/delete"]`)]);
    assert.equal(await page.$eval('h1', (h1) => h1.textContent), 'Delete this answer?');
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.click('.button--warning')]);
    assert.match(await page.$eval('.notice', (el) => el.textContent ?? ''), /deleted/);
    assert.equal(await collector.store.submissions.get(xssId), undefined);
    assert.deepEqual(dialogs, []);
  });
});
