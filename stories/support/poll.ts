import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// The package entry, as a page would load it (see support/feedback.ts for why types come from src/).
import '@tandem/poll/define.js';
import { hasStrings } from '@tandem/core';
import type { PollView } from '../../packages/poll/src/types.js';
import { PollHarness } from '../../packages/poll/test/harness.js';
import dayCentres from '../../packages/poll/test/fixtures/day-centres-2026.json';
import { pollView, type PollState } from '../../packages/poll/test/fixtures/poll-view.mjs';

/** What a poll story can set: the element's public attributes and properties. */
export interface PollArgs {
  poll?: string | undefined;
  endpoint?: string | undefined;
  site?: string | undefined;
  transport?: 'collector' | 'events' | undefined;
  strings?: Record<string, string> | undefined;
  headingLevel?: number | undefined;
  /** The poll as the collector would give it, so stories need no collector. */
  pollData?: PollView | undefined;
}

/** The participant the stories' polls say is this device. */
export const STORY_PARTICIPANT = '5a0e3c1e-2f4b-4c6d-9e8f-0a1b2c3d4e5f';

export const STORY_COUNTS = {
  overall: { '1': 1, '2': 2, '3': 6, '4': 14, '5': 9 },
  mood: { '1': 0, '2': 1, '3': 5, '4': 12, '5': 10 },
  visits: { daily: 8, weekly: 17, monthly: 4 },
  transport: { agree: 11, disagree: 9, unsure: 3 },
  's-1': { agree: 6, disagree: 1, unsure: 2 },
};

/** The day centres poll in a given state, as `GET /v1/polls/day-centres-2026` would answer. */
export function storyPoll(state: PollState = {}, questions?: string[]): PollView {
  const definition = { ...dayCentres, questions: dayCentres.questions.filter((q) => !questions || questions.includes(q.id)) };
  return pollView(definition, { counts: STORY_COUNTS, participant: STORY_PARTICIPANT, ...state });
}

/** `<tandem-poll>` as a council would write it; `pollData` is the one property. */
export function poll(args: PollArgs): TemplateResult {
  return html`<tandem-poll
    poll=${ifDefined(args.poll)}
    endpoint=${ifDefined(args.endpoint)}
    site=${ifDefined(args.site)}
    transport=${ifDefined(args.transport)}
    strings=${ifDefined(args.strings ? JSON.stringify(args.strings) : undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    .pollData=${args.pollData}
  ></tandem-poll>`;
}

/** The harness for the story's widget, once it has rendered in the page's language. */
export async function pollIn(canvasElement: HTMLElement): Promise<PollHarness> {
  const element = canvasElement.querySelector('tandem-poll');
  if (!element) throw new Error('The story has no <tandem-poll>');
  const widget = await new PollHarness(element).ready();
  const lang = widget.query('.base')?.getAttribute('lang') ?? 'en';
  for (let i = 0; i < 250 && !hasStrings('poll', lang); i += 1) await sleep(20);
  await sleep(0);
  await widget.settle();
  return widget;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the stories write as a statement, per language. */
export const STORY_STATEMENTS: Record<'en' | 'cy', string> = {
  en: 'The café should be open at weekends too.',
  cy: "Dylai'r caffi fod ar agor ar benwythnosau hefyd.",
};
