import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// The package entry, so Storybook and the test load it as a page would (the tandem-source
// condition points it at src/). Types come from src/ directly: the package's "types"
// condition comes first and would give tsc dist/, a second TandemFeedback.
import '@tandem/feedback/define.js';
import { hasStrings } from '@tandem/core';
import type { FeedbackState } from '../../packages/feedback/src/feedback.js';
import { FeedbackHarness } from '../../packages/feedback/test/harness.js';

/** What a feedback story can set: the element's public attributes and properties. */
export interface FeedbackArgs {
  endpoint?: string | undefined;
  site?: string | undefined;
  transport?: 'collector' | 'events' | undefined;
  page?: string | undefined;
  strings?: Record<string, string> | undefined;
  headingLevel?: number | undefined;
  variant?: 'inline' | 'compact' | undefined;
  /** Shows a step directly, as the docs do; leave unset to start at "ask". */
  state?: FeedbackState | undefined;
}

/**
 * `<tandem-feedback>` as a council would write it. Everything but `state` is an attribute, so
 * the docs' "Show code" is the embed snippet; `strings` goes through its JSON attribute.
 */
export function feedback(args: FeedbackArgs): TemplateResult {
  return html`<tandem-feedback
    endpoint=${ifDefined(args.endpoint)}
    site=${ifDefined(args.site)}
    transport=${ifDefined(args.transport)}
    page=${ifDefined(args.page)}
    strings=${ifDefined(args.strings ? JSON.stringify(args.strings) : undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    variant=${ifDefined(args.variant)}
    .state=${args.state ?? 'ask'}
  ></tandem-feedback>`;
}

/**
 * The harness for the story's widget, once it has rendered. Play functions use only this
 * and the DOM (no `storybook/test`), so the story test can call them with `{ canvasElement }`.
 */
export async function feedbackIn(canvasElement: HTMLElement): Promise<FeedbackHarness> {
  const element = canvasElement.querySelector('tandem-feedback');
  if (!element) throw new Error('The story has no <tandem-feedback>');
  const widget = await new FeedbackHarness(element).ready();
  // Answer only once the page language's strings have loaded (Welsh loads lazily), as a
  // reader would: the widget translates error messages when they appear, not on re-render.
  const lang = widget.query('.base')?.getAttribute('lang') ?? 'en';
  for (let i = 0; i < 250 && !hasStrings('feedback', lang); i += 1) await sleep(20);
  await sleep(0); // the widget applies the strings in a promise callback after they are added
  await widget.settle();
  return widget;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The host override the "Host string override" story shows, per language. Kept out of the
 * CSF file, where every named export would become a story. (Welsh: to be checked by the
 * council's Welsh language officer, like any string a council writes.)
 */
export const QUESTION_OVERRIDES: Record<'en' | 'cy', Record<string, string>> = {
  en: { question: 'Did you find what you were looking for?' },
  cy: { question: "Ddaethoch chi o hyd i'r hyn roeddech chi'n chwilio amdano?" },
};
