// <tandem-finder directory="…">: searching a council's Open Referral UK directory as the
// person types, against the standard's own example records served by
// test/support/oruk-server.mjs (v3 and v1), with the same combobox, details, submissions
// and fallbacks as a catalogue.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { TandemErrorEvent, TandemSubmittedEvent } from '@tandem/core';
import '../src/define.js';
import { DIRECTORY_DELAY_MS } from '../src/finder.js';
import type { TandemChooseEvent } from '../src/events.js';
import { FinderHarness, rejection } from './harness.js';
import type { CatalogueError } from '../src/sources/catalogue-error.js';
import { OpenReferralClient, searchServices } from '../src/sources/open-referral.js';
import { entryOfService, firstSentence } from '../src/sources/open-referral-map.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';

const CONTACT = JSON.stringify({ label: 'Adult social care front door', phone: '01632 960 000', hours: 'Monday to Friday, 9am to 5pm' });
const EXAMPLE_ID = 'ac148810-d857-441c-9679-408f346de14b';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const press = (key: string) => sendKeys({ press: key });

async function until(condition: () => boolean, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

const hits = async () => (await (await fetch('/oruk/hits')).json()) as Record<string, number>;
const requests = async () => Object.values(await hits()).reduce((a, b) => a + b, 0);

async function mount(directory: string, more = '', lang = 'en') {
  mountPage(
    `<tandem-finder site="adult-social-care" transport="events" directory="${directory}" contact='${CONTACT}' ${more}></tandem-finder>`,
    { lang },
  );
  return new FinderHarness(document.querySelector('tandem-finder')!).ready();
}

/** Tabs into the search box and types key by key, as a person does. */
async function typeKeys(finder: FinderHarness, text: string): Promise<void> {
  if (finder.focused !== 'input') await press('Tab');
  expect(finder.focused).to.equal('input');
  await sendKeys({ type: text });
  await finder.searched();
}

describe('<tandem-finder directory>', () => {
  let submitted: TandemSubmittedEvent['detail'][] = [];
  let chosen: TandemChooseEvent[] = [];
  let consoleErrors: string[] = [];
  let pageErrors: unknown[] = [];
  const original = console.error;
  const record = (event: Event) => submitted.push((event as TandemSubmittedEvent).detail);
  const stopNavigation = (event: Event) => {
    chosen.push(event as TandemChooseEvent);
    event.preventDefault();
  };
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => pageErrors.push('reason' in event ? event.reason : event.error);
  const answers = () => submitted.map((s) => s.submission.answers);

  beforeEach(async () => {
    submitted = [];
    chosen = [];
    consoleErrors = [];
    pageErrors = [];
    console.error = (...args: unknown[]) => consoleErrors.push(args.map(String).join(' '));
    document.addEventListener('tandem-submitted', record);
    document.addEventListener('tandem-choose', stopNavigation);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    await fetch('/oruk/hits', { method: 'DELETE' });
  });
  afterEach(() => {
    console.error = original;
    document.removeEventListener('tandem-submitted', record);
    document.removeEventListener('tandem-choose', stopNavigation);
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
    document.body.innerHTML = '';
    expect(pageErrors).to.deep.equal([], 'nothing reaches the page');
  });

  describe('v3', () => {
    it('asks nothing until the box is used, then shows services with phone, hours, cost and who they are for', async () => {
      const finder = await mount('/oruk/v3');
      // ready() waited for the first update; only using the box asks, never a timer.
      expect(await requests()).to.equal(0, 'no request before the box is used');
      await typeKeys(finder, 'counselling');
      expect(finder.results).to.deep.equal(['Community Counselling', 'Carers Counselling']);
      expect(finder.expanded).to.equal(true);
      const first = finder.text('#option-0');
      expect(first).to.contain('Counselling Services provided by trained professionals.');
      expect(first).to.contain('Open: The service is available from 10 am to 6pm weekdays.');
      expect(first).to.contain('Cost: £35 per 1 hour session (Under 18s and Over 60s)');
      expect(first).to.contain('Who it is for: Ages 12 to 100');
      expect(first).not.to.contain('Phone:', 'the example record has no phone number');
      expect(finder.text('#option-1')).to.contain('Phone: 01632 960 201');
      expect(consoleErrors).to.deep.equal([]);
      await expectNoAxeViolations();
    });

    it('waits for typing to pause (DIRECTORY_DELAY_MS, on a fake clock): one request for a word typed key by key, and the cache answers it again', async () => {
      const finder = (await mount('/oruk/v3')).useFakeClock();
      await press('Tab');
      await sendKeys({ type: 'memory' });
      await finder.pause(DIRECTORY_DELAY_MS - 1);
      expect(await requests()).to.equal(0, 'nothing asked before the pause is over');
      await finder.searched();
      expect(finder.results).to.deep.equal(['Memory Cafe']);
      const asked = await hits();
      expect(Object.keys(asked)).to.deep.equal(['/oruk/v3/services?search=memory&page=1&per_page=6'], 'one request, once typing paused');
      // Away and back to the same words: from the cache, no new request.
      for (let i = 0; i < 3; i += 1) await press('Backspace');
      await finder.searched();
      await sendKeys({ type: 'ory' });
      await finder.searched();
      expect(finder.results).to.deep.equal(['Memory Cafe']);
      expect((await hits())['/oruk/v3/services?search=memory&page=1&per_page=6']).to.equal(1);
    });

    it('a slow answer to an old query never replaces the newer one', async () => {
      const finder = (await mount('/oruk/slow/v3')).useFakeClock();
      await finder.type('counselling');
      expect(finder.results).to.include('Community Counselling');
      // The request for "falls" is watched, so the test can wait until it is over, whichever way.
      const pageFetch = window.fetch;
      const falls: Promise<unknown>[] = [];
      window.fetch = (input, init) => {
        const call = pageFetch(input, init);
        if (String(input instanceof Request ? input.url : input).includes('falls')) falls.push(call.catch(() => undefined));
        return call;
      };
      try {
        finder.input.value = 'falls';
        finder.input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await finder.pause(DIRECTORY_DELAY_MS);
        // The first request for "falls" is on its way (400 ms): replace it.
        finder.input.value = 'memory';
        finder.input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await finder.searched();
        expect(finder.results).to.deep.equal(['Memory Cafe']);
        expect(falls, 'requests for "falls"').to.have.length(1);
        await Promise.all(falls);
      } finally {
        window.fetch = pageFetch;
      }
      // A late answer would still need its body read: one task, then the updates it causes.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await finder.settle();
      expect(finder.results).to.deep.equal(['Memory Cafe'], 'the cancelled "falls" never arrives');
    });

    it('sends the directory the words of the need, not the personal details typed with them', async () => {
      const finder = await mount('/oruk/v3');
      await finder.type('memory 07700 900123 me@example.com NS2 1EF QQ123456C');
      expect(finder.results).to.deep.equal(['Memory Cafe']);
      expect(Object.keys(await hits())).to.deep.equal(['/oruk/v3/services?search=memory&page=1&per_page=6']);
    });

    it('limits every search to the postcode attribute', async () => {
      const finder = await mount('/oruk/v3', 'postcode="NS2"');
      await finder.type('people');
      expect(finder.results.sort()).to.deep.equal(['Falls Prevention Classes', 'Memory Cafe']);
      expect(Object.keys(await hits())[0]).to.contain('postcode=NS2');
    });

    it('asks the resident for a postcode when told to, and says when it is not one', async () => {
      const finder = await mount('/oruk/v3', 'ask-postcode');
      expect(finder.text('label[for="postcode"]')).to.equal('Your postcode (optional)');
      expect(finder.control('postcode').getAttribute('autocomplete')).to.equal('postal-code');
      await press('Tab');
      expect(finder.focused).to.equal('postcode');
      await sendKeys({ type: 'not a postcode' });
      await press('Tab');
      await finder.settle();
      expect(finder.text('#postcode-error')).to.equal('Error: Enter a postcode, like NS1 2AB, or leave it empty');
      expect(finder.control('postcode').getAttribute('aria-invalid')).to.equal('true');
      await typeKeys(finder, 'people');
      expect(finder.results, 'a wrong postcode limits nothing').to.have.length(4);
      await expectNoAxeViolations();

      finder.control<HTMLInputElement>('postcode').select();
      await sendKeys({ type: 'ns2 1ef' });
      await press('Tab');
      await finder.settle();
      expect(finder.query('#postcode-error')).to.equal(null, 'the error goes once the postcode is right');
      await until(() => finder.results.length === 2);
      expect(finder.results.sort()).to.deep.equal(['Falls Prevention Classes', 'Memory Cafe']);
      expect(Object.keys(await hits()).some((url) => url.includes('postcode=NS2+1EF'))).to.equal(true);
      expect(answers().every((a) => !JSON.stringify(a).toLowerCase().includes('ns2')), 'the postcode goes only to the directory').to.equal(true);
    });
  });

  it('v1: speaks text, content and totalElements to a v1 directory', async () => {
    const finder = await mount('/oruk/v1/openreferral/v1', 'directory-version="v1"');
    await finder.type('meals');
    expect(finder.results).to.deep.equal(['Meals at Home']);
    expect(finder.text('#option-0')).to.contain('Phone: 01632 960 205').and.contain('Open: Thursday, Friday, 10:00 to 18:00');
    expect(Object.keys(await hits()).every((url) => url.includes('text=meals'))).to.equal(true);
  });

  it('finds out the version when not told', async () => {
    const finder = await mount('/oruk/legacy');
    await finder.type('falls');
    expect(finder.results).to.deep.equal(['Falls Prevention Classes']);
  });

  describe('keyboard', () => {
    it('the APG key table: Down, Up, wrap, Escape twice, Enter goes to the service’s page after sending the search', async () => {
      const finder = await mount('/oruk/v3');
      await typeKeys(finder, 'people');
      const count = finder.results.length;
      expect(count).to.equal(4);
      expect(finder.activeOption).to.equal(undefined);
      await press('ArrowDown');
      expect(finder.activeOption).to.equal('option-0');
      await press('ArrowUp');
      expect(finder.activeOption).to.equal(`option-${count - 1}`);
      await press('ArrowDown');
      expect(finder.activeOption).to.equal('option-0');
      await press('Escape');
      expect(finder.expanded).to.equal(false);
      expect(finder.input.value).to.equal('people');
      await sendKeys({ down: 'Alt' });
      await press('ArrowDown');
      await sendKeys({ up: 'Alt' });
      expect(finder.expanded).to.equal(true);
      expect(finder.activeOption).to.equal(undefined);
      await press('ArrowDown');
      await press('ArrowDown');
      const title = finder.results[1];
      await press('Enter');
      await until(() => chosen.length === 1);
      expect(chosen[0]!.detail.url).to.match(/^http:\/\/example\.com\//);
      expect(chosen[0]!.detail.entry.title).to.equal(title);
      await until(() => submitted.length === 1);
      expect(answers()[0]).to.deep.equal({ query: 'people', results: 4, chosen: chosen[0]!.detail.entry.id });
      expect(finder.focused).to.equal('input');
    });

    it('Escape on a closed list clears the box; typing less than two letters asks nothing', async () => {
      const finder = await mount('/oruk/v3');
      await typeKeys(finder, 'memory');
      await press('Escape');
      await press('Escape');
      expect(finder.input.value).to.equal('');
      await fetch('/oruk/hits', { method: 'DELETE' });
      finder.useFakeClock();
      await sendKeys({ type: 'm' });
      await finder.pause(DIRECTORY_DELAY_MS * 4);
      expect(await requests()).to.equal(0);
    });
  });

  describe('what it sends', () => {
    it('a settled search once typing pauses, with the number of services found', async () => {
      const finder = await mount('/oruk/v3');
      await typeKeys(finder, 'befriending');
      await until(() => submitted.length === 1, 3000);
      expect(answers()).to.deep.equal([{ query: 'befriending', results: 1 }]);
      expect(submitted[0]!.submission).to.include({ widget: 'finder', site: 'adult-social-care' });
    });

    it('nothing found: the kind message and the contact route from the contact attribute, and the search is sent with 0 results', async () => {
      const finder = await mount('/oruk/v3');
      await typeKeys(finder, 'bin collection');
      expect(finder.text('#no-results')).to.contain('Sorry, we could not match those words.');
      expect(finder.control('contact-phone').getAttribute('href')).to.equal('tel:01632960000');
      expect(finder.text('#contact')).to.contain('Lines are open Monday to Friday, 9am to 5pm');
      await press('Enter');
      await until(() => submitted.length === 1);
      expect(answers()).to.deep.equal([{ query: 'bin collection', results: 0 }]);
      await expectNoAxeViolations();
    });

    it('a service with no page of its own opens in place and asks "did this answer your need?"', async () => {
      const finder = await mount('/oruk/nourl/v3');
      await typeKeys(finder, 'befriending');
      await press('ArrowDown');
      await press('Enter');
      await finder.settle();
      expect(finder.focused).to.equal('answer-heading');
      expect(finder.text('#answer-heading')).to.equal('Befriending Visits');
      expect(finder.text('#answer')).to.contain('A volunteer visits lonely older people at home each week.').and.contain('01632 960 202');
      await finder.no();
      await finder.typeNeed('Someone to take dad to the shops');
      await finder.send();
      await until(() => submitted.length === 2);
      expect(answers()[1]).to.deep.equal({ query: 'befriending', chosen: `${EXAMPLE_ID.slice(0, -2)}11`, helped: false, need: 'Someone to take dad to the shops' });
      await expectNoAxeViolations();
    });
  });

  describe('a directory that fails never breaks the page', () => {
    const cases: [string, string, RegExp][] = [
      ['down (500)', '/oruk/broken/v3', /answered 500/],
      ['not JSON', '/oruk/garbage/v3', /not JSON/],
      ['not a page of services', '/oruk/wrong/v3', /no "contents" \(v3\) or "content" \(v1\) list/],
      ['unreachable', 'http://127.0.0.1:9/api/v3', /could not reach the service directory/],
    ];
    for (const [name, directory, reason] of cases) {
      it(`${name}: the search box stays, the contact route shows, one clear console error names "directory"`, async () => {
        const finder = await mount(directory);
        const errors: string[] = [];
        finder.element.addEventListener('tandem-error', (e) => errors.push((e as TandemErrorEvent).detail.attribute ?? ''));
        await typeKeys(finder, 'memory');
        expect(finder.text('#directory-failed')).to.contain('Sorry, search is not working at the moment.');
        expect(finder.control('contact-phone').getAttribute('href')).to.equal('tel:01632960000');
        expect(finder.focused).to.equal('input', 'focus stays where the person is typing');
        expect(await finder.announced(2000)).to.equal('Sorry, search is not working at the moment.');
        expect(consoleErrors).to.have.length(1);
        expect(consoleErrors[0]).to.contain('"directory" could not be used').and.match(reason);
        expect(errors).to.deep.equal(['directory']);
        await expectNoAxeViolations();
        // The next search asks again; the same failure is not logged twice.
        await sendKeys({ type: ' cafe' });
        await finder.searched();
        expect(finder.query('#directory-failed')).to.exist;
        expect(consoleErrors).to.have.length(1);
        expect(submitted).to.deep.equal([], 'a search the directory could not answer is not counted as a need with no answer');
      });
    }
  });

  describe('configuration', () => {
    const cases: [string, string, string][] = [
      ['no contact route', `<tandem-finder site="s" transport="events" directory="/oruk/v3"></tandem-finder>`, '"contact" is missing'],
      ['a contact route that is not JSON', `<tandem-finder site="s" transport="events" directory="/oruk/v3" contact="call us"></tandem-finder>`, '"contact" must be JSON like'],
      ['a contact route with a phone number that is not text', `<tandem-finder site="s" transport="events" directory="/oruk/v3" contact='{"label":"Call us","phone":1632960000}'></tandem-finder>`, '"contact" must be JSON like'],
      ['a directory that is not a web address', `<tandem-finder site="s" transport="events" directory="ftp://x/" contact='${CONTACT}'></tandem-finder>`, '"directory" must be the http(s) address'],
      ['an unknown version', `<tandem-finder site="s" transport="events" directory="/oruk/v3" directory-version="v2" contact='${CONTACT}'></tandem-finder>`, '"directory-version" must be "v3" or "v1"'],
      ['a postcode that is not one', `<tandem-finder site="s" transport="events" directory="/oruk/v3" postcode="nowhere" contact='${CONTACT}'></tandem-finder>`, '"postcode" must be a UK postcode'],
    ];
    for (const [name, markup, message] of cases) {
      it(`${name}: the misconfigured notice and a console error`, async () => {
        mountPage(markup);
        const finder = await new FinderHarness(document.querySelector('tandem-finder')!).ready();
        expect(finder.text('.notice')).to.equal('Sorry, search is not available on this page.');
        expect(consoleErrors.some((m) => m.includes(message))).to.equal(true, consoleErrors.join('\n'));
      });
    }
  });

  it('speaks Welsh around the directory’s own (English) records', async () => {
    const finder = await mount('/oruk/v3', 'ask-postcode', 'cy');
    // Welsh strings arrive a moment after the first render.
    await until(() => finder.text('label[for="postcode"]') === 'Eich cod post (dewisol)');
    await finder.type('memory');
    expect(finder.results).to.deep.equal(['Memory Cafe']);
    expect(finder.text('#option-0')).to.contain('Ffôn:');
  });
});

// The client on its own (in this file, not beside the static catalogue's tests, as it shares
// the stand-in directory's request counter with the element's tests above).
const base = `${location.origin}/oruk`;
const V3 = `${base}/v3`;
const V1 = `${base}/v1/openreferral/v1`;
const resetHits = () => fetch(`${base}/hits`, { method: 'DELETE' });

describe('Open Referral UK', () => {
  beforeEach(() => resetHits());

  it('reads the standard’s example record into an entry', async () => {
    const { entries, total, version } = await new OpenReferralClient(V3).search('counselling');
    expect(version).to.equal('v3');
    expect(total).to.equal(2);
    const example = entries.find((e) => e.id === EXAMPLE_ID)!;
    expect(example.title).to.equal('Community Counselling');
    expect(example.summary).to.equal('Counselling Services provided by trained professionals.');
    expect(example.url).to.equal('http://example.com/counselling');
    expect(example.hours).to.include('10 am to 6pm');
    expect(example.cost).to.equal('£35 per 1 hour session (Under 18s and Over 60s)');
    expect(example.eligibility).to.equal('Ages 12 to 100');
  });

  it('takes the phone number from the service’s contacts', async () => {
    const { entries } = await new OpenReferralClient(V3).search('befriending');
    expect(entries.map((e) => [e.title, e.phone])).to.deep.equal([['Befriending Visits', '01632 960 202']]);
  });

  it('pages through v3 results', async () => {
    const client = new OpenReferralClient(V3);
    const first = await client.search('', { perPage: 4 });
    const second = await client.search('', { perPage: 4, page: 2 });
    expect(first.total).to.equal(6);
    expect(first.entries).to.have.length(4);
    expect(second.entries).to.have.length(2);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).to.equal(6);
  });

  it('filters by postcode', async () => {
    const { entries } = await new OpenReferralClient(V3).search('', { postcode: 'ns2 9zz' });
    expect(entries.map((e) => e.title).sort()).to.deep.equal(['Falls Prevention Classes', 'Memory Cafe']);
  });

  it('speaks v1 (text, content, totalElements) to a v1 directory', async () => {
    const { entries, total, version } = await new OpenReferralClient(V1).search('meals');
    expect(version).to.equal('v1');
    expect(total).to.equal(1);
    expect(entries[0]).to.include({ title: 'Meals at Home', phone: '01632 960 205', eligibility: 'adult. Ages 12 to 100' });
    expect(entries[0]!.hours).to.equal('Thursday, Friday, 10:00 to 18:00');
    const asked = Object.keys(await hits());
    expect(asked.every((url) => url.includes('text=meals'))).to.equal(true);
  });

  it('finds out a directory speaks v1 when its path does not say so', async () => {
    const client = new OpenReferralClient(`${base}/legacy`);
    // Asked in v3's words, it lists everything in v1's shape: the client asks again in v1's.
    const { version, entries } = await client.search('memory');
    expect(version).to.equal('v1');
    expect(entries.map((e) => e.title)).to.deep.equal(['Memory Cafe']);
    expect(Object.keys(await hits()).map((url) => url.replace(/^.*\?/, '').split('&')[0])).to.deep.equal(['search=memory', 'text=memory']);
    // And remembers: the next search goes straight to v1.
    await client.search('falls');
    expect(Object.keys(await hits())).to.have.length(3);
  });

  it('answers a repeated search from its cache', async () => {
    const client = new OpenReferralClient(V3);
    await client.search('memory');
    await client.search('memory');
    await client.search('Memory ');
    const counted = await hits();
    expect(Object.values(counted)).to.deep.equal([1]);
  });

  it('cancels a stale search when a newer one starts', async () => {
    const client = new OpenReferralClient(`${base}/slow/v3`);
    const stale = client.search('counselling');
    const fresh = client.search('memory');
    const error = (await rejection(stale)) as Error;
    expect(error.name).to.equal('AbortError');
    expect((await fresh).entries.map((e) => e.title)).to.deep.equal(['Memory Cafe']);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const searching = searchServices(`${base}/slow/v3`, 'falls', { signal: controller.signal });
    controller.abort();
    expect(((await rejection(searching)) as Error).name).to.equal('AbortError');
  });

  it('gives a CatalogueError when the directory fails, and asks again next time', async () => {
    const client = new OpenReferralClient(`${base}/broken/v3`);
    const error = (await rejection(client.search('x'))) as CatalogueError;
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    await rejection(client.search('x'));
    expect(Object.values(await hits())).to.deep.equal([2]);
  });

  it('leaves out what a record lacks, and skips records with no name', () => {
    expect(entryOfService({ id: 'x', name: 'Bare' })).to.deep.equal({ id: 'x', title: 'Bare', summary: 'Bare' });
    expect(entryOfService({ id: 'x' })).to.equal(undefined);
    expect(entryOfService('nonsense')).to.equal(undefined);
    expect(entryOfService({ id: 'x', name: 'Bad link', url: 'javascript:alert(1)' })!.url).to.equal(undefined);
  });

  it('cuts a description to its first sentence', () => {
    expect(firstSentence('One. Two.')).to.equal('One.');
    expect(firstSentence('No full stop')).to.equal('No full stop');
    expect(firstSentence('x'.repeat(300))).to.have.length(200);
  });
});
