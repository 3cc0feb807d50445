// The code that prepares an answer cannot be fetched (offline before it loaded) when a resident
// sends what they needed: nothing was kept, so they are told, with focus, and their words stay
// in the form to send again. This file has a page of its own, where the chunk has never loaded;
// once loaded it stays for the page, so the test that loads it goes last.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { Catalogue } from '../src/catalogue.js';
import { fixtureCatalogue } from './fixture-catalogue.js';
import { FinderHarness } from './harness.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';
import { sleep } from '../../../test/support/widget-harness.js';

const PREPARE = ['*/core/src/prepare.ts*', '*/chunks/prepare-*'];
const UNSENT = 'Your answer has not been sent. Check your internet connection and try again.';

type Stored = { answers: Record<string, unknown> };

async function until(condition: () => boolean | Promise<boolean>, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

/** A finder sending to its own collector scenario, with an answer shown and "No" pressed. */
async function answeredNo(name: string, lang: string, query: string): Promise<FinderHarness> {
  mountPage(`<tandem-finder site="adult-social-care" endpoint="/collector/${name}"></tandem-finder>`, { lang });
  const element = document.querySelector('tandem-finder')!;
  element.catalogueData = fixtureCatalogue as Catalogue;
  const finder = (await new FinderHarness(element).ready()).useFakeClock();
  await finder.type(query);
  await finder.choose(0);
  await until(() => !!finder.query('#no'));
  await finder.no();
  return finder;
}

async function stored(name: string): Promise<Stored[]> {
  const received = await (await fetch(`/collector/${name}/received`)).json();
  return Object.values(received.stored as Record<string, Stored>);
}

describe('<tandem-finder>: what the resident needed cannot be prepared', () => {
  const warn = console.warn;
  before(() => executeServerCommand('block-urls', { urls: PREPARE }));
  // Each send that cannot be prepared warns in the console: expected here.
  beforeEach(() => (console.warn = () => {}));
  afterEach(() => (console.warn = warn));
  after(() => executeServerCommand('block-urls', { urls: [] }));

  it('says so in Welsh on a Welsh page', async () => {
    const finder = await answeredNo(`need-unsent-cy-${crypto.randomUUID().slice(0, 8)}`, 'cy', 'prydau');
    await finder.typeNeed('Prydau llysieuol');
    await finder.send();
    await finder.waitForText('#error-summary a', "Nid yw eich ateb wedi cael ei anfon. Gwiriwch eich cysylltiad â'r rhyngrwyd a rhowch gynnig arall arni.");
    expect(finder.text('#error-summary-title')).to.equal('Mae problem wedi codi');
    expect(finder.focused).to.equal('error-summary');
    expect(finder.control<HTMLTextAreaElement>('need').value).to.equal('Prydau llysieuol');
    await expectNoAxeViolations();
  });

  it('tells the resident with focus, keeps what they typed, and sends it once when Send is pressed again', async () => {
    const name = `need-unsent-${crypto.randomUUID().slice(0, 8)}`;
    const finder = await answeredNo(name, 'en', 'meals on wheels');
    expect(finder.focused).to.equal('need');
    await sendKeys({ type: 'Vegetarian meals for my dad' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await finder.waitForText('#error-summary a', UNSENT);
    expect(finder.focused).to.equal('error-summary');
    expect(finder.query('#thanks'), 'no thank-you for an answer that was not kept').to.equal(null);
    const need = finder.control<HTMLTextAreaElement>('need');
    expect(need.value).to.equal('Vegetarian meals for my dad');
    expect(need.getAttribute('aria-invalid'), 'what they typed is not at fault').to.equal('false');
    expect(await stored(name)).to.deep.equal([]);
    await expectNoAxeViolations();

    // The summary's link goes to Send; with the code back, Send sends.
    finder.query<HTMLAnchorElement>('#error-summary a')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(finder.focused).to.equal('send');
    await executeServerCommand('block-urls', { urls: [] });
    await sendKeys({ press: 'Enter' });
    await finder.waitForText('#thanks', 'Thank you. Your answer helps us improve our services.');
    expect(finder.focused).to.equal('thanks');
    const helped = async () => (await stored(name)).filter(({ answers }) => 'helped' in answers);
    await until(async () => (await helped()).length > 0);

    // Moving on would send an unsent "No" again: a new search, whose log arrives after it would.
    await finder.click('new-search');
    await finder.type('falls');
    await finder.key('Enter');
    await until(async () => (await stored(name)).some(({ answers }) => answers.query === 'falls'));
    expect((await helped()).map(({ answers }) => answers)).to.deep.equal([
      { query: 'meals on wheels', chosen: 'meals-at-home', helped: false, need: 'Vegetarian meals for my dad' },
    ]);
  });
});
