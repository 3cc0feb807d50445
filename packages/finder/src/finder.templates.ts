/**
 * The finder's markup, one function per part, from what the element knows. No state here:
 * the element and its controllers hold it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorSummary, heading, textArea, yesNoButtons, type ComboboxController, type Translate } from '@tandem/core';
import type { CatalogueEntry, ContactRoute } from './catalogue.js';
import { NEED_MAX_LENGTH, type HelpedController } from './helped.js';
import { contactText, entryText, type Localised } from './localised.js';

/** Text in its own language: marked only when that is not the page's. */
const inLang = ({ text, lang }: Localised) => (lang ? html`<span lang=${lang}>${text}</span>` : text);

/**
 * "Open: 9am to 5pm" as one text node where it can be: a space alone between two nodes is
 * lost from the accessible description ("Open:9am").
 */
const labelled = (label: string, value: Localised) => (value.lang ? html`${`${label} `}<span lang=${value.lang}>${value.text}</span>` : `${label} ${value.text}`);

const MARK = '\u0000';
/** A string with a placeholder filled by marked-up text: `t(key, { [name]: MARK })` split at the mark. */
function around(text: string, content: unknown) {
  const [before = '', after = ''] = text.split(MARK);
  return html`${before}${content}${after}`;
}

/** An address a link may go to: http(s) only, resolved against the page. */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

const DETAILS = ['hours', 'cost', 'eligibility'] as const;

/** An entry's hours, cost and who it is for, in the page's language where given. */
function details(entry: CatalogueEntry, language: string) {
  return DETAILS.map((field) => [field, entryText(entry, field, language)] as const).filter(([, value]) => value.text.trim());
}

export interface ComboboxView {
  t: Translate;
  language: string;
  query: string;
  placeholder: string | undefined;
  combobox: ComboboxController;
  entries: CatalogueEntry[];
  onFocus: () => void;
  onInput: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
  onBlur: (event: FocusEvent) => void;
  onChoose: (index: number) => () => void;
}

export function comboboxTemplate(view: ComboboxView): TemplateResult {
  const { t, combobox } = view;
  const open = combobox.open;
  return html`<div class="search">
    <label class="label" part="label" for="input" id="label">${t('label')}</label>
    <p class="hint" id="hint">${t('hint')}</p>
    <div class="combobox">
      <input
        class="input"
        part="input"
        id="input"
        type="text"
        role="combobox"
        autocomplete="off"
        autocapitalize="off"
        enterkeyhint="search"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="listbox"
        aria-describedby="hint"
        aria-activedescendant=${ifDefined(combobox.activeId)}
        placeholder=${view.placeholder || nothing}
        .value=${view.query}
        @focus=${view.onFocus}
        @input=${view.onInput}
        @keydown=${view.onKeydown}
        @blur=${view.onBlur}
      />
      <ul class="listbox" part="listbox" id="listbox" role="listbox" aria-labelledby="label" ?hidden=${!open}>
        ${open ? view.entries.map((entry, index) => optionTemplate(view, entry, index)) : nothing}
      </ul>
    </div>
  </div>`;
}

/**
 * A result: its title is its name, and what it is, its phone, hours, cost and who it is
 * for are its description, so moving through the list reads each title first and briefly.
 * The details are left out of the name (aria-hidden) rather than named by aria-labelledby,
 * so the name is the option's own text and label-in-name holds.
 */
function optionTemplate({ t, language, combobox, onChoose }: ComboboxView, entry: CatalogueEntry, index: number): TemplateResult {
  const active = index === combobox.active;
  const id = `option-${index}`;
  const summary = entryText(entry, 'summary', language);
  const shown = details(entry, language);
  return html`<li
    class="option ${active ? 'active' : ''}"
    part="option"
    role="option"
    id=${id}
    aria-selected=${active ? 'true' : 'false'}
    aria-describedby="${id}-details"
    @mousedown=${combobox.keepFocus}
    @click=${onChoose(index)}
  >
    <span class="option-title" id="${id}-title">${inLang(entryText(entry, 'title', language))}</span>
    <span class="option-details" id="${id}-details" aria-hidden="true">
      ${summary.text ? html`<span class="option-summary">${inLang(summary)}</span>` : nothing}
      ${entry.phone ? html`<span class="detail">${`${t('phone')} ${entry.phone}`}</span>` : nothing}
      ${shown.map(([field, value]) => html`<span class="detail">${labelled(t(field), value)}</span>`)}
    </span>
  </li>`;
}

export function postcodeTemplate(t: Translate, value: string, error: boolean, onInput: (event: Event) => void, onChange: () => void): TemplateResult {
  return html`<div class="field postcode ${error ? 'error' : ''}">
    <label class="label" part="label" for="postcode">${t('postcodeLabel')}</label>
    <p class="hint" id="postcode-hint">${t('postcodeHint')}</p>
    ${error ? html`<p class="error-message" part="error" id="postcode-error"><span class="visually-hidden">${t('errorPrefix')} </span>${t('postcodeInvalid')}</p>` : nothing}
    <input
      class="input postcode-input"
      part="input"
      id="postcode"
      type="text"
      autocomplete="postal-code"
      autocapitalize="characters"
      spellcheck="false"
      aria-describedby="postcode-hint${error ? ' postcode-error' : ''}"
      aria-invalid=${error ? 'true' : 'false'}
      .value=${value}
      @input=${onInput}
      @change=${onChange}
    />
  </div>`;
}

