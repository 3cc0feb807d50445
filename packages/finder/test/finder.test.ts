import { expect } from '@esm-bundle/chai';
import { a11ySnapshot, emulateMedia, executeServerCommand, findAccessibilityNode, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { TandemSubmittedEvent } from '@tandem/core';
import '../src/define.js';
import type { Catalogue } from '../src/catalogue.js';
import type { TandemChooseEvent } from '../src/events.js';
import { ANNOUNCE_DELAY_MS, NEED_MAX_LENGTH, SETTLE_DELAY_MS } from '../src/finder.js';
import { FinderSearch } from '../src/search/engine.js';
import { fixtureCatalogue, fixtureCatalogueJson } from './fixture-catalogue.js';
import example from '../../../examples/adult-social-care/catalogue.json';
import { FinderHarness } from './harness.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';

type Node = {
  name?: string;
  role?: string;
  level?: number;
  focused?: boolean;
  expanded?: boolean;
  selected?: boolean;
  autocomplete?: string;
  haspopup?: string;
  description?: string;
  invalid?: string;
  children?: Node[];
};

const ATTRS = 'site="adult-social-care" transport="events"';

/** Mounts a finder; `catalogue` is given as the catalogueData property unless null. */
async function mount(attributes = ATTRS, { catalogue = fixtureCatalogue as Catalogue | null, lang = 'en', dir = 'ltr' } = {}) {
  mountPage(`<tandem-finder ${attributes}></tandem-finder>`, { lang, dir });
  const element = document.querySelector('tandem-finder')!;
  if (catalogue) element.catalogueData = catalogue;
  return new FinderHarness(element).ready();
}

async function snapshot(): Promise<Node> {
  return (await a11ySnapshot({})) as unknown as Node;
}

async function axNode(predicate: (node: Node) => boolean): Promise<Node | null> {
  return findAccessibilityNode((await snapshot()) as never, predicate as never) as Node | null;
}

/** Every node of the full accessibility tree under a selector (`pierce/…` reaches into shadow roots). */
async function fullTree(selector: string): Promise<Node[]> {
  const flatten = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(flatten)];
  return flatten((await executeServerCommand('a11y-tree', { selector })) as Node);
}

async function combobox(): Promise<Node> {
  const node = await axNode((n) => n.role === 'combobox');
  if (!node) throw new Error('no combobox in the accessibility tree');
  return node;
}

async function until(condition: () => boolean, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const press = (key: string) => sendKeys({ press: key });
const tab = () => press('Tab');

/** Focuses the search box with Tab and types, key by key, as a person does. */
async function typeKeys(finder: FinderHarness, text: string): Promise<void> {
  if (finder.focused !== 'input') {
    await tab();
    expect(finder.focused).to.equal('input');
  }
  await sendKeys({ type: text });
  await finder.searched();
}

/** Answers fetches of `path` with a body and status, for the catalogue cases. */
function serve(path: string, body: string, status = 200): () => void {
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (new URL(url, location.href).pathname === path) {
      return Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));
    }
    return original(input, init);
  };
  return () => {
    window.fetch = original;
  };
}

