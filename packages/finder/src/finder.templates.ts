/**
 * The finder's markup, one function per part, from what the element knows. No state here:
 * the element and its controllers hold it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { characterCount, errorSummary, heading, textArea, yesNoButtons, type ComboboxController, type Translate } from '@tandem/core';

/**
 * Core's field templates for the answer's chunk, held here: imported straight from core by
 * that chunk alone, they would split into a chunk of their own that every widget fetches.
 */
export const fields = { characterCount, errorSummary, textArea, yesNoButtons };
import type { CatalogueEntry, ContactRoute } from './catalogue.js';
import { contactText, entryText, type Localised } from './localised.js';

/** Text in its own language: marked only when that is not the page's. */
export const inLang = ({ text, lang }: Localised) => (lang ? html`<span lang=${lang}>${text}</span>` : text);

/**
 * "Open: 9am to 5pm" as one text node where it can be: a space alone between two nodes is
 * lost from the accessible description ("Open:9am").
 */
const labelled = (label: string, value: Localised) => (value.lang ? html`${`${label} `}<span lang=${value.lang}>${value.text}</span>` : `${label} ${value.text}`);

export const MARK = '\u0000';
/** A string with a placeholder filled by marked-up text: `t(key, { [name]: MARK })` split at the mark. */
export function around(text: string, content: unknown) {
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

export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

const DETAILS = ['hours', 'cost', 'eligibility'] as const;

/** An entry's hours, cost and who it is for, in the page's language where given. */
export function details(entry: CatalogueEntry, language: string) {
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
