// Offers of help end to end against the real collector: a resident offers help with the
// keyboard on the example volunteering page, the collector stores the offer with its contact
// details encrypted, a member of staff finds it in the dashboard (masked in the list, in full on
// its page), and the resident withdraws it with the reference as they wrote it down, which
// deletes the contact details at once, from the staff's screen too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import Database from 'better-sqlite3';
import { exampleOffersOfHelp, launchBrowser, signIn, startCollector, tabTo } from './support.mjs';

/** @type {Awaited<ReturnType<typeof startCollector>>} */
let collector;
/** @type {import('puppeteer-core').Browser} */
let browser;

before(async () => {
  collector = await startCollector(exampleOffersOfHelp);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  collector?.stop();
});

/** @param {import('puppeteer-core').Page} page  @param {string} script  A function body over `pledge`, the element. */
const inPledge = (page, script) => page.waitForFunction(`(() => { const pledge = document.querySelector('tandem-pledge'); return pledge && (${script}); })()`, { timeout: 10000, polling: 100 });

const offers = () => {
  const db = new Database(join(collector.dataDir, 'tandem.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT o.reference, o.ways, o.areas, o.slots, o.often, o.age, o.note, o.prefer, o.contact, o.status, s.answers FROM pledge_offers o JOIN submissions s ON s.id = o.id').all();
  } finally {
    db.close();
  }
};

it('a resident offers help by keyboard, the contact details are stored encrypted, and the reference withdraws the offer', async () => {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${collector.origin}/volunteer.html`, { waitUntil: 'networkidle0' });
  await inPledge(page, "pledge.loadStatus === 'ready'");

  for (const id of ['way-litter-picks', 'area-north', 'when-weekends-mornings']) {
    await tabTo(page, 'tandem-pledge', id);
    await page.keyboard.press('Space');
  }
  await tabTo(page, 'tandem-pledge', 'often-once');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await tabTo(page, 'tandem-pledge', 'note');
  // At a person's pace: a form filled faster than 2 s is held back as a likely bot.
  await page.keyboard.type('I have a car. My email is jo@example.com.', { delay: 40 });
  await tabTo(page, 'tandem-pledge', 'name');
  await page.keyboard.type('Jo Bloggs');
  await page.keyboard.press('Tab');
  await page.keyboard.type('jo@example.com');
  await tabTo(page, 'tandem-pledge', 'send');
  await page.keyboard.press('Enter');
  await inPledge(page, "pledge.stage === 'sent'");
  const reference = await page.evaluate(() => document.querySelector('tandem-pledge')?.reference);
  assert.match(String(reference), /^TDM-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const [stored] = offers();
  assert.equal(offers().length, 1);
  assert.deepEqual(
    { ...stored, contact: undefined, answers: undefined },
    { reference, ways: '["litter-picks"]', areas: '["north"]', slots: '["weekends-mornings"]', often: 'monthly', age: 'adult', note: 'I have a car. My email is [email].', prefer: 'email', contact: undefined, status: 'new', answers: undefined },
  );
  assert.ok(stored.contact, 'the contact details are kept');
  assert.ok(!stored.contact.includes('jo@example.com') && !stored.contact.includes('Bloggs'), 'and encrypted');
  assert.ok(!stored.answers.includes('jo@example.com') && !stored.answers.includes('Bloggs'), 'the answers hold no contact details');

  // On a staff member's screen: counted and listed with the contact masked, in full on its page.
  const staff = await browser.newPage();
  await signIn(staff, collector.origin);
  await staff.goto(`${collector.origin}/dashboard/offers`, { waitUntil: 'networkidle0' });
  const listed = await staff.$eval('#offers-caption', (caption) => caption.closest('table')?.querySelector('tbody tr')?.textContent ?? '');
  assert.match(listed, /Litter picks/);
  assert.match(listed, /J\. B\., j…@example\.com \(prefers email\)/);
  assert.doesNotMatch(listed, /Bloggs/);
  await Promise.all([staff.waitForNavigation(), staff.click('#offers-caption ~ tbody a')]);
  assert.equal(await staff.$eval('dl .resident-text', (name) => name.textContent), 'Jo Bloggs');
  assert.ok((await staff.content()).includes('href="mailto:jo@example.com"'));
  const offerPage = staff.url();

  // Withdrawn with the reference as the resident wrote it down: lower case, with spaces.
  await page.evaluate(() => {
    const details = /** @type {HTMLDetailsElement} */ (document.querySelector('tandem-pledge')?.shadowRoot?.querySelector('details.withdraw'));
    details.open = true;
  });
  await tabTo(page, 'tandem-pledge', 'withdraw-reference');
  await page.keyboard.type(String(reference).toLowerCase().replaceAll('-', ' '));
  await page.keyboard.press('Enter');
  await inPledge(page, "pledge.shadowRoot.querySelector('#withdraw-message')?.classList.contains('withdraw-withdrawn')");
  const [withdrawn] = offers();
  assert.equal(withdrawn.status, 'withdrawn');
  assert.equal(withdrawn.contact, null, 'the contact details are deleted at once');
  await staff.goto(offerPage, { waitUntil: 'networkidle0' });
  assert.match(await staff.$eval('main', (main) => main.textContent ?? ''), /The contact details have been deleted: the resident withdrew the offer/);
  assert.ok(!(await staff.content()).includes('Jo Bloggs'));
  assert.deepEqual(pageErrors, []);
});
