// Every finder story is also a fixture: rendered as Storybook would render it (args, render
// function, locale wrapper, play function) in English and Welsh, left to right and right to
// left, checked for what it claims to show, and checked with axe. See stories.test.ts.
import { expect } from '@esm-bundle/chai';
import { render } from 'lit';
import type { StoryContext } from '@storybook/web-components-vite';
import * as finderStories from '../stories/finder.stories.js';
import { STORY_QUERIES, type FinderArgs } from '../stories/support/finder.js';
import { DIRECTIONS, LOCALES, withLocale, type Direction, type Locale } from '../stories/support/locale.js';
import { FinderHarness } from '../packages/finder/test/harness.js';
import en from '../packages/finder/src/locales/en.json';
import cy from '../packages/finder/src/locales/cy.json';
import { expectNoAxeViolations } from './support/axe.js';
import { mountPage } from './support/page.js';

type Strings = typeof en;
const STRINGS: Record<Locale, Strings> = { en, cy: cy as unknown as Strings };

type Story = (typeof finderStories)['Empty'];
type Meta = (typeof finderStories)['default'];

interface Composed {
  name: string;
  args: FinderArgs;
  render: NonNullable<Story['render']>;
  play: Story['play'];
}

function compose(meta: Meta, exportName: string, story: Story): Composed {
  const render = story.render ?? meta.render;
  if (!render) throw new Error(`${exportName} has no render function`);
  return { name: story.name ?? exportName, args: { ...meta.args, ...story.args }, render, play: story.play };
}

const { default: meta, ...stories } = finderStories;
const composed = Object.entries(stories).map(([exportName, story]) => [exportName, compose(meta, exportName, story as Story)] as const);

interface Check {
  widget: FinderHarness;
  s: Strings;
  locale: Locale;
}

const answerTitle: Record<Locale, string> = { en: 'Meals at home', cy: 'Prydau bwyd gartref' };

function answerShown({ widget, locale, s }: Check) {
  expect(widget.text('#answer-heading')).to.equal(answerTitle[locale]);
  expect(widget.expanded).to.equal(false);
  expect(widget.input.value).to.equal(answerTitle[locale]);
  expect(widget.text('#answer')).to.contain(s.phone);
}

const claims: Record<string, (check: Check) => void> = {
  Empty: ({ widget, s }) => {
    expect(widget.text('#label')).to.equal(s.label);
    expect(widget.text('#hint')).to.equal(s.hint);
    expect(widget.input.value).to.equal('');
    expect(widget.expanded).to.equal(false);
    expect(widget.query('#no-results, #answer')).to.equal(null);
  },
  Typing: ({ widget, locale }) => {
    expect(widget.input.value).to.equal(STORY_QUERIES[locale].results);
    expect(widget.expanded).to.equal(true);
    expect(widget.results.length).to.be.at.least(1);
    expect(widget.activeOption).to.equal(undefined);
    expect(widget.focused).to.equal('input');
  },
  Results: ({ widget }) => {
    expect(widget.expanded).to.equal(true);
    expect(widget.activeOption).to.equal('option-0');
    expect(widget.control('option-0').getAttribute('aria-selected')).to.equal('true');
    expect(widget.focused).to.equal('input');
  },
  NoResults: ({ widget, s }) => {
    expect(widget.expanded).to.equal(false);
    expect(widget.text('#no-results')).to.contain(s.noResultsKind);
    expect(widget.text('#contact-heading')).to.equal(s.contactHeading);
    expect(widget.control('contact-phone').getAttribute('href')).to.equal('tel:03001234567');
  },
  Answer: (check) => {
    answerShown(check);
    expect(check.widget.focused).to.equal('answer-heading');
    expect(check.widget.text('#helped-question')).to.equal(check.s.helpedQuestion);
  },
  DidNotHelp: ({ widget, s }) => {
    expect(widget.text('label[for="need"]')).to.equal(s.needLabel);
    expect(widget.focused).to.equal('need');
    expect(widget.query('#error-summary')).to.equal(null);
  },
  DidNotHelpErrors: ({ widget, s }) => {
    expect(widget.focused).to.equal('error-summary');
    expect(widget.text('#error-summary a')).to.equal(s.needEmpty);
    expect(widget.control('need').getAttribute('aria-invalid')).to.equal('true');
  },
  Thanks: ({ widget, s }) => {
    expect(widget.text('#thanks')).to.equal(s.thanksNo);
    expect(widget.focused).to.equal('thanks');
  },
  HelpedThanks: ({ widget, s }) => {
    expect(widget.text('#thanks')).to.equal(s.thanksYes);
    expect(widget.focused).to.equal('thanks');
  },
  BadCatalogue: ({ widget, s }) => {
    expect(widget.text('#failed')).to.equal(s.catalogueFailed);
    expect(widget.query('input')).to.equal(null);
    expect(widget.focused).to.equal('failed');
  },
  Misconfigured: ({ widget, s }) => {
    expect(widget.text('.notice')).to.equal(s.notice.misconfigured);
    expect(widget.query('input')).to.equal(null);
  },
  HeadingLevel3: (check) => {
    answerShown(check);
    expect(check.widget.query('h2')).to.equal(null);
    expect(check.widget.query('h3#answer-heading')).to.exist;
    expect(check.widget.query('h4#helped-question')).to.exist;
    expect(document.querySelector('#host h2')).to.exist;
  },
};

