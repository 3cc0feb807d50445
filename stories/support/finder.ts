import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// The package entry, as a page would load it (see support/feedback.ts for why types come from src/).
import '@tandem/finder/define.js';
import { hasStrings } from '@tandem/core';
import type { Catalogue } from '../../packages/finder/src/catalogue.js';
import { fixtureCatalogue } from '../../packages/finder/test/fixture-catalogue.js';
import { FinderHarness } from '../../packages/finder/test/harness.js';

/** The catalogue the stories search: a small adult social care catalogue. */
export const STORY_CATALOGUE: Catalogue = fixtureCatalogue;

/** What a finder story can set: the element's public attributes and properties. */
export interface FinderArgs {
  endpoint?: string | undefined;
  site?: string | undefined;
  transport?: 'collector' | 'events' | undefined;
  page?: string | undefined;
  strings?: Record<string, string> | undefined;
  /** The catalogue's address (JSON), relative to the page. */
  catalogue?: string | undefined;
  /** A catalogue object, instead of an address. */
  catalogueData?: Catalogue | undefined;
  headingLevel?: number | undefined;
  placeholder?: string | undefined;
  limit?: number | undefined;
  /** An Open Referral UK API to search instead of a catalogue. */
  directory?: string | undefined;
  directoryVersion?: 'v3' | 'v1' | undefined;
  postcode?: string | undefined;
  askPostcode?: boolean | undefined;
  /** The contact route, as JSON. */
  contact?: string | undefined;
}

/** `<tandem-finder>` as a council would write it; `catalogueData` is the one property. */
export function finder(args: FinderArgs): TemplateResult {
  return html`<tandem-finder
    endpoint=${ifDefined(args.endpoint)}
    site=${ifDefined(args.site)}
    transport=${ifDefined(args.transport)}
    page=${ifDefined(args.page)}
    strings=${ifDefined(args.strings ? JSON.stringify(args.strings) : undefined)}
    catalogue=${ifDefined(args.catalogue)}
    heading-level=${ifDefined(args.headingLevel)}
    placeholder=${ifDefined(args.placeholder)}
    limit=${ifDefined(args.limit)}
    directory=${ifDefined(args.directory)}
    directory-version=${ifDefined(args.directoryVersion)}
    postcode=${ifDefined(args.postcode)}
    ?ask-postcode=${!!args.askPostcode}
    contact=${ifDefined(args.contact)}
    .catalogueData=${args.catalogueData}
  ></tandem-finder>`;
}

/** The harness for the story's widget, once it has rendered in the page's language. */
export async function finderIn(canvasElement: HTMLElement): Promise<FinderHarness> {
  const element = canvasElement.querySelector('tandem-finder');
  if (!element) throw new Error('The story has no <tandem-finder>');
  const widget = await new FinderHarness(element).ready();
  const lang = widget.query('.base')?.getAttribute('lang') ?? 'en';
  for (let i = 0; i < 250 && !hasStrings('finder', lang); i += 1) await sleep(20);
  await sleep(0);
  await widget.settle();
  return widget;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The contact route the directory stories give, as a web team writes it. */
export const STORY_CONTACT = JSON.stringify({
  label: 'Adult social care front door',
  phone: '0300 123 4567',
  hours: 'Monday to Friday, 9am to 5pm',
  cy: { label: 'Drws ffrynt gofal cymdeithasol i oedolion', hours: 'Dydd Llun i ddydd Gwener, 9am i 5pm' },
});

/** What the stories type, per language: the catalogue's Welsh is searched on Welsh pages. */
export const STORY_QUERIES: Record<'en' | 'cy', { results: string; answer: string; nothing: string; need: string; englishOnly: string }> = {
  en: { results: 'help at home', answer: 'meals on wheels', nothing: 'bin collection', need: 'Vegetarian meals for my dad', englishOnly: 'falls' },
  cy: { results: 'help yn y cartref', answer: 'prydau bwyd', nothing: 'casglu biniau', need: 'Prydau llysieuol i fy nhad', englishOnly: 'falls' },
};