export function contactTemplate(t: Translate, language: string, contact: ContactRoute, level: number): TemplateResult {
  const link = contactText(contact, 'url', language);
  const url = safeUrl(link.text);
  const hours = contactText(contact, 'hours', language);
  const label = contactText(contact, 'label', language);
  return html`<div class="contact" id="contact">
    ${heading(level, t('contactHeading'), 'contact-heading', 'heading-small')}
    ${contact.phone ? html`<p><a class="link" href=${telHref(contact.phone)} id="contact-phone">${t('contactPhone', { phone: contact.phone })}</a></p>` : nothing}
    ${hours.text ? html`<p>${around(t('contactHours', { hours: MARK }), inLang(hours))}</p>` : nothing}
    ${url ? html`<p><a class="link" href=${url} id="contact-link">${label.text ? inLang(label) : url}</a></p>` : nothing}
  </div>`;
}

/** The catalogue (or directory) cannot be used: a notice and the contact route. */
export function noticeTemplate(t: Translate, language: string, id: 'failed' | 'directory-failed', contact: ContactRoute | undefined, level: number): TemplateResult {
  return html`<div class="notice ${id === 'failed' ? 'failed' : 'panel'}" part="error" id=${id} tabindex=${ifDefined(id === 'failed' ? '-1' : undefined)}>
    <p>${t('catalogueFailed')}</p>
    ${contact ? contactTemplate(t, language, contact, level) : nothing}
  </div>`;
}

export function noResultsTemplate(
  t: Translate,
  language: string,
  query: string,
  suggestions: string[],
  onSuggestion: (suggestion: string) => () => void,
  contact: ContactRoute | undefined,
  level: number,
): TemplateResult {
  return html`<div class="panel no-results" part="message" id="no-results">
    ${heading(level, t('noResultsHeading', { query: query.trim() }), 'no-results-heading', 'heading-small')}
    <p>${t('noResultsKind')}</p>
    ${suggestions.length
      ? html`<p class="suggestions-intro" id="suggestions-intro">${t('suggestionsIntro')}</p>
          <ul class="suggestions" aria-labelledby="suggestions-intro">
            ${suggestions.map(
              (suggestion, index) =>
                html`<li>
                  <button type="button" class="button link" part="button" id="suggestion-${index}" @click=${onSuggestion(suggestion)}>
                    <span class="visually-hidden">${t('suggestionHidden')} </span>${suggestion}
                  </button>
                </li>`,
            )}
          </ul>`
      : nothing}
    ${contact ? contactTemplate(t, language, contact, Math.min(level + 1, 6)) : nothing}
  </div>`;
}

export interface AnswerView {
  t: Translate;
  language: string;
  helped: HelpedController;
  level: number;
  onSubmitNeed: (event: SubmitEvent) => void;
  onVote: (helped: boolean) => () => void;
  onNewSearch: () => void;
  focusField: (id: string) => void;
}

export function answerTemplate(view: AnswerView, entry: CatalogueEntry): TemplateResult {
  const { t, language, level } = view;
  const title = entryText(entry, 'title', language);
  const url = safeUrl(entryText(entry, 'url', language).text);
  const answer = entryText(entry, 'answer', language);
  const paragraphs = answer.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const shown = details(entry, language);
  return html`<section class="panel answer" part="message" id="answer" aria-labelledby="answer-heading">
    ${heading(level, inLang(title), 'answer-heading')}
    ${paragraphs.map((p) => html`<p lang=${ifDefined(answer.lang)}>${p}</p>`)}
    ${entry.phone || shown.length
      ? html`<dl class="answer-details">
          ${entry.phone
            ? html`<div>
                <dt>${t('phone')}</dt>
                <dd><a class="link" href=${telHref(entry.phone)} id="answer-phone">${entry.phone}</a></dd>
              </div>`
            : nothing}
          ${shown.map(([field, value]) => html`<div><dt>${t(field)}</dt><dd lang=${ifDefined(value.lang)}>${value.text}</dd></div>`)}
        </dl>`
      : nothing}
    ${url ? html`<p><a class="link" href=${url} id="answer-link">${around(t('moreAbout', { title: MARK }), inLang(title))}</a></p>` : nothing}
    ${helpedTemplate(view, Math.min(level + 1, 6))}
  </section>`;
}

/**
 * The last step. The thank-you takes focus and is not a live region as well, so it is read
 * once; a "Search again" button follows it, so Tab goes on from there, not back to the top.
 */
function helpedTemplate({ t, helped, onVote, onSubmitNeed, onNewSearch, focusField }: AnswerView, level: number): TemplateResult {
  const step = helped.step;
  if (step === 'thanks-yes' || step === 'thanks-no') {
    return html`<div class="helped">
      <p class="message" part="message" id="thanks" tabindex="-1">${t(step === 'thanks-yes' ? 'thanksYes' : 'thanksNo')}</p>
      <div class="button-group">
        <button type="button" class="button secondary" part="button" id="new-search" @click=${onNewSearch}>${t('newSearch')}</button>
      </div>
    </div>`;
  }
  if (step === 'ask') {
    return html`<div class="helped">
      ${heading(level, t('helpedQuestion'), 'helped-question', 'heading-small')} ${yesNoButtons(t, onVote)}
    </div>`;
  }
  const errors = helped.errors.map(({ field, message }) => ({ field, message: t(message, { max: NEED_MAX_LENGTH }) }));
  return html`<form class="helped form" part="form" novalidate @submit=${onSubmitNeed}>
    ${errors.length ? errorSummary(t, errors, focusField, level) : nothing}
    <p class="hint" id="privacy">${t('privacy')}</p>
    ${textArea(t, {
      id: 'need',
      label: t('needLabel'),
      value: helped.need,
      max: NEED_MAX_LENGTH,
      error: errors[0]?.message,
      announcedCount: helped.announcedCount,
      onInput: helped.onNeedInput,
    })}
    <div class="button-group">
      <button type="submit" class="button" part="button" id="send">${t('send')}</button>
    </div>
  </form>`;
}
