// Offers of help in the dashboard, in headless Chromium: axe (WCAG 2.2 AA and best practice)
// on the counts and list, filtered to nothing, an offer's page, its error state and a withdrawn
// offer; the accessibility tree of the status choice; moving an offer on by keyboard alone; a
// resident's markup shown as inert text; and no page scrolling sideways at 320 CSS pixels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { referenceOf } from '@tandem/core/protocol.js';
import { expectNoAxeViolations, openBrowser, signInAsStaff } from '../test-support/browser.js';
import { STAFF, startDashboard } from '../test-support/dashboard.js';
import { examplePledgeList, makeOffer, ORIGIN, post, TEST_CONTACT_KEY } from '../test-support/helpers.js';
import type { Browser, Page, SerializedAXNode } from 'puppeteer-core';

const MARKUP = '<img src=x onerror=alert(1)>';
const offers = {
  jo: makeOffer({ contact: { name: 'Jo Bloggs', email: 'jo@example.com', phone: '07700 900982', prefer: 'phone' } }),
  markup: makeOffer({
    answers: { ways: ['lunch-club', 'sitting-service'], areas: ['north'], when: ['weekdays-mornings'], often: 'weekly', age: 'adult', note: `${MARKUP} I drive` },
    contact: { name: `Sam ${MARKUP}`, email: 'sam@example.com', prefer: 'email' },
  }),
  withdrawn: makeOffer({ contact: { name: 'Alex Doe', email: 'alex@example.com', prefer: 'email' } }),
};

let collector: Awaited<ReturnType<typeof startDashboard>>;
let browser: Browser;
let page: Page;
let dialogs: string[];

before(async () => {
  collector = await startDashboard({ pledges: [examplePledgeList()], contactKey: TEST_CONTACT_KEY });
  for (const offer of Object.values(offers)) assert.equal((await post(collector.url, offer)).status, 201);
  const withdrawn = await fetch(`${collector.url}/v1/pledges/withdraw`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN }, body: JSON.stringify({ site: 'adult-social-care', reference: referenceOf(offers.withdrawn.id) }) });
  assert.equal(withdrawn.status, 200);
  ({ browser, page, dialogs } = await openBrowser());
  await signInAsStaff(page, collector.url, STAFF);
});
after(async () => {
  await browser?.close();
  await collector?.close();
});

const open = async (path: string, status = 200) => {
  const response = await page.goto(`${collector.url}${path}`);
  assert.equal(response?.status(), status, path);
};
const offerPath = (id: string) => `/dashboard/offers/${id}`;
const flatten = (node: SerializedAXNode | null | undefined): SerializedAXNode[] => (node ? [node, ...(node.children ?? []).flatMap(flatten)] : []);
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('offers of help in Chromium', () => {
  it('the counts and the list are axe-clean, and so is a filter that finds nothing', async () => {
    await open('/dashboard/offers');
    assert.equal(await page.title(), 'Offers of help – Tandem dashboard');
    await expectNoAxeViolations(page);
    await open('/dashboard/offers?area=villages&slot=weekends-evenings');
    assert.ok((await page.content()).includes('No offers match these filters.'));
    await expectNoAxeViolations(page);
  });

  it('an offer\'s page is axe-clean, its status a named radio group, each choice described', async () => {
    await open(offerPath(offers.jo.id));
    await expectNoAxeViolations(page);
    const group = await page.$('fieldset');
    const tree = await page.accessibility.snapshot({ root: group ?? undefined, interestingOnly: false });
    assert.deepEqual([tree?.role, tree?.name], ['group', 'Status']);
    const radios = flatten(tree).filter((node) => node.role === 'radio').map(({ name, description, checked }) => ({ name, description, checked }));
    assert.deepEqual(radios, [
      { name: 'New', description: 'Nobody has been in touch yet.', checked: true },
      { name: 'Contacted', description: 'Someone has been in touch, or tried to.', checked: false },
      { name: 'Active', description: 'They are helping now.', checked: false },
      { name: 'Thanked', description: 'They have helped and been thanked.', checked: false },
      { name: 'Not suitable', description: 'None of the ways to help fits now. Say why in the notes.', checked: false },
    ]);
  });

  it('moves an offer on by keyboard alone: arrows choose the status, Tab reaches the notes and the button', async () => {
    await open(offerPath(offers.jo.id));
    await page.focus('#status');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedId(), 'status-contacted');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'notes');
    await page.keyboard.type('Rang on Tuesday; starts at the next litter pick');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Save the status and notes');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.$eval('.notice', (notice) => notice.textContent?.trim()), 'The status and notes have been saved.');
    assert.equal(await page.$eval('#status-contacted', (radio) => (radio as HTMLInputElement).checked), true);
    assert.equal((await collector.store.pledges.getOffer(offers.jo.id))?.notes, 'Rang on Tuesday; starts at the next litter pick');
    await expectNoAxeViolations(page);
  });

  it('shows the form again with its errors first, focused, and axe-clean', async () => {
    await open(offerPath(offers.jo.id));
    await page.$eval('#notes', (notes) => ((notes as HTMLTextAreaElement).value = 'x'.repeat(4001)));
    await Promise.all([page.waitForNavigation(), page.click('main form .button')]);
    assert.match(await page.title(), /^Error: Offer of help received/);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    assert.equal(await page.$eval('.error-summary a', (link) => link.getAttribute('href')), '#notes');
    await expectNoAxeViolations(page);
  });

  it('shows a resident\'s markup as inert text, in the list and on the offer\'s page', async () => {
    for (const path of ['/dashboard/offers', offerPath(offers.markup.id)]) {
      await open(path);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img, [onerror]').length), 0, path);
    }
    assert.ok((await page.$$eval('.resident-text', (texts) => texts.map((text) => text.textContent))).includes(`Sam ${MARKUP}`));
    assert.deepEqual(dialogs, []);
    await expectNoAxeViolations(page);
  });

  it('a withdrawn offer\'s page is axe-clean, with no contact details and no form', async () => {
    await open(offerPath(offers.withdrawn.id));
    assert.equal(await page.$('form[action^="/dashboard/offers/"]'), null);
    assert.ok(!(await page.content()).includes('alex@example.com'));
    await expectNoAxeViolations(page);
  });

  it('no offers page scrolls sideways at 320 CSS pixels', async () => {
    await page.setViewport({ width: 320, height: 640 });
    try {
      for (const path of ['/dashboard/offers', '/dashboard/offers?status=all', offerPath(offers.markup.id), offerPath(offers.withdrawn.id)]) {
        await open(path);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, path);
      }
    } finally {
      await page.setViewport({ width: 1280, height: 900 });
    }
  });
});
