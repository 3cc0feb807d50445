// The poll end to end against the real collector: a resident votes and writes a statement with
// the keyboard on the example day centres page, staff publish the statement in the dashboard,
// and when the resident comes back the statement is theirs, published, and open to a vote.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { launchBrowser, signIn, startCollectorWithPoll, tabTo } from './support.mjs';

const POLL = 'day-centres-2026';
const STATEMENT = 'The minibus to the centre is often late.';
const DAY = 24 * 60 * 60 * 1000;

/** Open from yesterday for a month, whatever the date the test runs on. */
const poll = {
  id: POLL,
  site: 'adult-social-care',
  title: { en: 'Day centres in 2026', cy: 'Canolfannau dydd yn 2026' },
  opensAt: new Date(Date.now() - DAY).toISOString(),
  closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  allowStatements: true,
  questions: [
    {
      id: 'overall',
      type: 'rating',
      text: { en: 'How good is your day centre?' },
      options: ['Very poor', 'Poor', 'All right', 'Good', 'Very good'].map((en, i) => ({ id: String(i + 1), label: { en } })),
    },
  ],
};

/** @type {Awaited<ReturnType<typeof startCollectorWithPoll>>} */
let collector;
/** @type {import('puppeteer-core').Browser} */
let browser;

before(async () => {
  collector = await startCollectorWithPoll(poll);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  collector?.stop();
});

/** @param {import('puppeteer-core').Page} page  @param {string} script  A function body over `poll`, the element. */
const inPoll = (page, script) => page.waitForFunction(`(() => { const poll = document.querySelector('tandem-poll'); return poll && (${script}); })()`, { timeout: 10000, polling: 100 });

it('a resident votes and writes a statement; staff publish it; the resident finds it published and others can vote on it', async () => {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(`${collector.origin}/day-centres.html`, { waitUntil: 'networkidle0' });
  await inPoll(page, "poll.shadowRoot?.getElementById('q0-0')");

  // A vote: Tab into the group, arrows choose "Good", Tab to Save, Enter.
  await tabTo(page, 'tandem-poll', 'q0-0');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await inPoll(page, "poll.answerState.overall === 'saved'");

  // A statement, typed at a person's pace (under 2 seconds is held back as a likely bot).
  await tabTo(page, 'tandem-poll', 'statement');
  await page.keyboard.type(STATEMENT, { delay: 70 });
  await tabTo(page, 'tandem-poll', 'send');
  await page.keyboard.press('Enter');
  await inPoll(page, "poll.shadowRoot.querySelector('#statement-message')?.classList.contains('statement-sent')");
  await inPoll(page, "poll.shadowRoot.querySelector('.my-statement')?.dataset.status === 'pending'");

  // Staff publish it from the moderation queue, by keyboard.
  const staff = await browser.newPage();
  await signIn(staff, collector.origin);
  await staff.goto(`${collector.origin}/dashboard/polls/${POLL}/statements?status=pending`, { waitUntil: 'networkidle0' });
  assert.ok((await staff.evaluate(() => document.body.innerText)).includes(STATEMENT));
  await staff.focus('.statement__actions form[action$="/publish"] button');
  await Promise.all([staff.waitForNavigation(), staff.keyboard.press('Enter')]);
  await staff.goto(`${collector.origin}/dashboard/polls/${POLL}`, { waitUntil: 'networkidle0' });
  assert.match(await staff.evaluate(() => document.body.innerText), /Residents' statements\s+Taken: 0 waiting, 1 published/);

  // The resident comes back: their statement is published, and is now a question to vote on.
  await page.bringToFront();
  await page.reload({ waitUntil: 'networkidle0' });
  await inPoll(page, "poll.shadowRoot.querySelector('.my-statement')?.dataset.status === 'published'");
  const statementQuestion = await page.evaluate(() => document.querySelector('tandem-poll')?.shadowRoot?.querySelector('[data-question^="s-"]')?.getAttribute('data-question'));
  assert.ok(statementQuestion, 'the published statement is a question of the poll');
  const first = await page.evaluate((id) => {
    const radio = /** @type {HTMLInputElement | null | undefined} */ (document.querySelector('tandem-poll')?.shadowRoot?.querySelector(`[data-question="${id}"] input[type="radio"]`));
    radio?.focus();
    return radio?.value;
  }, statementQuestion);
  assert.equal(first, 'agree');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await inPoll(page, `poll.answerState['${statementQuestion}'] === 'saved'`);
  assert.deepEqual(pageErrors, []);

  // What the collector now serves to anyone: one vote for "Good", one agreement with the statement.
  const served = await (await fetch(`${collector.origin}/v1/polls/${POLL}?site=adult-social-care`)).json();
  const results = Object.fromEntries(served.questions.map((/** @type {any} */ q) => [q.id, q.results]));
  assert.equal(results.overall.total, 1);
  assert.equal(results.overall.counts['4'], 1);
  assert.equal(results[statementQuestion].counts.agree, 1);
  assert.equal(served.questions.find((/** @type {any} */ q) => q.id === statementQuestion).text.en, STATEMENT);
});
