// Every pledge story is also a fixture: rendered as Storybook would render it (args, render
// function, locale wrapper, play function) in English and Welsh, left to right and right to
// left, checked for what it claims to show, and checked with axe. See stories.test.ts.
import { expect } from '@esm-bundle/chai';
import * as pledgeStories from '../stories/pledge.stories.js';
import type { Locale } from '../stories/support/locale.js';
import { PledgeHarness } from '../packages/pledge/test/harness.js';
import type { TandemPledge } from '../packages/pledge/src/pledge.js';
import en from '../packages/pledge/src/locales/en.json';
import cy from '../packages/pledge/src/locales/cy.json';
import list from '../packages/pledge/test/fixtures/help-your-neighbourhood.json';
import { sweepStories, type Check as SweepCheck } from './support/story-sweep.js';

type Strings = typeof en;
const STRINGS: Record<Locale, Strings> = { en, cy: cy as unknown as Strings };
type Check = SweepCheck<PledgeHarness, Strings>;

const boxes = (widget: PledgeHarness, group: string) => [...widget.root.querySelectorAll<HTMLInputElement>(`input[name="${group}"]`)].map((box) => box.value);
const REFERENCE = /^TDM-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

function offering({ widget, locale }: Check, ways = list.ways.length) {
  expect(widget.text('#title')).to.equal(list.title[locale]);
  expect(boxes(widget, 'ways')).to.have.length(ways);
  expect(widget.element.stage).to.equal('offering');
}

const claims: Record<string, (check: Check) => void> = {
  Offering: (check) => {
    offering(check);
    expect(boxes(check.widget, 'areas')).to.deep.equal([...list.areas.map((area) => area.id), 'home']);
    expect(boxes(check.widget, 'when')).to.have.length(7);
    expect(check.widget.text('#way-shopping-drop-offs-details')).to.contain(check.s.wontBeAsked);
    expect(check.widget.query('#error-summary')).to.equal(null);
  },
  FromHomeOnly: (check) => {
    offering(check, 2);
    expect(boxes(check.widget, 'areas')).to.deep.equal(['home']);
  },
  Errors: ({ widget, s }) => {
    expect(widget.focused).to.equal('error-summary');
    expect(widget.errorLinks[0]).to.deep.equal([s.problem['choose-a-way'], 'way-befriending-calls']);
    expect(widget.errorLinks).to.have.length(7);
  },
  YoungPerson: ({ widget, s }) => {
    expect(widget.control('guardian')).to.exist;
    expect(widget.errorLinks).to.deep.equal([
      [s.problem['not-open-to-young-people'], 'way-befriending-calls'],
      [s.problem['guardian-required'], 'guardian'],
    ]);
  },
  Sent: ({ widget, s, locale }) => {
    expect(widget.element.stage).to.equal('sent');
    expect(widget.text('#confirmation-heading')).to.equal(s.sentHeading);
    expect(widget.shownReference).to.match(REFERENCE);
    const partner = list.ways.find((way) => way.id === 'repair-cafe')!.partner!.name[locale];
    expect(widget.text('.confirmation')).to.contain(partner);
  },
  Queued: ({ widget, s }) => {
    expect(widget.element.stage).to.equal('queued');
    expect(widget.text('#confirmation-heading')).to.equal(s.queuedHeading);
    expect(widget.text('#queued-message')).to.equal(s.queued);
    expect(widget.shownReference).to.match(REFERENCE);
  },
  NotSent: ({ widget, s }) => {
    expect(widget.element.stage).to.equal('offering');
    expect(widget.text('#offer-refusal')).to.equal(s.unprepared);
    expect(widget.control<HTMLInputElement>('name').value, 'everything kept, to send again').to.equal('Jo Bloggs');
  },
  Withdrawn: ({ widget, s }) => {
    expect(widget.text('#withdraw-message')).to.equal(s.withdrawn.replace('{{reference}}', 'TDM-2345-6789-ABCD'));
    expect(widget.control<HTMLInputElement>('withdraw-reference').value).to.equal('');
  },
  WithdrawUnknown: ({ widget, s }) => {
    expect(widget.text('#withdraw-message')).to.equal(s.withdrawUnknown);
    expect(widget.control<HTMLInputElement>('withdraw-reference').value).to.equal('TDM-2345-6789-ABCD');
  },
  WithdrawInvalid: ({ widget, s }) => {
    expect(widget.query<HTMLDetailsElement>('details.withdraw')!.open).to.equal(true);
    expect(widget.text('#withdraw-message')).to.equal(s.withdrawInvalid);
    expect(widget.control('withdraw-reference').getAttribute('aria-invalid')).to.equal('true');
  },
  WithdrawFailed: ({ widget, s }) => {
    expect(widget.text('#withdraw-message')).to.equal(s.withdrawFailed);
    expect(widget.control<HTMLInputElement>('withdraw-reference').value).to.equal('TDM-2345-6789-ABCD');
  },
  CollectorUnreachable: ({ widget, s }) => {
    expect(widget.element.loadStatus).to.equal('unavailable');
    expect(widget.text('#load-message')).to.equal(s.unavailable);
  },
  // The sweep checks it for English (`speaks`) and for the console warning (`warnings`) below.
  WelshFailedEnglishFallback: ({ widget }) => {
    expect(widget.element.parentElement!.closest('[lang]')!.getAttribute('lang'), 'the page around it is Welsh').to.equal('cy-GB');
    expect(widget.query('.base')!.getAttribute('lang')).to.equal('en');
    expect(widget.text('#title')).to.equal(list.title.en);
    const text = widget.text('.base');
    expect([list.title.cy, cy.waysLegend, cy.send].filter((welsh) => text.includes(welsh)), 'Welsh mixed in').to.deep.equal([]);
  },
  Misconfigured: ({ widget, s }) => {
    expect(widget.text('.notice')).to.equal(s.notice.misconfigured);
  },
  HeadingLevel3: ({ widget }) => {
    expect(widget.query('h2')).to.equal(null);
    expect(widget.query('h3#title')).to.exist;
    expect(widget.query('h4#contact-heading')).to.exist;
  },
};

sweepStories({
  suite: 'pledge stories',
  stories: pledgeStories,
  tag: 'tandem-pledge',
  harness: (element) => new PledgeHarness(element as TandemPledge),
  strings: STRINGS,
  claims,
  complaints: { Misconfigured: /"list" is missing/ },
  speaks: { WelshFailedEnglishFallback: 'en' },
  warnings: { WelshFailedEnglishFallback: /<tandem-pledge>: no "cy-gb" strings, so English/, CollectorUnreachable: /could not reach the collector/ },
});
