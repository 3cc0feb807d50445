// Every finder story is also a fixture: rendered as Storybook would render it (args, render
// function, locale wrapper, play function) in English and Welsh, left to right and right to
// left, checked for what it claims to show, and checked with axe. See stories.test.ts.
import { expect } from '@esm-bundle/chai';
import * as finderStories from '../stories/finder.stories.js';
import { STORY_QUERIES } from '../stories/support/finder.js';
import type { Locale } from '../stories/support/locale.js';
import { FinderHarness } from '../packages/finder/test/harness.js';
import en from '../packages/finder/src/locales/en.json';
import cy from '../packages/finder/src/locales/cy.json';
import type { TandemFinder } from '../packages/finder/src/finder.js';
import { sweepStories, type Check as SweepCheck } from './support/story-sweep.js';

type Strings = typeof en;
const STRINGS: Record<Locale, Strings> = { en, cy: cy as unknown as Strings };

type Check = SweepCheck<FinderHarness, Strings>;

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
  EnglishEntries: ({ widget, locale }) => {
    expect(widget.results[0]).to.equal('Falls prevention and alarms');
    const title = widget.query('#option-0 .option-title')!;
    // English in a Welsh page is marked; in an English page nothing needs marking.
    expect(title.querySelector('[lang]')?.getAttribute('lang')).to.equal(locale === 'cy' ? 'en' : undefined);
    expect(widget.control('option-0').getAttribute('aria-describedby')).to.equal('option-0-details');
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
    expect(widget.query('#thanks')!.closest('[role=status], [aria-live]')).to.equal(null);
    expect(widget.text('#new-search')).to.equal(s.newSearch);
  },
  SearchAgain: ({ widget, s }) => {
    expect(widget.focused).to.equal('input');
    expect(widget.input.value).to.equal('');
    expect(widget.query('#answer, #thanks')).to.equal(null);
    expect(widget.text('#label')).to.equal(s.label);
  },
  BadCatalogue: ({ widget, s }) => {
    expect(widget.text('#failed')).to.equal(s.catalogueFailed);
    expect(widget.query('input')).to.equal(null);
    expect(widget.focused).to.equal('failed');
  },
  Directory: ({ widget, s }) => {
    expect(widget.text('label[for="postcode"]')).to.equal(s.postcodeLabel);
    expect(widget.results).to.deep.equal(['Community Counselling', 'Carers Counselling']);
    expect(widget.text('#option-1')).to.contain(`${s.phone} 01632 960 201`);
    expect(widget.focused).to.equal('input');
  },
  DirectoryDown: ({ widget, s }) => {
    expect(widget.text('#directory-failed')).to.contain(s.catalogueFailed);
    expect(widget.control('contact-phone').getAttribute('href')).to.equal('tel:03001234567');
    expect(widget.focused).to.equal('input');
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

// Choosing a result with a page of its own would leave the test page.
const stay = (event: Event) => event.preventDefault();
before(() => document.addEventListener('tandem-choose', stay));
after(() => document.removeEventListener('tandem-choose', stay));

sweepStories({
  suite: 'finder stories',
  stories: finderStories,
  tag: 'tandem-finder',
  harness: (element) => new FinderHarness(element as TandemFinder),
  strings: STRINGS,
  claims,
  complaints: {
    Misconfigured: /"catalogue" is missing/,
    BadCatalogue: /"catalogue" could not be used: .*no-such-catalogue\.json/,
    DirectoryDown: /"directory" could not be used: the service directory answered 500/,
  },
});