async function eventually(assertion: () => void, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function ownStrings(locale: Locale): string[] {
  const other = new Set(Object.values(STRINGS[locale === 'en' ? 'cy' : 'en']).flatMap(leaves));
  return Object.values(STRINGS[locale]).flatMap(leaves).filter((text) => !text.includes('{{') && !other.has(text));
}
function leaves(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);
}

describe('finder stories', () => {
  // Choosing a result with a page of its own would leave the test page.
  const stay = (event: Event) => event.preventDefault();
  before(() => document.addEventListener('tandem-choose', stay));
  after(() => document.removeEventListener('tandem-choose', stay));

  it('every story says what it shows', () => {
    expect(composed.map(([exportName]) => exportName).filter((name) => !claims[name])).to.deep.equal([]);
  });

  for (const [exportName, story] of composed) {
    describe(story.name, () => {
      for (const locale of Object.keys(LOCALES) as Locale[]) {
        for (const direction of Object.keys(DIRECTIONS) as Direction[]) {
          it(`${locale}, ${direction}: shows what it claims and passes axe`, async () => {
            const errors: unknown[][] = [];
            const consoleError = console.error;
            console.error = (...args: unknown[]) => errors.push(args);
            try {
              const globals = { locale, direction };
              const host = mountPage('', { lang: locale, dir: direction });
              const context = { args: story.args, globals, canvasElement: host, name: story.name } as unknown as StoryContext<FinderArgs>;
              render(withLocale(story.render(story.args, context), globals), host);

              const element = host.querySelector('tandem-finder');
              expect(element, 'a <tandem-finder> in the story').to.exist;
              await story.play?.(context);
              const widget = await new FinderHarness(element!).ready();
              const own = ownStrings(locale);
              await eventually(() => {
                const text = widget.text('.base');
                expect(own.some((phrase) => text.includes(phrase)), `text in ${locale}: "${text}"`).to.equal(true);
              });

              await eventually(() => claims[exportName]!({ widget, s: STRINGS[locale], locale }));
              const base = widget.query('.base')!;
              expect(base.getAttribute('lang')).to.equal(locale);
              expect(getComputedStyle(base).direction).to.equal(direction);

              expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
              await expectNoAxeViolations();
            } finally {
              console.error = consoleError;
              document.body.innerHTML = '';
            }
            const messages = errors.map((args) => args.map(String).join(' '));
            if (exportName === 'Misconfigured') expect(messages.join('\n')).to.match(/"catalogue" is missing/);
            else if (exportName === 'BadCatalogue') expect(messages.join('\n')).to.match(/"catalogue" could not be used: .*no-such-catalogue\.json/);
            else expect(messages).to.deep.equal([]);
          });
        }
      }
    });
  }
});
