// The polls' dashboard pages in headless Chromium: axe (WCAG 2.2 AA and best practice) on every
// page and error state, a resident's markup shown as inert text, and moderating by keyboard.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectNoAxeViolations, openBrowser, signInAsStaff } from '../test-support/browser.js';
import { hashPassword } from '../src/dashboard/passwords.js';
import { STAFF } from '../test-support/dashboard.js';
import { post } from '../test-support/helpers.js';
import { getPoll, POLL, startPollCollector, statement, vote } from '../test-support/polls.js';
import type { Browser, Page } from 'puppeteer-core';

const XSS = '<img src=x onerror=alert(1)> is what I think <script>alert(2)</script>';

let collector: Awaited<ReturnType<typeof startPollCollector>>;
let browser: Browser;
let page: Page;
let dialogs: string[] = [];
let author: string;

before(async () => {
  collector = await startPollCollector();
  author = collector.newParticipant();
  await collector.store.staff.saveUser(STAFF.email, await hashPassword(STAFF.password), Date.now());
  for (const [i, choice] of ['5', '4', '4', '2'].entries()) await post(collector.url, vote(collector.newParticipant(), 'overall', choice, { id: randomUUID(), instance: POLL, clientTime: new Date(Date.now() - i).toISOString() }));
  for (const text of [XSS, 'The minibus is often late', 'The lunches are cold by the time they reach us']) await post(collector.url, statement(author, text));
  const [, late] = (await getPoll(collector.url, POLL, { participant: author })).json.mine!.statements;
  await collector.store.polls.moderateStatement(POLL, Number(late.id.slice(2)), { status: 'published', reason: null, by: STAFF.email, at: Date.now() });
  await post(collector.url, vote(collector.newParticipant(), late.id, 'agree'));
  ({ browser, page, dialogs } = await openBrowser());
  await signInAsStaff(page, collector.url, STAFF);
});
after(async () => {
  await browser?.close();
  await collector?.close();
});

const open = async (path: string, status: number = 200) => {
  const response = await page.goto(`${collector.url}${path}`);
  assert.equal(response?.status(), status, path);
};

describe('poll pages in Chromium', () => {
  it('the polls list is axe-clean', async () => {
    await open('/dashboard/polls');
    assert.equal(await page.$eval('h1', (h1) => h1.textContent), 'Polls');
    await expectNoAxeViolations(page);
  });

  it('a poll’s results and response form are axe-clean', async () => {
    await open(`/dashboard/polls/${POLL}`);
    const captions = await page.$$eval('caption', (list) => list.map((c) => c.textContent ?? ''));
    assert.ok(captions.some((c) => c.startsWith('How good is your day centre?')));
    assert.ok(captions.some((c) => c.startsWith('Resident’s statement: The minibus is often late')));
    await expectNoAxeViolations(page);
  });

  it('a burst of new participants from one connection is shown on the poll’s page, axe-clean', async () => {
    await collector.store.polls.recordBurst({ pollId: POLL, hourStart: Date.UTC(2026, 11, 3, 14), participants: 120 });
    await open(`/dashboard/polls/${POLL}`);
    assert.equal(await page.$eval('#bursts-heading', (h) => h.textContent), 'Many new participants from one connection');
    assert.deepEqual(await page.$$eval('.warning li', (list) => list.map((li) => li.textContent)), ['On 2026-12-03, between 14:00 and 15:00 UK time, 120 new participants came from one connection.']);
    await expectNoAxeViolations(page);
  });

  it('the moderation queue shows a resident’s markup as inert text, and is axe-clean', async () => {
    await open(`/dashboard/polls/${POLL}/statements`);
    const texts = await page.$$eval('.statement__text', (list) => list.map((b) => b.textContent));
    assert.ok(texts.includes(XSS), JSON.stringify(texts));
    assert.deepEqual(await page.evaluate(() => ({ images: document.querySelectorAll('img').length, scripts: document.querySelectorAll('script').length })), { images: 0, scripts: 0 });
    await expectNoAxeViolations(page);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(dialogs, []);
  });

  it('refusing without a reason shows an error that is axe-clean; publishing works by keyboard', async () => {
    const button = await page.$('.statement:last-child .button--warning');
    assert.ok(button);
    await Promise.all([page.waitForNavigation(), button.click()]);
    assert.match(await page.title(), /^Error: Statements in/);
    assert.ok(await page.$('.error-summary a[href^="#reason-"]'));
    await expectNoAxeViolations(page);
    // Keyboard: focus the last Publish button and press Enter.
    await page.focus('.statement:last-child form:first-child .button');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await page.$eval('.notice', (el) => el.textContent ?? ''), /published/);
    const mine = (await getPoll(collector.url, POLL, { participant: author })).json.mine!.statements;
    assert.equal(mine[2].status, 'published');
  });

  it('the delete confirmation is axe-clean', async () => {
    await open(`/dashboard/polls/${POLL}/statements`);
    await Promise.all([page.waitForNavigation(), page.click('.statement .link-button--warning')]);
    assert.equal(await page.$eval('h1', (h1) => h1.textContent), 'Delete this statement?');
    await expectNoAxeViolations(page);
  });

  it('published and rejected tabs are axe-clean', async () => {
    await open(`/dashboard/polls/${POLL}/statements?status=published`);
    assert.ok(await page.$('textarea[name^="reply-en-"]'));
    await expectNoAxeViolations(page);
    await collector.store.polls.moderateStatement(POLL, Number((await getPoll(collector.url, POLL, { participant: author })).json.mine!.statements[0].id.slice(2)), { status: 'rejected', reason: 'It is not about the day centres.', by: STAFF.email, at: Date.now() });
    await open(`/dashboard/polls/${POLL}/statements?status=rejected`);
    await expectNoAxeViolations(page);
  });

  it('the create form, its error state, the edit form and the policy page are axe-clean', async () => {
    await open('/dashboard/polls/new');
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.click('form .button-group .button')]);
    assert.match(await page.title(), /^Error: Create a poll/);
    await expectNoAxeViolations(page);
    // Follow the error summary's first link by keyboard: it moves focus to the field.
    await page.focus('.error-summary a');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'id');

    await page.type('#id', 'parks-2026');
    await page.type('#title_en', 'Parks');
    await page.$eval('#opens', (el) => ((el as HTMLInputElement).value = '2026-01-01'));
    await page.$eval('#closes', (el) => ((el as HTMLInputElement).value = '2099-01-01'));
    await page.type('#q0_en', 'How clean are the parks?');
    await Promise.all([page.waitForNavigation(), page.click('form .button-group .button')]);
    assert.equal(new URL(page.url()).pathname, '/dashboard/polls/parks-2026');
    await open('/dashboard/polls/parks-2026/edit');
    await expectNoAxeViolations(page);
    await open('/dashboard/polls/policies/adult-social-care');
    await expectNoAxeViolations(page);
  });
});
