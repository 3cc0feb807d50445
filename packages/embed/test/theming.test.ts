// The theming contract a council builds on: every `--tandem-*` custom property and every
// `::part()` that a widget's README documents (its API section, generated from the manifest)
// really changes the rendered widget. Each widget is taken through the states that show them;
// a property passes when setting it on the page changes a computed style in the shadow root,
// a part when the page's `::part()` rule reaches an element of the widget.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../feedback/src/define.js';
import '../../finder/src/define.js';
import '../../poll/src/define.js';
import type { Catalogue } from '../../finder/src/catalogue.js';
import { fixtureCatalogue } from '../../finder/test/fixture-catalogue.js';
import { FeedbackHarness } from '../../feedback/test/harness.js';
import { FinderHarness } from '../../finder/test/harness.js';
import { PollHarness } from '../../poll/test/harness.js';
import { pollTests, scenario } from '../../poll/test/support.js';
import { mountPage } from '../../../test/support/page.js';
import type { WidgetHarness } from '../../../test/support/widget-harness.js';

type Harness = WidgetHarness<LitElement>;

/** The names in a README's API table under `heading` (`| \`name\` | … |`). */
async function documented(widget: string, heading: 'Parts' | 'CSS custom properties'): Promise<string[]> {
  const readme = await (await fetch(`/packages/${widget}/README.md`)).text();
  const section = readme.split(`### ${heading}\n`)[1]?.split(/\n#+ |<!-- api:end -->/)[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
}

/** A value for a custom property that no default has, by what the property sets. */
function probe(property: string): string {
  if (property.includes('font-family')) return 'TandemThemeProbe, monospace';
  if (property.includes('font-size')) return '31px';
  if (property.endsWith('max-width')) return '123px';
  return 'rgb(1, 2, 3)';
}

const STYLES = ['color', 'background-color', 'border-top-color', 'border-bottom-color', 'border-left-color', 'outline-color', 'text-decoration-color', 'box-shadow', 'font-family', 'font-size', 'max-width', 'fill', 'stroke'];

/** Every computed style above of the host and of each element in its shadow root. */
function snapshot(harness: Harness): string[] {
  const elements = [harness.element, ...harness.root.querySelectorAll('*')];
  return elements.map((element) => {
    const style = getComputedStyle(element);
    return STYLES.map((name) => style.getPropertyValue(name)).join('|');
  });
}

const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [sheet];

/** Whether setting `property` on the page (as a council's stylesheet would) changes the widget. */
function changes(harness: Harness, property: string): boolean {
  const before = snapshot(harness);
  sheet.replaceSync(`${harness.element.localName} { ${property}: ${probe(property)}; }`);
  const after = snapshot(harness);
  sheet.replaceSync('');
  return after.some((value, i) => value !== before[i]);
}

/** Whether the page's `::part(name)` rule reaches an element in the widget. */
function styles(harness: Harness, part: string): boolean {
  sheet.replaceSync(`${harness.element.localName}::part(${part}) { text-indent: 7px; }`);
  const reached = [...harness.root.querySelectorAll(`[part~="${part}"]`)].some((element) => getComputedStyle(element).textIndent === '7px');
  sheet.replaceSync('');
  return reached;
}

/** Moves keyboard focus to the widget's first control, so focus styles show. */
async function tabIn(harness: Harness): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  await sendKeys({ press: 'Tab' });
  await harness.settle();
}

const { mountPoll } = pollTests('theming-poll');

async function mountFinder(): Promise<FinderHarness> {
  mountPage('<tandem-finder site="adult-social-care" transport="events"></tandem-finder>');
  const element = document.querySelector('tandem-finder')!;
  element.catalogueData = fixtureCatalogue as Catalogue;
  return new FinderHarness(element).ready();
}

/** For each widget, the states that between them show every documented property and part. */
const WIDGETS: Record<string, Array<[string, () => Promise<Harness>]>> = {
  feedback: [
    ['asking, a control focused by keyboard', async () => {
      mountPage('<tandem-feedback site="adult-social-care" transport="events"></tandem-feedback>');
      const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
      await tabIn(feedback);
      return feedback;
    }],
    ['the form after "No", sent empty', async () => {
      mountPage('<tandem-feedback site="adult-social-care" transport="events"></tandem-feedback>');
      const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
      await feedback.report();
      await feedback.send();
      return feedback;
    }],
    ['thanked', async () => {
      mountPage('<tandem-feedback site="adult-social-care" transport="events"></tandem-feedback>');
      const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
      await feedback.yes();
      await feedback.waitFor('thanks');
      return feedback;
    }],
  ],
  finder: [
    ['results listed, one focused by keyboard', async () => {
      const finder = await mountFinder();
      await tabIn(finder);
      await finder.type('help');
      return finder;
    }],
    ['an answer shown in place, then "No", sent empty', async () => {
      const finder = await mountFinder();
      await finder.type('meals');
      await finder.choose(0);
      await finder.no();
      await finder.send();
      return finder;
    }],
    ['no results', async () => {
      const finder = await mountFinder();
      await finder.type('zzxq qqzv');
      return finder;
    }],
    ['the catalogue could not be read', async () => {
      mountPage('<tandem-finder site="adult-social-care" transport="events" catalogue="/finder-catalogues/missing"></tandem-finder>');
      const finder = await new FinderHarness(document.querySelector('tandem-finder')!).ready();
      // The catalogue is fetched when the search box is first used; its failure is reported
      // (tandem-error), then drawn in the next update.
      const reported = new Promise((resolve) => finder.element.addEventListener('tandem-error', resolve, { once: true }));
      await tabIn(finder);
      await reported;
      await finder.element.updateComplete;
      expect(finder.root?.querySelector('#failed'), 'the notice that it failed').to.exist;
      return finder;
    }],
  ],
  poll: [
    ['asking, a control focused by keyboard', async () => {
      const poll: PollHarness = await mountPoll(scenario());
      await tabIn(poll);
      return poll;
    }],
    ['a question answered, its results shown', async () => {
      const poll: PollHarness = await mountPoll(scenario());
      await poll.answer('overall', '4');
      return poll;
    }],
    ['a statement sent', async () => {
      const poll: PollHarness = await mountPoll(scenario());
      await poll.writeStatement('Open the centre on Saturday mornings as well, please.');
      await poll.sendStatement();
      return poll;
    }],
    ['a statement sent empty', async () => {
      const poll: PollHarness = await mountPoll(scenario());
      await poll.sendStatement();
      return poll;
    }],
  ],
};

describe('Theming: the documented custom properties and parts change the rendered widget', () => {
  for (const [widget, states] of Object.entries(WIDGETS)) {
    it(`<tandem-${widget}>`, async () => {
      const properties = await documented(widget, 'CSS custom properties');
      const parts = await documented(widget, 'Parts');
      expect(properties, 'documented properties').to.include('--tandem-color-focus');
      expect(parts, 'documented parts').to.include('base');
      const shown = new Set<string>();
      for (const [, reach] of states) {
        const harness = await reach();
        for (const property of properties) if (changes(harness, property)) shown.add(property);
        for (const part of parts) if (styles(harness, part)) shown.add(part);
      }
      expect(properties.filter((name) => !shown.has(name)), 'properties that changed nothing').to.deep.equal([]);
      expect(parts.filter((name) => !shown.has(name)), 'parts no ::part() rule reached').to.deep.equal([]);
    });
  }
});
