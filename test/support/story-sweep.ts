// Renders every story of a widget as Storybook would (args, render function, locale wrapper,
// play function) in English and Welsh, left to right and right to left, checks that it shows
// what it claims, that its text is really in that language, that nothing scrolls sideways,
// that it logs no error it should not, and that axe finds nothing.
import { expect } from '@esm-bundle/chai';
import { eventually } from './eventually.js';
import { render, type TemplateResult } from 'lit';
import { DIRECTIONS, LOCALES, withLocale, type Direction, type Locale } from '../../stories/support/locale.js';
import { expectNoAxeViolations } from './axe.js';
import { mountPage } from './page.js';
import type { WidgetHarness } from './widget-harness.js';
import type { LitElement } from 'lit';

/** The parts of a CSF3 story and its meta that these stories use. */
interface StoryLike<A> {
  name?: string;
  args?: Partial<A>;
  render?: (args: A, context: never) => unknown;
  play?: (context: never) => Promise<void> | void;
}

export interface Check<H, S> {
  widget: H;
  s: S;
  locale: Locale;
}

export interface SweepOptions<A, H extends WidgetHarness<LitElement>, S> {
  suite: string;
  /** The stories module: its default export is the meta. */
  stories: Record<string, unknown>;
  tag: string;
  harness: (element: HTMLElement) => H;
  strings: Record<Locale, S>;
  /** What each story claims to show; a story without a claim fails. */
  claims: Record<string, (check: Check<H, S>) => void>;
  /** Stories that must log a console error, and what it must say; every other story must log none. */
  complaints?: Record<string, RegExp>;
  /** Stories that must log a console warning, and what it must say (others may warn). */
  warnings?: Record<string, RegExp>;
  /** Stories whose widget speaks one language whatever the toolbar's (a fallback): that language. */
  speaks?: Record<string, Locale>;
  /** Checks for every story. */
  always?: (check: Check<H, S> & { exportName: string }) => void;
}

function leaves(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);
}

/** Strings found only in one language, to tell that a widget's text is really in it. */
function ownStrings<S>(strings: Record<Locale, S>, locale: Locale): string[] {
  const other = new Set(leaves(strings[locale === 'en' ? 'cy' : 'en']));
  return leaves(strings[locale]).filter((text) => !text.includes('{{') && !other.has(text));
}

export function sweepStories<A, H extends WidgetHarness<LitElement>, S>(options: SweepOptions<A, H, S>): void {
  const { default: meta, ...stories } = options.stories as { default: StoryLike<A> } & Record<string, StoryLike<A>>;
  const composed = Object.entries(stories).map(([exportName, story]) => {
    const draw = story.render ?? meta.render;
    if (!draw) throw new Error(`${exportName} has no render function`);
    return { exportName, name: story.name ?? exportName, args: { ...meta.args, ...story.args } as A, draw, play: story.play };
  });

  describe(options.suite, () => {
    it('every story says what it shows', () => {
      expect(composed.map(({ exportName }) => exportName).filter((name) => !options.claims[name])).to.deep.equal([]);
    });

    for (const { exportName, name, args, draw, play } of composed) {
      describe(name, () => {
        for (const locale of Object.keys(LOCALES) as Locale[]) {
          for (const direction of Object.keys(DIRECTIONS) as Direction[]) {
            it(`${locale}, ${direction}: shows what it claims and passes axe`, async () => {
              const errors: unknown[][] = [];
              const warnings: unknown[][] = [];
              const consoleError = console.error;
              const consoleWarn = console.warn;
              console.error = (...logged: unknown[]) => errors.push(logged);
              const warning = options.warnings?.[exportName];
              // An expected warning is checked below, not printed; any other still reaches the log.
              console.warn = (...logged: unknown[]) => (warning ? warnings.push(logged) : consoleWarn(...logged));
              // The language the widget should speak: the page's, unless the story is a fallback.
              const spoken = options.speaks?.[exportName] ?? locale;
              try {
                const globals = { locale, direction };
                const host = mountPage('', { lang: locale, dir: direction });
                const context = { args, globals, canvasElement: host, name } as never;
                render(withLocale(draw(args, context) as TemplateResult, globals), host);

                const element = host.querySelector<HTMLElement>(options.tag);
                expect(element, `a <${options.tag}> in the story`).to.exist;
                await play?.(context);
                const widget = await options.harness(element!).ready();
                // Welsh loads lazily: wait until the text is in the story's language.
                const own = ownStrings(options.strings, spoken);
                await eventually(() => {
                  const text = widget.text('.base');
                  expect(own.some((phrase) => text.includes(phrase)), `text in ${spoken}: "${text}"`).to.equal(true);
                });
                const check = { widget, s: options.strings[spoken], locale: spoken };
                await eventually(() => options.claims[exportName]!(check));
                const base = widget.query('.base')!;
                expect(base.getAttribute('lang')).to.equal(spoken);
                expect(getComputedStyle(base).direction).to.equal(direction);
                options.always?.({ ...check, exportName });

                // Reflow (WCAG 1.4.10): nothing in any story makes the page scroll sideways.
                expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
                await expectNoAxeViolations();
              } finally {
                console.error = consoleError;
                console.warn = consoleWarn;
                document.body.innerHTML = '';
              }
              const said = (logged: unknown[][]) => logged.map((args) => args.map(String).join(' '));
              const messages = said(errors);
              const complaint = options.complaints?.[exportName];
              if (complaint) expect(messages.join('\n')).to.match(complaint);
              else expect(messages).to.deep.equal([]);
              if (warning) expect(said(warnings).join('\n')).to.match(warning);
            });
          }
        }
      });
    }
  });
}

export { eventually };
