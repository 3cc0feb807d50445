// The questions of an offer of help, each a GOV.UK-style fieldset (or field) with its hint and
// inline error: pure templates of the draft, the list and what to do when something changes.
import { html, nothing, type TemplateResult } from 'lit';
import { plainText, staffText, type Translate } from '@tandem/core';
import { DAY_PARTS, FROM_HOME, HOW_OFTEN, NOW_AND_THEN, partnerOf, WEEK_PARTS, type PledgeListView, type WayToHelp } from '@tandem/core/protocol.js';
import type { OfferDraft } from './offer-draft.js';

export interface OfferView {
  t: Translate;
  language: string;
  list: PledgeListView;
  draft: OfferDraft;
  /** The translated error of each question, by group (`ways`, `email`…). */
  errors: Record<string, string>;
  /** A checkbox turned on or off, a radio chosen, a field typed in. */
  toggle: (group: 'ways' | 'areas' | 'when', id: string) => (event: Event) => void;
  choose: (group: 'often' | 'age' | 'prefer', value: string) => () => void;
  type: (field: 'note' | 'name' | 'email' | 'phone' | 'guardianEmail') => (event: Event) => void;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;

function inlineError(view: OfferView, group: string) {
  const error = view.errors[group];
  return error
    ? html`<p class="error-message" part="error" id="${group}-error"><span class="visually-hidden">${view.t('errorPrefix')} </span>${error}</p>`
    : nothing;
}

function fieldset(view: OfferView, group: string, legend: string, hint: string | undefined, body: unknown) {
  const error = view.errors[group];
  return html`<fieldset class="fieldset ${error ? 'error' : ''}" id=${group} aria-describedby=${describedBy(hint && `${group}-hint`, error && `${group}-error`)}>
    <legend class="legend" part="label">${legend}</legend>
    ${hint ? html`<p class="hint" id="${group}-hint">${hint}</p>` : nothing} ${inlineError(view, group)} ${body}
  </fieldset>`;
}

function checkbox(view: OfferView, group: 'ways' | 'areas' | 'when', id: string, label: unknown, options: { hint?: string; checked: boolean }) {
  const control = `${group === 'ways' ? 'way' : group === 'areas' ? 'area' : 'when'}-${id}`;
  return html`<div class="radio">
    <input class="radio-input" part="input" type="checkbox" id=${control} name=${group} value=${id} .checked=${options.checked}
      aria-describedby=${options.hint ?? nothing} @change=${view.toggle(group, id)} />
    <label class="radio-label" for=${control}>${label}</label>
  </div>`;
}

/** What a way to help involves, what the resident won't be asked to do, and who gets in touch. */
function wayDetails(view: OfferView, way: WayToHelp, id: string) {
  const { t, language } = view;
  const partner = partnerOf(way);
  return html`<div class="way-details" id=${id}>
    <p class="hint">${staffText(way.description, language)}</p>
    <p class="hint">${t(`tier.${way.tier}`)}</p>
    ${way.boundaries.length
      ? html`<p class="hint wont">${t('wontBeAsked')}</p>
          <ul class="hint boundaries">${way.boundaries.map((boundary) => html`<li>${staffText(boundary, language)}</li>`)}</ul>`
      : nothing}
    ${partner ? html`<p class="hint">${t('partner', { partner: plainText(partner.name, language) })}</p>` : nothing}
    ${way.openToYoungPeople ? nothing : html`<p class="hint">${t('adultsOnly')}</p>`}
  </div>`;
}

export function waysQuestion(view: OfferView): TemplateResult {
  const { list, draft, language } = view;
  return fieldset(view, 'ways', view.t('waysLegend'), view.t('waysHint'), html`<div class="radios">
    ${list.ways.map((way) => html`<div class="way">
      ${checkbox(view, 'ways', way.id, staffText(way.title, language), { hint: `way-${way.id}-details`, checked: draft.ways.includes(way.id) })}
      ${wayDetails(view, way, `way-${way.id}-details`)}
    </div>`)}
  </div>`);
}

export function whereQuestion(view: OfferView): TemplateResult {
  const { list, draft, language } = view;
  return fieldset(view, 'areas', view.t('whereLegend'), view.t('whereHint'), html`<div class="radios">
    ${list.areas.map((area) => checkbox(view, 'areas', area.id, staffText(area.name, language), { checked: draft.areas.includes(area.id) }))}
    ${checkbox(view, 'areas', FROM_HOME, view.t('fromHome'), { checked: draft.areas.includes(FROM_HOME) })}
  </div>`);
}

/**
 * Weekdays and weekends by part of the day: a table, so a screen reader hears each checkbox with
 * its row and column, and each checkbox's own name says both ("Weekdays, mornings").
 */
export function whenQuestion(view: OfferView): TemplateResult {
  const { t, draft } = view;
  const grid = html`<table class="when-grid">
    <thead>
      <tr>
        <td></td>
        ${DAY_PARTS.map((day) => html`<th scope="col" id="when-${day}">${t(day)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${WEEK_PARTS.map((week) => html`<tr>
        <th scope="row">${t(week)}</th>
        ${DAY_PARTS.map((day) => {
          const slot = `${week}-${day}`;
          return html`<td>
            <input class="radio-input" part="input" type="checkbox" id="when-${slot}" name="when" value=${slot}
              aria-label=${t('slot', { week: t(week), day: t(day) })} .checked=${draft.when.includes(slot)} @change=${view.toggle('when', slot)} />
          </td>`;
        })}
      </tr>`)}
    </tbody>
  </table>
  <p class="or">${t('or')}</p>
  <div class="radios">${checkbox(view, 'when', NOW_AND_THEN, t('nowAndThen'), { checked: draft.when.includes(NOW_AND_THEN) })}</div>`;
  return fieldset(view, 'when', t('whenLegend'), t('whenHint'), grid);
}

function radios(view: OfferView, group: 'often' | 'age' | 'prefer', values: readonly string[], chosen: string) {
  return html`<div class="radios">
    ${values.map((value) => html`<div class="radio">
      <input class="radio-input" part="input" type="radio" id="${group}-${value}" name=${group} value=${value} .checked=${chosen === value} @change=${view.choose(group, value)} />
      <label class="radio-label" for="${group}-${value}">${view.t(`${group}.${value}`)}</label>
    </div>`)}
  </div>`;
}

export const oftenQuestion = (view: OfferView) => fieldset(view, 'often', view.t('oftenLegend'), undefined, radios(view, 'often', HOW_OFTEN, view.draft.often));

export function ageQuestion(view: OfferView): TemplateResult {
  const young = view.draft.age === 'young';
  return fieldset(view, 'age', view.t('ageLegend'), view.t('ageHint'), html`${radios(view, 'age', ['adult', 'young'], view.draft.age)}
    ${young ? textInput(view, 'guardian', 'guardianEmail', view.t('guardianLabel'), { hint: view.t('guardianHint'), type: 'email', autocomplete: 'off' }) : nothing}`);
}

/** A labelled input with its hint and inline error. */
export function textInput(
  view: OfferView,
  id: string,
  field: 'name' | 'email' | 'phone' | 'guardianEmail',
  label: string,
  options: { hint?: string; type?: string; autocomplete: string; spellcheck?: boolean },
) {
  const error = view.errors[id];
  return html`<div class="field ${error ? 'error' : ''}">
    <label class="label" part="label" for=${id}>${label}</label>
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing} ${inlineError(view, id)}
    <input class="input" part="input" id=${id} name=${id} type=${options.type ?? 'text'} autocomplete=${options.autocomplete}
      spellcheck=${options.spellcheck === false ? 'false' : nothing}
      aria-describedby=${describedBy(options.hint && `${id}-hint`, error && `${id}-error`)} aria-invalid=${error ? 'true' : 'false'}
      .value=${view.draft[field]} @input=${view.type(field)} />
  </div>`;
}

/** Contact details: what they are used for and by whom, then the fields, then how to be contacted. */
export function contactQuestions(view: OfferView, level: number, headingOf: (level: number, text: string, id: string) => unknown) {
  const { t, list, language } = view;
  return html`<section class="section" aria-labelledby="contact-heading">
    ${headingOf(level, t('contactHeading'), 'contact-heading')}
    <p class="contact-use" id="contact-use">${staffText(list.contactUse, language)}</p>
    ${textInput(view, 'name', 'name', t('nameLabel'), { autocomplete: 'name', spellcheck: false })}
    ${textInput(view, 'email', 'email', t('emailLabel'), { type: 'email', autocomplete: 'email', spellcheck: false })}
    ${textInput(view, 'phone', 'phone', t('phoneLabel'), { hint: t('phoneHint'), type: 'tel', autocomplete: 'tel' })}
    ${fieldset(view, 'prefer', t('preferLegend'), undefined, radios(view, 'prefer', ['email', 'phone'], view.draft.prefer))}
  </section>`;
}
