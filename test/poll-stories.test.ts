// Every poll story is also a fixture: rendered as Storybook would render it (args, render
// function, locale wrapper, play function) in English and Welsh, left to right and right to
// left, checked for what it claims to show, and checked with axe. See stories.test.ts.
import { expect } from '@esm-bundle/chai';
import * as pollStories from '../stories/poll.stories.js';
import { STORY_STATEMENTS } from '../stories/support/poll.js';
import type { Locale } from '../stories/support/locale.js';
import { PollHarness } from '../packages/poll/test/harness.js';
import type { TandemPoll } from '../packages/poll/src/poll.js';
import en from '../packages/poll/src/locales/en.json';
import cy from '../packages/poll/src/locales/cy.json';
import { sweepStories, type Check as SweepCheck } from './support/story-sweep.js';

type Strings = typeof en;
const STRINGS: Record<Locale, Strings> = { en, cy: cy as unknown as Strings };
type Check = SweepCheck<PollHarness, Strings>;

const TITLE: Record<Locale, string> = { en: 'Day centres in 2026', cy: 'Canolfannau dydd yn 2026' };
const radios = (widget: PollHarness) => widget.root.querySelectorAll('input[type=radio]').length;
const questions = (widget: PollHarness) => [...widget.root.querySelectorAll<HTMLElement>('.question')].map((q) => q.dataset.question);
const resultTables = (widget: PollHarness) => widget.root.querySelectorAll('.results table').length;

function openPoll({ widget, locale }: Check, ids: string[]) {
  expect(widget.text('#title')).to.equal(TITLE[locale]);
  expect(questions(widget)).to.deep.equal(ids);
}

