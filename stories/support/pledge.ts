import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// The package entry, as a page would load it (see support/feedback.ts for why types come from src/).
import '@tandem/pledge/define.js';
import { hasStrings } from '@tandem/core';
import type { PledgeListView } from '@tandem/core/protocol.js';
import { AN_OFFER, PledgeHarness, type TypedOffer } from '../../packages/pledge/test/harness.js';
import helpYourNeighbourhood from '../../packages/pledge/test/fixtures/help-your-neighbourhood.json';

/** What a pledge story can set: the element's public attributes and properties. */
export interface PledgeArgs {
  list?: string | undefined;
  endpoint?: string | undefined;
  site?: string | undefined;
  transport?: 'collector' | 'events' | undefined;
  strings?: Record<string, string> | undefined;
  headingLevel?: number | undefined;
  /** The list as the collector would give it, so stories need no collector. */
  listData?: PledgeListView | undefined;
}

/** The example council's ways to help, as `GET /v1/pledges/help-your-neighbourhood` answers. */
export const storyList = (): PledgeListView => structuredClone(helpYourNeighbourhood) as PledgeListView;

/** What the stories offer: the tests' offer, with a note in the story's language. */
export const storyOffer = (locale: 'en' | 'cy'): TypedOffer => ({
  ...AN_OFFER,
  note: locale === 'en' ? 'I have a car and can drive to the villages.' : "Mae gen i gar a gallaf yrru i'r pentrefi.",
});

/** `<tandem-pledge>` as a council would write it; `listData` is the one property. */
export function pledge(args: PledgeArgs): TemplateResult {
  return html`<tandem-pledge
    list=${ifDefined(args.list)}
    endpoint=${ifDefined(args.endpoint)}
    site=${ifDefined(args.site)}
    transport=${ifDefined(args.transport)}
    strings=${ifDefined(args.strings ? JSON.stringify(args.strings) : undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    .listData=${args.listData}
  ></tandem-pledge>`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The harness for the story's widget, once it has rendered in the page's language. */
export async function pledgeIn(canvasElement: HTMLElement): Promise<PledgeHarness> {
  const element = canvasElement.querySelector('tandem-pledge');
  if (!element) throw new Error('The story has no <tandem-pledge>');
  const widget = await new PledgeHarness(element).ready();
  const lang = widget.query('.base')?.getAttribute('lang') ?? 'en';
  for (let i = 0; i < 250 && !hasStrings('pledge', lang); i += 1) await sleep(20);
  await sleep(0);
  await widget.settle();
  return widget;
}
