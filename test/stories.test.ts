// Every story is also a fixture: each is rendered as Storybook would render it, in English
// and Welsh, left to right and right to left, checked for what it claims and with axe.
import { expect } from '@esm-bundle/chai';
import * as feedbackStories from '../stories/feedback.stories.js';
import { QUESTION_OVERRIDES } from '../stories/support/feedback.js';
import type { Locale } from '../stories/support/locale.js';
import { FeedbackHarness } from '../packages/feedback/test/harness.js';
import type { TandemFeedback } from '../packages/feedback/src/feedback.js';
import en from '../packages/feedback/src/locales/en.json';
import cy from '../packages/feedback/src/locales/cy.json';
import { sweepStories, type Check as SweepCheck } from './support/story-sweep.js';

type Strings = typeof en;
const STRINGS: Record<Locale, Strings> = { en, cy: cy as Strings };
type Check = SweepCheck<FeedbackHarness, Strings>;

const ids = (widget: FeedbackHarness, selector: string) => [...widget.root.querySelectorAll<HTMLElement>(selector)].map((el) => el.id);

/** What each story claims to show. A story without a claim fails the test below. */
const claims: Record<string, (check: Check) => void> = {
  Ask: ({ widget, s }) => {
    expect(widget.state).to.equal('ask');
    expect(widget.text('h2#question')).to.equal(s.question);
    expect(ids(widget, 'button')).to.deep.equal(['yes', 'no', 'report']);
  },
  YesThanks: ({ widget, s }) => {
    expect(widget.state).to.equal('thanks');
    expect(widget.text('#message')).to.equal(s.thanks);
    expect(widget.focused).to.equal('message');
    expect(ids(widget, 'button')).to.deep.equal(['more', 'report']);
  },
  TellUsMore: ({ widget, s }) => {
    expect(widget.state).to.equal('form');
    expect(widget.text('#form-heading')).to.equal(s.formHeading);
    expect(ids(widget, 'textarea')).to.deep.equal(['trying']);
    expect(widget.focused).to.equal('form-heading');
  },
  FormAfterNo: ({ widget, s }) => {
    expect(widget.state).to.equal('form');
    expect(widget.text('#form-heading')).to.equal(s.formHeading);
    expect(ids(widget, 'textarea')).to.deep.equal(['trying', 'wrong']);
    expect(widget.query('#error-summary')).to.equal(null);
    expect(widget.focused).to.equal('form-heading');
    // The privacy warning and the limit describe each field, so they are heard from first focus.
    for (const id of ['trying', 'wrong']) expect(widget.control(id).getAttribute('aria-describedby'), id).to.equal(`privacy ${id}-limit`);
    expect(widget.text('#trying-limit')).to.equal(s.limit_other.replace('{{count}}', '500'));
  },
  ReportAProblem: ({ widget, s }) => {
    expect(widget.state).to.equal('form');
    expect(widget.text('label[for="trying"]')).to.equal(s.tryingLabel);
    expect(widget.text('label[for="wrong"]')).to.equal(s.wrongLabel);
    expect(widget.focused).to.equal('form-heading');
  },
  Errors: ({ widget, s }) => {
    expect(widget.focused).to.equal('error-summary');
    expect(widget.text('#error-summary-title')).to.equal(s.errorSummary);
    const links = [...widget.root.querySelectorAll('#error-summary a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]);
    expect(links).to.deep.equal([
      ['#trying', s.tryingEmpty],
      ['#wrong', s.wrongEmpty],
    ]);
    for (const id of ['trying', 'wrong']) expect(widget.control(id).getAttribute('aria-invalid'), id).to.equal('true');
  },
  Sending: ({ widget, s }) => {
    expect(widget.state).to.equal('sending');
    expect(widget.text('#message')).to.equal(s.sending);
  },
  Sent: ({ widget, s }) => {
    expect(widget.state).to.equal('sent');
    expect(widget.text('#message')).to.equal(s.sent);
    expect(widget.focused).to.equal('message');
  },
  OfflineQueued: ({ widget, s }) => {
    expect(widget.state).to.equal('queued');
    expect(widget.text('#message')).to.equal(s.queued);
  },
  Unsent: ({ widget, s }) => {
    expect(widget.state).to.equal('unsent');
    expect(widget.text('#error-summary a')).to.equal(s.unsent);
    expect(widget.query('#error-summary a')!.getAttribute('href')).to.equal('#send');
    expect(ids(widget, 'textarea')).to.deep.equal(['trying', 'wrong']);
  },
  Failed: ({ widget, s }) => {
    expect(widget.state).to.equal('failed');
    expect(widget.text('#message')).to.equal(s.failed);
  },
  Misconfigured: ({ widget, s }) => {
    expect(widget.text('.notice')).to.equal(s.notice.misconfigured);
    expect(widget.query('button')).to.equal(null);
  },
  Compact: ({ widget, s }) => {
    expect(widget.query('.feedback.compact')).to.exist;
    expect(widget.text('#question')).to.equal(s.question);
  },
  HeadingLevel3: ({ widget, s }) => {
    expect(widget.query('h2')).to.equal(null);
    expect(widget.text('h3#question')).to.equal(s.question);
    // The story puts it under a level-two heading, as heading-level is meant for.
    expect(document.querySelector('#host h2')).to.exist;
  },
  HostStringOverride: ({ widget, s, locale }) => {
    expect(widget.text('#question')).to.equal(QUESTION_OVERRIDES[locale].question);
    // Only the overridden string changes.
    expect(widget.text('#report')).to.equal(s.report);
  },
  // The sweep checks it for English (`speaks`) and for the console warning (`warnings`) below.
  WelshFailedEnglishFallback: ({ widget }) => {
    expect(widget.element.parentElement!.closest('[lang]')!.getAttribute('lang'), 'the page around it is Welsh').to.equal('cy-GB');
    expect(widget.query('.base')!.getAttribute('lang')).to.equal('en');
    expect(widget.text('#question')).to.equal(en.question);
    expect(ids(widget, 'button')).to.deep.equal(['yes', 'no', 'report']);
    const text = widget.text('.base');
    expect([cy.question, cy.report].filter((welsh) => text.includes(welsh)), 'Welsh mixed in').to.deep.equal([]);
    expect(widget.root.querySelector('[lang]:not([lang="en"])'), 'nothing marked as another language').to.equal(null);
  },
};

sweepStories({
  suite: 'stories',
  stories: feedbackStories,
  tag: 'tandem-feedback',
  harness: (element) => new FeedbackHarness(element as TandemFeedback),
  strings: STRINGS,
  claims,
  // Only the misconfigured story may complain, and it must name the attribute to fix.
  complaints: { Misconfigured: /"site" is missing/ },
  speaks: { WelshFailedEnglishFallback: 'en' },
  warnings: { WelshFailedEnglishFallback: /<tandem-feedback>: no "cy-gb" strings, so English/ },
  always: ({ widget, locale, exportName }) => {
    if (locale === 'cy' && widget.query('#question') && exportName !== 'HostStringOverride') {
      expect(widget.text('#question')).to.equal("Ydy'r dudalen hon yn ddefnyddiol?");
    }
  },
});