describe('<tandem-finder>', () => {
  let submitted: TandemSubmittedEvent['detail'][] = [];
  let chosen: TandemChooseEvent[] = [];
  const record = (event: Event) => submitted.push((event as TandemSubmittedEvent).detail);
  // Tests never leave the page: a choice of a page is recorded, not followed.
  const stopNavigation = (event: Event) => {
    chosen.push(event as TandemChooseEvent);
    event.preventDefault();
  };
  const answers = () => submitted.map((s) => s.submission.answers);
  beforeEach(() => {
    submitted = [];
    chosen = [];
    document.addEventListener('tandem-submitted', record);
    document.addEventListener('tandem-choose', stopNavigation);
  });
  afterEach(() => {
    document.removeEventListener('tandem-submitted', record);
    document.removeEventListener('tandem-choose', stopNavigation);
    document.body.innerHTML = '';
  });

  describe('the search box', () => {
    it('is a labelled, described combobox with list autocomplete, collapsed at first', async () => {
      const finder = await mount();
      const input = finder.input;
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-autocomplete')).to.equal('list');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.getAttribute('aria-controls')).to.equal('listbox');
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
      expect(finder.root.getElementById('listbox')!.getAttribute('role')).to.equal('listbox');
      const node = await combobox();
      expect(node.name).to.equal('What do you need help with?');
      expect(node.description).to.match(/^Use your own words/);
      expect(node.expanded).to.not.equal(true);
      expect(node.autocomplete).to.equal('list');
      expect(finder.root.querySelector('[placeholder]')).to.equal(null, 'no placeholder unless asked for');
      await expectNoAxeViolations();
    });

    it('builds the search index only when the box is first used', async () => {
      const build = FinderSearch.prototype.build;
      let builds = 0;
      FinderSearch.prototype.build = function (this: FinderSearch) {
        builds += 1;
        return build.call(this);
      };
      try {
        const finder = await mount();
        // Only a person's focus or typing asks for the index (no timer does): once mounting's
        // update is done, a build would have started.
        await finder.element.updateComplete;
        expect(builds).to.equal(0);
        await tab();
        expect(finder.focused).to.equal('input');
        await until(() => builds === 1);
      } finally {
        FinderSearch.prototype.build = build;
      }
    });
  });

  describe('keyboard (the APG editable combobox with list autocomplete)', () => {
    it('typing shows results in an expanded listbox; focus stays in the box, no option active', async () => {
      const finder = await mount();
      await typeKeys(finder, 'help at home');
      expect(finder.results[0]).to.equal('Help at home (home care)');
      expect(finder.expanded).to.equal(true);
      expect(finder.activeOption).to.equal(undefined);
      expect(finder.focused).to.equal('input');
      const node = await combobox();
      expect(node.expanded).to.equal(true);
      expect(node.focused).to.equal(true);
      expect(node.haspopup).to.equal('listbox');
      const listbox = await axNode((n) => n.role === 'listbox');
      expect(listbox?.name).to.equal('What do you need help with?');
      // Puppeteer's snapshot leaves out a listbox's options, so they are checked in the DOM.
      const options = [...finder.root.querySelectorAll('#listbox > [role=option]')];
      expect(options.length).to.equal(finder.results.length);
      expect(options.every((o) => o.getAttribute('aria-selected') === 'false')).to.equal(true);
      await expectNoAxeViolations();
    });

    it('Down moves to the first option, then the next; Up moves back; both wrap; DOM focus never leaves the box', async () => {
      const finder = await mount();
      await typeKeys(finder, 'help');
      const count = finder.results.length;
      expect(count).to.be.at.least(2);
      await press('ArrowDown');
      expect(finder.activeOption).to.equal('option-0');
      expect(finder.control('option-0').getAttribute('aria-selected')).to.equal('true');
      await press('ArrowDown');
      expect(finder.activeOption).to.equal('option-1');
      expect(finder.control('option-0').getAttribute('aria-selected')).to.equal('false');
      await press('ArrowUp');
      await press('ArrowUp');
      expect(finder.activeOption).to.equal(`option-${count - 1}`, 'Up on the first option wraps to the last');
      await press('ArrowDown');
      expect(finder.activeOption).to.equal('option-0', 'Down on the last option wraps to the first');
      expect(finder.focused).to.equal('input');
      expect(finder.input.value).to.equal('help', 'moving through the list does not change the text');
    });

    it('each option is named by its title alone and described by its details, with the spaces kept', async () => {
      const finder = await mount();
      await typeKeys(finder, 'help at home');
      await press('ArrowDown');
      const options = (await fullTree('pierce/#listbox')).filter((n) => n.role === 'option');
      expect(options.length).to.equal(finder.results.length);
      expect(options.map((o) => o.name)).to.deep.equal(finder.results, 'each name is the title');
      for (const option of options) expect(option.name!.length).to.be.below(60);
      const first = options[0]!;
      expect(first.selected).to.equal(true);
      expect(first.description).to.contain('Phone: 0300 123 4567');
      expect(first.description).to.contain('Open: Monday to Friday, 8:30am to 5pm');
      expect(first.description).to.contain('Who it is for: Adults who need help to stay at home');
      expect(first.description).to.not.match(/(Phone|Open|Cost|Who it is for):\S/, 'a space after every label');
    });

    it('on a Welsh page, an option with English details keeps its spaces and marks them lang="en"', async () => {
      const finder = await mount(ATTRS, { lang: 'cy' });
      await finder.type('falls');
      const option = finder.control('option-0');
      expect(option.querySelector('.option-title [lang="en"]')?.textContent).to.equal('Falls prevention and alarms');
      const [node] = (await fullTree('pierce/#listbox')).filter((n) => n.role === 'option');
      expect(node!.name).to.equal('Falls prevention and alarms');
      expect(node!.description).to.match(/Cost: Alarms from £4 a week/);
      expect(node!.description).to.not.match(/(Ffôn|Ar agor|Cost|Ar gyfer pwy):\S/, 'a space after every label');
    });

    it('Escape closes the list and keeps the text; Escape again clears it', async () => {
      const finder = await mount();
      await typeKeys(finder, 'blue badge');
      await press('ArrowDown');
      await press('Escape');
      await finder.settle();
      expect(finder.expanded).to.equal(false);
      expect(finder.activeOption).to.equal(undefined);
      expect(finder.input.value).to.equal('blue badge');
      expect((await combobox()).expanded).to.not.equal(true);
      await press('Escape');
      await finder.settle();
      expect(finder.input.value).to.equal('');
      expect(finder.results).to.deep.equal([]);
      expect(finder.focused).to.equal('input');
    });

    it('Down on a closed list opens it on the first option; Up opens it on the last; Alt+Down opens it with none active; Alt+Up closes it', async () => {
      const finder = await mount();
      await typeKeys(finder, 'help');
      const count = finder.results.length;
      await press('Escape');
      await press('ArrowDown');
      expect(finder.expanded).to.equal(true);
      expect(finder.activeOption).to.equal('option-0');
      await press('Escape');
      await press('ArrowUp');
      expect(finder.expanded).to.equal(true);
      expect(finder.activeOption).to.equal(`option-${count - 1}`);
      await press('Escape');
      await sendKeys({ down: 'Alt' });
      await press('ArrowDown');
      await sendKeys({ up: 'Alt' });
      await finder.settle();
      expect(finder.expanded).to.equal(true);
      expect(finder.activeOption).to.equal(undefined);
      expect((await combobox()).expanded).to.equal(true);
      await press('ArrowDown');
      expect(finder.activeOption).to.equal('option-0');
      await sendKeys({ down: 'Alt' });
      await press('ArrowUp');
      await sendKeys({ up: 'Alt' });
      await finder.settle();
      expect(finder.expanded).to.equal(false);
      expect(finder.input.value).to.equal('help');
    });

    it('Home and End move the caret in the text, not the list; Left and Right return to the text too', async () => {
      const finder = await mount();
      await typeKeys(finder, 'help at home');
      await press('ArrowDown');
      await press('ArrowDown');
      await press('Home');
      await finder.settle();
      expect(finder.activeOption).to.equal(undefined);
      expect(finder.input.selectionStart).to.equal(0);
      expect(finder.expanded).to.equal(true, 'the list stays open');
      await press('End');
      expect(finder.input.selectionStart).to.equal('help at home'.length);
      await press('ArrowDown');
      await press('ArrowLeft');
      await finder.settle();
      expect(finder.activeOption).to.equal(undefined);
      expect(finder.input.selectionStart).to.equal('help at home'.length - 1);
      await press('ArrowDown');
      await press('ArrowRight');
      await finder.settle();
      expect(finder.activeOption).to.equal(undefined);
      expect(finder.focused).to.equal('input');
    });

    it('typing or Backspace with an option active edits the text and searches again', async () => {
      const finder = await mount();
      await typeKeys(finder, 'blue badgex');
      await press('ArrowDown');
      await press('Backspace');
      await finder.searched();
      expect(finder.input.value).to.equal('blue badge');
      expect(finder.activeOption).to.equal(undefined);
      expect(finder.results[0]).to.equal('Blue Badge');
    });

    it('Enter on an option with an answer shows it in place, focus on its heading, with its details', async () => {
      const finder = await mount();
      await typeKeys(finder, 'meals on wheels');
      expect(finder.results[0]).to.equal('Meals at home');
      await press('ArrowDown');
      await press('Enter');
      await finder.settle();
      expect(finder.expanded).to.equal(false);
      expect(finder.input.value).to.equal('Meals at home', 'the box takes the chosen option');
      expect(finder.focused).to.equal('answer-heading');
      expect(await axNode((n) => n.role === 'heading' && n.name === 'Meals at home' && n.level === 2 && n.focused === true)).to.exist;
      expect(finder.text('#answer')).to.contain('A hot meal costs £5.20');
      expect(finder.control<HTMLAnchorElement>('answer-phone').getAttribute('href')).to.equal('tel:03001234000');
      expect(finder.text('.answer-details')).to.contain('£5.20 a meal');
      expect(await axNode((n) => n.role === 'heading' && n.name === 'Did this answer your need?' && n.level === 3)).to.exist;
      expect(chosen.map((e) => [e.detail.entry.id, e.detail.url])).to.deep.equal([['meals-at-home', undefined]]);
      await until(() => submitted.length === 1);
      expect(answers()).to.have.length(1);
      expect(answers()[0]).to.include({ query: 'meals on wheels', chosen: 'meals-at-home' });
      expect(answers()[0]!.results).to.be.at.least(1);
      await expectNoAxeViolations();
    });

    it('Enter on an option with a page fires tandem-choose with its address, sending the search first', async () => {
      const finder = await mount();
      await typeKeys(finder, 'blue badge');
      await press('ArrowDown');
      await press('Enter');
      await finder.settle();
      expect(chosen.map((e) => [e.detail.entry.id, e.detail.url, e.detail.query])).to.deep.equal([
        ['blue-badge', 'https://council.example/blue-badge', 'blue badge'],
      ]);
      await until(() => submitted.length === 1);
      expect(answers()[0]).to.include({ query: 'blue badge', chosen: 'blue-badge' });
      expect(finder.query('#answer')).to.equal(null);
    });

    it('Enter with no option active keeps the list and settles the search at once', async () => {
      const finder = await mount();
      await typeKeys(finder, 'care homes');
      await press('Enter');
      await until(() => submitted.length === 1);
      expect(answers()[0]).to.deep.include({ query: 'care homes' });
      expect(answers()[0]).to.not.have.property('chosen');
      expect(chosen).to.have.length(0);
    });

    it('Tab leaves the box: the list closes and nothing is chosen', async () => {
      const finder = await mount();
      await typeKeys(finder, 'help');
      await press('ArrowDown');
      await tab();
      await finder.settle();
      expect(finder.expanded).to.equal(false);
      expect(chosen).to.have.length(0);
    });
  });

  describe('announcements (on a fake clock)', () => {
    it('announces the number of results once typing pauses for ANNOUNCE_DELAY_MS, not on each key', async () => {
      const finder = (await mount()).useFakeClock();
      await typeKeys(finder, 'help at home');
      const status = finder.root.getElementById('announcement')!;
      expect(status.getAttribute('role')).to.equal('status');
      await finder.pause(ANNOUNCE_DELAY_MS - 1);
      expect(finder.announcement).to.equal('');
      await finder.pause(1);
      expect(finder.announcement).to.match(new RegExp(`^${finder.results.length} results? (is|are) available`));
      await sendKeys({ type: 's' });
      await finder.searched();
      expect(finder.announcement).to.equal('', 'emptied by the next key, so the same count is heard again');
    });

    it('announces when nothing is found', async () => {
      const finder = (await mount()).useFakeClock();
      await typeKeys(finder, 'zzqx vvbn');
      await finder.pause(ANNOUNCE_DELAY_MS);
      expect(finder.announcement).to.equal('No results. Suggestions and how to contact us are below the search box.');
    });
  });

  describe('touch and pointer', () => {
    it('a real click on a result chooses it, and focus does not leave before the choice', async () => {
      const finder = await mount();
      await typeKeys(finder, 'falls');
      const option = finder.control('option-0');
      const box = option.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + 20), Math.round(box.top + box.height / 2)] });
      await finder.settle();
      expect(finder.focused).to.equal('answer-heading');
      expect(finder.text('#answer-heading')).to.equal('Falls prevention and alarms');
    });

    it('results are targets at least 44 pixels high, and show phone, hours, cost and who it is for as text', async () => {
      const finder = await mount();
      await finder.type('help at home');
      const option = finder.control('option-0');
      expect(option.getBoundingClientRect().height).to.be.at.least(44);
      expect(option.querySelector('a, button, input')).to.equal(null, 'no interactive content inside an option');
      const text = finder.text('#option-0');
      for (const part of ['Phone: 0300 123 4567', 'Open: Monday to Friday, 8:30am to 5pm', 'Cost: Depends on your income', 'Who it is for: Adults who need help to stay at home']) {
        expect(text).to.contain(part);
      }
    });
  });

  describe('settled searches (on a fake clock)', () => {
    /** Lets a delivery already started finish (the redactor is loaded): a task, not a wait for time. */
    const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

    it('sends one search once typing pauses for SETTLE_DELAY_MS, redacted, not one per key', async () => {
      const finder = (await mount()).useFakeClock();
      await typeKeys(finder, 'help for mum call 07700 900123');
      await finder.pause(SETTLE_DELAY_MS - 1);
      await flush();
      expect(submitted).to.have.length(0, 'not before the pause is over');
      await finder.pause(1);
      await until(() => submitted.length === 1);
      await finder.pause(SETTLE_DELAY_MS * 4);
      await flush();
      expect(answers()).to.deep.equal([{ query: 'help for mum call [phone]', results: answers()[0]!.results }]);
      expect(submitted[0]!.submission).to.include({ widget: 'finder', site: 'adult-social-care', lang: 'en' });
      expect(finder.element.catalogueInUse).to.exist;
    });

    it('each key puts the pause off again; the fill time runs from the first key to the send', async () => {
      const finder = (await mount()).useFakeClock();
      await typeKeys(finder, 'stair');
      await finder.pause(SETTLE_DELAY_MS - 100);
      await sendKeys({ type: ' lift' });
      await finder.searched();
      await finder.pause(SETTLE_DELAY_MS - 100);
      await flush();
      expect(submitted).to.have.length(0, 'the pause started again with the last key');
      await finder.pause(100);
      await until(() => submitted.length === 1);
      expect(answers()[0]).to.include({ query: 'stair lift' });
      expect(submitted[0]!.submission.signals.fillMs).to.equal(2 * SETTLE_DELAY_MS - 100);
    });

    it('sends the search at once when the person leaves the box, and not again when the pause ends', async () => {
      const finder = (await mount()).useFakeClock();
      await typeKeys(finder, 'stair lift');
      await tab();
      await until(() => submitted.length === 1, 500);
      expect(answers()[0]).to.include({ query: 'stair lift' });
      await finder.pause(SETTLE_DELAY_MS * 2);
      await flush();
      expect(submitted).to.have.length(1, 'not sent again when the pause ends');
      expect(finder.clock!.pending()).to.deep.equal([]);
    });
  });

  describe('when nothing fits', () => {
    it('says so kindly, gives the contact route, and passes axe', async () => {
      const finder = await mount();
      await typeKeys(finder, 'zzqx vvbn');
      expect(finder.expanded).to.equal(false);
      expect(finder.text('#no-results-heading')).to.equal('We could not find anything for “zzqx vvbn”');
      expect(finder.text('#no-results')).to.contain('talk to someone who can help');
      expect(await axNode((n) => n.role === 'heading' && n.name === 'Talk to someone' && n.level === 3)).to.exist;
      const phone = finder.control<HTMLAnchorElement>('contact-phone');
      expect(phone.getAttribute('href')).to.equal('tel:03001234567');
      expect(phone.textContent!.trim()).to.equal('Call 0300 123 4567');
      expect(finder.text('#contact')).to.contain('Lines are open Monday to Friday, 8:30am to 5pm');
      expect(finder.control<HTMLAnchorElement>('contact-link').href).to.equal('https://council.example/contact-adult-social-care');
      await expectNoAxeViolations();
    });

    it('offers near matches as buttons that search for them', async () => {
      const finder = await mount();
      const engine = new FinderSearch(fixtureCatalogue);
      const query = ['bin collection', 'dentist appointment', 'brekfast club', 'garden waste'].find(
        (q) => engine.search(q, 6).length === 0 && engine.suggestions(q, 3).length > 0,
      );
      if (!query) throw new Error('no query in this test gives suggestions without results');
      await typeKeys(finder, query);
      const buttons = [...finder.root.querySelectorAll<HTMLButtonElement>('.suggestions button')];
      expect(buttons.length).to.be.within(1, 3);
      const suggestion = engine.suggestions(query, 3)[0]!;
      expect(buttons[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Search for ${suggestion}`);
      buttons[0]!.focus();
      await press('Enter');
      await finder.searched();
      expect(finder.input.value).to.equal(suggestion);
      expect(finder.focused).to.equal('input');
      expect(finder.results.length).to.be.at.least(1);
    });
  });

  describe('did this answer your need?', () => {
    async function answered() {
      const finder = await mount();
      await typeKeys(finder, 'meals on wheels');
      await press('ArrowDown');
      await press('Enter');
      await finder.settle();
      await until(() => submitted.length === 1);
      return finder;
    }

    it('Yes: thanks, with focus; sends query, chosen and helped', async () => {
      const finder = await answered();
      expect(await axNode((n) => n.role === 'button' && n.name === 'Yes this answered my need')).to.exist;
      finder.control('yes').focus();
      await press('Enter');
      await finder.settle();
      expect(finder.focused).to.equal('thanks');
      expect(finder.text('#thanks')).to.equal('Thank you. We are glad that helped.');
      await until(() => submitted.length === 2);
      expect(answers()[1]).to.deep.equal({ query: 'meals on wheels', chosen: 'meals-at-home', helped: true });
      await expectNoAxeViolations();
    });

    it('No: "What did you need?", an error summary if empty, then sends the need redacted and thanks', async () => {
      const finder = await answered();
      finder.control('no').focus();
      await press('Space');
      await finder.settle();
      expect(finder.focused).to.equal('need');
      expect(await axNode((n) => n.role === 'textbox' && n.name === 'What did you need?')).to.exist;
      await tab();
      expect(finder.focused).to.equal('send');
      await press('Enter');
      await finder.settle();
      expect(finder.focused).to.equal('error-summary');
      expect(finder.text('#error-summary a')).to.equal('Enter what you needed');
      expect(finder.control('need').getAttribute('aria-invalid')).to.equal('true');
      await expectNoAxeViolations();
      finder.control<HTMLAnchorElement>('error-summary').querySelector('a')!.focus();
      await press('Enter');
      expect(finder.focused).to.equal('need');
      await sendKeys({ type: 'Vegetarian meals for my dad, email dad@example.com' });
      await tab();
      await press('Enter');
      await finder.settle();
      expect(finder.focused).to.equal('thanks');
      expect(finder.text('#thanks')).to.equal('Thank you. Your answer helps us improve our services.');
      await until(() => submitted.length === 2);
      expect(answers()[1]).to.deep.equal({ query: 'meals on wheels', chosen: 'meals-at-home', helped: false, need: 'Vegetarian meals for my dad, email [email]' });
    });

    it('after the thank-you, Tab goes on to "Search again" and then out of the widget; the message is read once and shows its focus', async () => {
      mountPage(`<tandem-finder ${ATTRS}></tandem-finder><p><a href="#after" id="after">After the finder</a></p>`);
      const element = document.querySelector('tandem-finder')!;
      element.catalogueData = fixtureCatalogue;
      const finder = await new FinderHarness(element).ready();
      await typeKeys(finder, 'meals on wheels');
      await press('ArrowDown');
      await press('Enter');
      await finder.settle();
      finder.control('yes').focus();
      await press('Enter');
      await finder.settle();
      expect(finder.focused).to.equal('thanks');
      const thanks = finder.control('thanks');
      expect(thanks.closest('[role=status], [role=alert], [aria-live]')).to.equal(null, 'focus reads it: not a live region too');
      expect(getComputedStyle(thanks).outlineStyle).to.equal('solid', 'a visible focus ring');
      expect(parseFloat(getComputedStyle(thanks).outlineWidth)).to.be.at.least(3);
      await tab();
      expect(finder.focused).to.equal('new-search');
      await tab();
      expect(document.activeElement?.id).to.equal('after', 'Tab leaves the widget, it does not wrap to its first control');
      await expectNoAxeViolations();
    });

    it('"Search again" empties the box and puts focus in it', async () => {
      const finder = await answered();
      await finder.yes();
      await finder.click('new-search');
      expect(finder.focused).to.equal('input');
      expect(finder.input.value).to.equal('');
      expect(finder.query('#answer')).to.equal(null);
    });

    it('a new search clears the last answer and its errors from the screen; an unsent "No" counts as not helped', async () => {
      const finder = await answered();
      await finder.no();
      await finder.send();
      expect(finder.query('#error-summary')).to.exist;
      await finder.type('blue badge');
      expect(finder.query('#answer, #error-summary, #need-error')).to.equal(null);
      expect(finder.results[0]).to.equal('Blue Badge');
      await until(() => answers().some((a) => 'helped' in a));
      expect(answers().find((a) => 'helped' in a)).to.deep.equal({ query: 'meals on wheels', chosen: 'meals-at-home', helped: false });
      await expectNoAxeViolations();
    });

    it('counts the characters and refuses more than the limit', async () => {
      const finder = await answered();
      await finder.no();
      await finder.typeNeed('x'.repeat(NEED_MAX_LENGTH + 2));
      expect(finder.text('.count')).to.equal('You have 2 characters too many');
      await finder.send();
      expect(finder.text('#need-error')).to.equal(`Error: What you needed must be ${NEED_MAX_LENGTH} characters or fewer`);
      expect(submitted).to.have.length(1);
    });

    it('No, then choosing another answer: the first still counts as not helped', async () => {
      const finder = await answered();
      await finder.no();
      await finder.type('falls');
      await finder.choose(0);
      await until(() => submitted.length >= 3);
      expect(answers().find((a) => 'helped' in a)).to.deep.equal({ query: 'meals on wheels', chosen: 'meals-at-home', helped: false });
      expect(finder.text('#answer-heading')).to.equal('Falls prevention and alarms');
    });
  });

  describe('bad catalogues never break the page', () => {
    let consoleErrors: string[] = [];
    let pageErrors: unknown[] = [];
    const original = console.error;
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => pageErrors.push('reason' in event ? event.reason : event.error);
    beforeEach(() => {
      consoleErrors = [];
      pageErrors = [];
      console.error = (...args: unknown[]) => consoleErrors.push(args.map(String).join(' '));
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onError);
    });
    afterEach(() => {
      console.error = original;
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    });

    it('catalogueData of the wrong shape: the notice once the box is used, naming the property', async () => {
      const finder = await mount(ATTRS, { catalogue: { version: 1, name: 'x', entries: 'none' } as unknown as Catalogue });
      finder.input.focus();
      await until(() => finder.element.catalogueStatus === 'failed');
      await finder.settle();
      expect(finder.text('#failed')).to.contain('Sorry, search is not working at the moment.');
      expect(consoleErrors.some((m) => m.includes('"catalogue" could not be used: the catalogueData property'))).to.equal(true, consoleErrors.join('\n'));
      expect(pageErrors).to.deep.equal([]);
    });

    it('no catalogue attribute: the misconfigured notice and a console error naming "catalogue"', async () => {
      const finder = await mount(ATTRS, { catalogue: null });
      expect(finder.text('.notice')).to.equal('Sorry, search is not available on this page.');
      expect(consoleErrors.some((m) => m.includes('"catalogue" is missing'))).to.equal(true);
      expect(finder.query('input')).to.equal(null);
      await expectNoAxeViolations();
    });

    const cases: [string, string, string, number][] = [
      ['invalid JSON', '/catalogues/invalid.json', '{"version": 1, "entries": [', 200],
      ['the wrong shape', '/catalogues/wrong-shape.json', '{"version": 1, "entries": "none"}', 200],
      ['not found (404)', '/catalogues/missing.json', 'Not found', 404],
    ];
    for (const [name, path, body, status] of cases) {
      it(`${name}: a visible notice, a console error naming "catalogue" and the address, nothing thrown`, async () => {
        const restore = serve(path, body, status);
        const errors: string[] = [];
        try {
          mountPage(`<tandem-finder ${ATTRS} catalogue="${path}"></tandem-finder>`);
          const element = document.querySelector('tandem-finder')!;
          element.addEventListener('tandem-error', (e) => errors.push(e.detail.attribute ?? ''));
          const finder = await new FinderHarness(element).ready();
          expect(element.catalogueStatus).to.equal('none', 'nothing is fetched before the box is used');
          await tab();
          // A fast failure may already have moved focus on to the notice.
          expect(['input', 'failed']).to.include(finder.focused);
          await until(() => element.catalogueStatus === 'failed');
          await finder.settle();
          expect(finder.text('#failed')).to.contain('Sorry, search is not working at the moment.');
          expect(finder.focused).to.equal('failed', 'focus stays in the finder, on the notice');
          expect(consoleErrors.some((m) => m.includes('"catalogue"') && m.includes(path))).to.equal(true, consoleErrors.join('\n'));
          expect(errors).to.deep.equal(['catalogue']);
          await expectNoAxeViolations();
        } finally {
          restore();
        }
        expect(pageErrors).to.deep.equal([]);
      });
    }

    it('unreachable: the same notice', async () => {
      mountPage(`<tandem-finder ${ATTRS} catalogue="http://127.0.0.1:9/catalogue.json"></tandem-finder>`);
      const element = document.querySelector('tandem-finder')!;
      const finder = await new FinderHarness(element).ready();
      finder.input.focus();
      await until(() => element.catalogueStatus === 'failed', 8000);
      await finder.settle();
      expect(finder.text('#failed')).to.contain('Sorry, search is not working at the moment.');
      expect(consoleErrors.some((m) => m.includes('"catalogue"'))).to.equal(true);
      expect(pageErrors).to.deep.equal([]);
    });

    it('a catalogue from a URL relative to the page loads and searches', async () => {
      const restore = serve('/catalogues/good.json', fixtureCatalogueJson);
      try {
        mountPage(`<tandem-finder ${ATTRS} catalogue="/catalogues/good.json"></tandem-finder>`);
        const finder = await new FinderHarness(document.querySelector('tandem-finder')!).ready();
        // ready() waited for the first update; only using the box fetches, never a timer.
        expect(finder.element.catalogueStatus).to.equal('none', 'not fetched until the box is used');
        await finder.type('blue badge');
        expect(finder.element.catalogueStatus).to.equal('ready');
        expect(finder.results[0]).to.equal('Blue Badge');
      } finally {
        restore();
      }
      expect(consoleErrors).to.deep.equal([]);
    });

    it('a broken catalogue after a good one keeps the contact route in view', async () => {
      const finder = await mount();
      await finder.type('blue badge');
      const restore = serve('/catalogues/broken.json', '{', 200);
      try {
        finder.element.catalogueData = undefined;
        finder.element.catalogue = '/catalogues/broken.json';
        await until(() => finder.element.catalogueStatus === 'failed');
        await finder.settle();
        expect(finder.control<HTMLAnchorElement>('contact-phone').getAttribute('href')).to.equal('tel:03001234567');
      } finally {
        restore();
      }
    });
  });

  describe('language', () => {
    it('speaks Welsh, shows the catalogue’s Welsh, and falls back to English where it has none', async () => {
      const finder = await mount(ATTRS, { lang: 'cy' });
      await finder.waitForText('#label', 'Gyda beth mae angen help arnoch chi?');
      expect(finder.query('.base')!.getAttribute('lang')).to.equal('cy');
      await finder.type('prydau');
      expect(finder.results[0]).to.equal('Prydau bwyd gartref');
      expect(await finder.announced()).to.match(/^Mae \d+ c?h?g?anlyniad ar gael/);
      await finder.choose(0);
      expect(finder.text('#answer')).to.contain('Mae pryd poeth yn costio £5.20');
      expect(finder.text('#helped-question')).to.equal('Oedd hyn yn ateb eich angen?');
      await finder.type('falls');
      expect(finder.results[0]).to.equal('Falls prevention and alarms', 'no Welsh title: the English one');
      await finder.choose(0);
      expect(finder.query('#answer-heading [lang="en"]')?.textContent).to.equal('Falls prevention and alarms', 'English marked as English');
      expect([...finder.root.querySelectorAll('#answer > p[lang="en"]')].length).to.equal(2, 'its answer is English too');
      expect(finder.query('#helped-question')!.closest('[lang="en"]')).to.equal(null, 'the widget\'s own words are Welsh');
      await finder.type('zzqx vvbn');
      expect(finder.text('#contact')).to.contain("Mae'r llinellau ar agor dydd Llun i ddydd Gwener");
      expect(finder.control<HTMLAnchorElement>('contact-link').textContent!.trim()).to.equal('Cysylltu â gofal cymdeithasol oedolion');
      await expectNoAxeViolations();
    });

    it('uses the heading level the host asks for', async () => {
      const finder = await mount(`${ATTRS} heading-level="4"`);
      await finder.type('meals on wheels');
      await finder.choose(0);
      expect(await axNode((n) => n.role === 'heading' && n.name === 'Meals at home' && n.level === 4)).to.exist;
      expect(await axNode((n) => n.role === 'heading' && n.name === 'Did this answer your need?' && n.level === 5)).to.exist;
    });

    it('limits the number of results', async () => {
      const finder = await mount(`${ATTRS} limit="2"`);
      await finder.type('help');
      expect(finder.results.length).to.be.at.most(2);
    });
  });

  describe('zoom and forced colours', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
      await emulateMedia({ forcedColors: 'none' });
    });

    it('reflows at 320 CSS pixels without scrolling sideways: results, no results, answer, form', async () => {
      await setViewport({ width: 320, height: 640 });
      const finder = await mount();
      const fits = (step: string) => {
        const base = finder.query('.base')!;
        expect(base.scrollWidth, step).to.be.at.most(base.clientWidth + 1);
        expect(document.documentElement.scrollWidth, step).to.be.at.most(320);
      };
      fits('empty');
      await finder.type('help at home');
      fits('results');
      await finder.type('zzqx vvbn');
      fits('no results');
      await finder.type('meals on wheels');
      await finder.choose(0);
      fits('answer');
      await finder.no();
      await finder.send();
      fits('form with errors');
    });

    it('at 320 by 640 pixels, six results keep the search box in view: the list scrolls, not the page', async () => {
      await setViewport({ width: 320, height: 640 });
      const finder = await mount(ATTRS, { catalogue: example as unknown as Catalogue });
      await typeKeys(finder, 'help at home');
      expect(finder.results.length).to.equal(6);
      const listbox = finder.control('listbox');
      expect(listbox.getBoundingClientRect().height).to.be.at.most(640 * 0.6);
      expect(listbox.scrollHeight).to.be.above(listbox.clientHeight, 'the list scrolls within itself');
      for (let i = 0; i < 6; i += 1) {
        await press('ArrowDown');
        await finder.settle();
        const input = finder.input.getBoundingClientRect();
        expect(input.top, `option ${i}`).to.be.at.least(0);
        expect(input.bottom, `option ${i}`).to.be.at.most(innerHeight);
        const option = finder.control(`option-${i}`).getBoundingClientRect();
        const list = listbox.getBoundingClientRect();
        expect(option.top, `option ${i} in view`).to.be.at.least(list.top - 1);
        expect(option.bottom, `option ${i} in view`).to.be.at.most(list.bottom + 1);
      }
    });

    it('shows the active result and the focus in forced colours', async () => {
      await emulateMedia({ forcedColors: 'active' });
      const finder = await mount();
      await typeKeys(finder, 'help');
      await press('ArrowDown');
      const style = getComputedStyle(finder.control('option-0'));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(3);
      expect(getComputedStyle(finder.input).outlineStyle).to.equal('solid');
    });
  });
});