const claims: Record<string, (check: Check) => void> = {
  Unanswered: (check) => {
    openPoll(check, ['overall', 'mood', 'visits', 'transport']);
    expect(radios(check.widget)).to.equal(5 + 5 + 3 + 3);
    expect(resultTables(check.widget)).to.equal(0);
    expect(check.widget.text('#add-heading')).to.equal(check.s.addHeading);
  },
  Rating: (check) => {
    openPoll(check, ['overall']);
    expect(check.widget.text('label[for="q0-0"]')).to.equal(check.locale === 'en' ? '1 Very poor' : '1 Gwael iawn');
  },
  Faces: (check) => {
    openPoll(check, ['mood']);
    expect(check.widget.root.querySelectorAll('label svg.face[aria-hidden="true"]').length).to.equal(5);
    expect(check.widget.text('label[for="q0-4"]')).to.equal(check.locale === 'en' ? 'Very happy' : 'Hapus iawn');
  },
  Choice: (check) => {
    openPoll(check, ['visits']);
    expect(radios(check.widget)).to.equal(3);
  },
  Statement: ({ widget, s }) => {
    expect([0, 1, 2].map((i) => widget.text(`label[for="q0-${i}"]`))).to.deep.equal([s.agree, s.disagree, s.unsure]);
  },
  AnsweredWithResults: ({ widget, s }) => {
    expect(resultTables(widget)).to.equal(4);
    expect(widget.checked('overall')).to.equal('4');
    expect(widget.text('#q0-results .results-heading')).to.equal(s.resultsSoFar_other.replace('{{count}}', '33'));
    expect(widget.text('#q0-results tbody tr:nth-child(4) th')).to.contain(s.yourAnswer);
  },
  JustSaved: ({ widget, s }) => {
    expect(widget.answerState('overall')).to.equal(s.saved);
    expect(widget.announcement).to.equal(s.savedAnnouncement);
    expect(widget.results('overall')[3]![1]).to.equal('15');
  },
  ChosenNotSaved: ({ widget, s }) => {
    expect(widget.checked('overall')).to.equal('2');
    expect(widget.answerState('overall')).to.equal(s.unsaved);
    expect(widget.query('#q0-results')).to.equal(null);
  },
  NothingChosen: ({ widget, s }) => {
    const i = widget.index('visits');
    expect(widget.text(`#q${i}-error`)).to.equal(`${s.errorPrefix} ${s.chooseAnswer}`);
    expect(widget.focused).to.equal(`q${i}-0`);
  },
  StatementForm: ({ widget, locale }) => {
    expect(widget.control<HTMLTextAreaElement>('statement').value).to.equal(STORY_STATEMENTS[locale]);
    expect(widget.query('.count')).to.exist;
    expect(widget.query('#error-summary')).to.equal(null);
  },
  StatementErrors: ({ widget, s }) => {
    expect(widget.focused).to.equal('error-summary');
    expect(widget.text('#error-summary a')).to.equal(s.statementEmpty);
    expect(widget.control('statement').getAttribute('aria-invalid')).to.equal('true');
  },
  StatementPending: ({ widget, s, locale }) => {
    expect(widget.text('#statement-message')).to.equal(s.statementSent);
    expect(widget.focused).to.equal('statement-message');
    expect(widget.query('form.form > #statement-message + .hint'), 'the message leads its form').to.exist;
    expect(widget.myStatements).to.deep.equal([[STORY_STATEMENTS[locale], s.statusPending]]);
  },
  StatementPublished: ({ widget, s, locale }) => {
    const reply = locale === 'en' ? 'We have asked the transport team to add a second minibus.' : "Rydym wedi gofyn i'r tîm trafnidiaeth ychwanegu ail fws mini.";
    expect(widget.myStatements).to.deep.equal([['The minibus is often late.', s.statusPublished, `${s.reply} ${reply}`]]);
    expect(questions(widget)).to.deep.equal(['overall', 's-1']);
  },
  StatementRejected: ({ widget, s }) => {
    expect(widget.myStatements).to.deep.equal([
      ['The driver on Tuesdays is rude.', s.statusRejected, s.because.replace('{{reason}}', 'It was about a member of staff.')],
    ]);
  },
  Closed: ({ widget, s }) => {
    expect(radios(widget)).to.equal(0);
    expect(resultTables(widget)).to.equal(4);
    expect(widget.text('#response-heading')).to.equal(s.responseHeading);
    expect(widget.query('#statement')).to.equal(null);
  },
  Upcoming: ({ widget, s }) => {
    expect(widget.text('#dates')).to.match(new RegExp(`^${s.opensOn.split('{{')[0]}`));
    expect(questions(widget)).to.deep.equal([]);
  },
  CollectorUnreachable: ({ widget, s }) => {
    expect(widget.element.loadStatus).to.equal('unavailable');
    expect(widget.text('#load-message')).to.equal(s.unavailable);
  },
  AnswerQueued: ({ widget, s }) => {
    expect(widget.answerState('overall')).to.equal(s.queued);
    expect(widget.text('#q0-results')).to.equal(s.resultsUnavailable);
    expect(widget.checked('overall')).to.equal('3');
  },
  AnswerNotSaved: ({ widget, s }) => {
    expect(widget.element.answerState.overall).to.equal('unprepared');
    expect(widget.answerState('overall')).to.equal(s.answerUnprepared);
    expect(widget.announcement).to.equal(s.answerUnprepared);
    expect(widget.checked('overall'), 'the choice stays, to save again').to.equal('4');
    expect(widget.query('#q0-results'), 'no results: nothing was counted').to.equal(null);
  },
  StatementNotSent: ({ widget, s, locale }) => {
    expect(widget.text('#statement-message')).to.equal(s.statementUnprepared);
    expect(widget.focused).to.equal('statement-message');
    expect(widget.control<HTMLTextAreaElement>('statement').value, 'the text stays, to send again').to.equal(STORY_STATEMENTS[locale]);
    expect(widget.myStatements).to.deep.equal([]);
  },
  // The sweep checks it for English (`speaks`) and for the console warning (`warnings`) below.
  WelshFailedEnglishFallback: ({ widget }) => {
    expect(widget.element.parentElement!.closest('[lang]')!.getAttribute('lang'), 'the page around it is Welsh').to.equal('cy-GB');
    expect(widget.query('.base')!.getAttribute('lang')).to.equal('en');
    expect(widget.text('#title')).to.equal(TITLE.en);
    expect(widget.text('#add-heading')).to.equal(en.addHeading);
    const text = widget.text('.base');
    expect([TITLE.cy, cy.addHeading, cy.save].filter((welsh) => text.includes(welsh)), 'Welsh mixed in').to.deep.equal([]);
    expect(widget.root.querySelector('[lang]:not([lang="en"])'), 'nothing marked as another language').to.equal(null);
  },
  Misconfigured: ({ widget, s }) => {
    expect(widget.text('.notice')).to.equal(s.notice.misconfigured);
  },
  HeadingLevel3: ({ widget }) => {
    expect(widget.query('h2')).to.equal(null);
    expect(widget.query('h3#title')).to.exist;
    expect(widget.query('h4#add-heading')).to.exist;
    expect(document.querySelector('#host h2')).to.exist;
  },
};

sweepStories({
  suite: 'poll stories',
  stories: pollStories,
  tag: 'tandem-poll',
  harness: (element) => new PollHarness(element as TandemPoll),
  strings: STRINGS,
  claims,
  complaints: { Misconfigured: /"poll" is missing/ },
  speaks: { WelshFailedEnglishFallback: 'en' },
  warnings: { WelshFailedEnglishFallback: /<tandem-poll>: no "cy-gb" strings, so English/ },
});
