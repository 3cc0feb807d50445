// Every story is also a fixture: each one is rendered as Storybook would render it (args,
// render function, locale wrapper, play function) in English and Welsh, left to right and
// right to left, checked for what it claims to show, and checked with axe.
import { expect } from '@esm-bundle/chai';
import { render } from 'lit';
import type { StoryContext } from '@storybook/web-components-vite';
import * as feedbackStories from '../stories/feedback.stories.js';
import type { FeedbackArgs } from '../stories/support/feedback.js';
import { QUESTION_OVERRIDES } from '../stories/support/feedback.js';
import { DIRECTIONS, LOCALES, withLocale, type Direction, type Locale } from '../stories/support/locale.js';
import { FeedbackHarness } from '../packages/feedback/test/harness.js';
import en from '../packages/feedback/src/locales/en.json';
import cy from '../packages/feedback/src/locales/cy.json';
import { expectNoAxeViolations } from './support/axe.js';
import { mountPage } from './support/page.js';

type Strings = typeof en;
const STRINGS: Record<Locale, Strings> = { en, cy: cy as Strings };

type Story = (typeof feedbackStories)['Ask'];
type Meta = (typeof feedbackStories)['default'];

interface Composed {
  name: string;
  args: FeedbackArgs;
  render: NonNullable<Story['render']>;
  play: Story['play'];
}

/** Merges a CSF3 story with its meta, as Storybook does for the parts these stories use. */
function compose(meta: Meta, exportName: string, story: Story): Composed {
  const render = story.render ?? meta.render;
  if (!render) throw new Error(`${exportName} has no render function`);
  return { name: story.name ?? exportName, args: { ...meta.args, ...story.args }, render, play: story.play };
}

const { default: meta, ...stories } = feedbackStories;
const composed = Object.entries(stories).map(([exportName, story]) => [exportName, compose(meta, exportName, story)] as const);

interface Check {
  widget: FeedbackHarness;
  s: Strings;
  locale: Locale;
}

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
    expect(widget.focused).to.equal('trying');
  },
  FormAfterNo: ({ widget, s }) => {
    expect(widget.state).to.equal('form');
    expect(widget.text('#form-heading')).to.equal(s.formHeading);
    expect(ids(widget, 'textarea')).to.deep.equal(['trying', 'wrong']);
    expect(widget.query('#error-summary')).to.equal(null);
    expect(widget.focused).to.equal('trying');
  },
  ReportAProblem: ({ widget, s }) => {
    expect(widget.state).to.equal('form');
    expect(widget.text('label[for="trying"]')).to.equal(s.tryingLabel);
    expect(widget.text('label[for="wrong"]')).to.equal(s.wrongLabel);
    expect(widget.focused).to.equal('trying');
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
    expect(widget.text('[role="status"] #message')).to.equal(s.sending);
  },
  Sent: ({ widget, s }) => {
    expect(widget.state).to.equal('sent');
    expect(widget.text('[role="status"] #message')).to.equal(s.sent);
    expect(widget.focused).to.equal('message');
  },
  OfflineQueued: ({ widget, s }) => {
    expect(widget.state).to.equal('queued');
    expect(widget.text('[role="status"] #message')).to.equal(s.queued);
  },
  Failed: ({ widget, s }) => {
    expect(widget.state).to.equal('failed');
    expect(widget.text('[role="status"] #message')).to.equal(s.failed);
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
};

/** Polls an assertion until it passes: strings and steps arrive asynchronously. */
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

/** Strings found only in one language, to tell that a widget's text is really in it. */
function ownStrings(locale: Locale): string[] {
  const other = new Set(Object.values(STRINGS[locale === 'en' ? 'cy' : 'en']).flatMap(leaves));
  return Object.values(STRINGS[locale]).flatMap(leaves).filter((text) => !text.includes('{{') && !other.has(text));
}
function leaves(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);
}

describe('stories', () => {
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
              const context = { args: story.args, globals, canvasElement: host, name: story.name } as unknown as StoryContext<FeedbackArgs>;
              render(withLocale(story.render(story.args, context), globals), host);

              const element = host.querySelector('tandem-feedback');
              expect(element, 'a <tandem-feedback> in the story').to.exist;
              await story.play?.(context);
              const widget = await new FeedbackHarness(element!).ready();
              // Welsh loads lazily: wait until the text is in the story's language.
              const own = ownStrings(locale);
              await eventually(() => {
                const text = widget.text('.base');
                expect(own.some((phrase) => text.includes(phrase)), `text in ${locale}: "${text}"`).to.equal(true);
              });

              await eventually(() => claims[exportName]!({ widget, s: STRINGS[locale], locale }));
              const base = widget.query('.base')!;
              expect(base.getAttribute('lang')).to.equal(locale);
              expect(getComputedStyle(base).direction).to.equal(direction);
              if (locale === 'cy' && widget.query('#question') && exportName !== 'HostStringOverride') {
                expect(widget.text('#question')).to.equal("Ydy'r dudalen hon yn ddefnyddiol?");
              }

              // Reflow (WCAG 1.4.10): nothing in any story makes the page scroll sideways.
              expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
              await expectNoAxeViolations();
            } finally {
              console.error = consoleError;
            }
            // Only the misconfigured story may complain, and it must name the attribute to fix.
            const messages = errors.map((args) => args.map(String).join(' '));
            if (exportName === 'Misconfigured') expect(messages.join('\n')).to.match(/"site" is missing/);
            else expect(messages).to.deep.equal([]);
          });
        }
      }
    });
  }
});
