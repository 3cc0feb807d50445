import { html, nothing, type TemplateResult } from 'lit';
import { heading } from './heading.js';
import type { Translate } from './i18n.js';

export interface FieldError {
  /** The id of the control the error belongs to. */
  field: string;
  message: string;
}

export interface TextAreaField {
  id: string;
  label: string;
  value: string;
  /** The character limit; the count shows how many are left or over. */
  max: number;
  error?: string | undefined;
  /** The count as last announced to screen readers (updated when typing pauses). */
  announcedCount: string;
  /** Ids of hints shown before the field (such as the privacy warning), heard with it from first focus. */
  describedBy?: string | undefined;
  /** The limit as a sentence ("You can enter up to 500 characters"), heard from first focus. */
  limitHint?: string | undefined;
  onInput: (event: InputEvent) => void;
}

/** The count under a text area: "You have 12 characters remaining" / "… too many". */
export function characterCount(t: Translate, value: string, max: number): string {
  const left = max - [...value].length;
  return left >= 0 ? t('remaining', { count: left }) : t('tooMany', { count: -left });
}

/**
 * A labelled text area with its inline error and the GOV.UK character count pattern: the
 * visible count is hidden from screen readers, which hear a copy only when typing pauses, and
 * the field is described by its hints and its limit, so they are heard from first focus.
 */
export function textArea(t: Translate, field: TextAreaField): TemplateResult {
  const { id, label, value, max, error, limitHint } = field;
  const describedBy = [field.describedBy, error ? `${id}-error` : '', limitHint ? `${id}-limit` : `${id}-count-sr`].filter(Boolean).join(' ');
  const count = characterCount(t, value, max);
  const over = [...value].length > max;
  return html`
    <div class="field ${error ? 'error' : ''}">
      <label class="label" part="label" for=${id}>${label}</label>
      ${error
        ? html`<p class="error-message" part="error" id="${id}-error"><span class="visually-hidden">${t('errorPrefix')} </span>${error}</p>`
        : nothing}
      <textarea
        class="textarea"
        part="input"
        id=${id}
        name=${id}
        rows="4"
        spellcheck="true"
        aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${value}
        @input=${field.onInput}
      ></textarea>
      ${limitHint ? html`<p class="visually-hidden" id="${id}-limit">${limitHint}</p>` : nothing}
      <p class="count ${over ? 'over' : ''}" aria-hidden="true">${count}</p>
      <p class="visually-hidden" id="${id}-count-sr" aria-live="polite">${field.announcedCount}</p>
    </div>
  `;
}

/**
 * The GOV.UK error summary: a box that takes focus (which announces it, so it is not also a live
 * region: that would say it twice) and whose links move focus to each field.
 */
export function errorSummary(t: Translate, errors: FieldError[], focusField: (id: string) => void, level = 2): TemplateResult {
  return html`
    <div class="error-summary" id="error-summary" part="error" role="group" tabindex="-1" aria-labelledby="error-summary-title">
      ${heading(level, t('errorSummary'), 'error-summary-title', 'heading-small')}
      <ul>
        ${errors.map(
          ({ field, message }) => html`<li>
            <a
              href="#${field}"
              @click=${(event: Event) => {
                event.preventDefault();
                focusField(field);
              }}
              >${message}</a
            >
          </li>`,
        )}
      </ul>
    </div>
  `;
}

/**
 * Yes and No as two buttons whose accessible names say what they answer ("Yes this page is
 * useful"), from the widget's `yes`, `yesHidden`, `no` and `noHidden` strings.
 */
export function yesNoButtons(t: Translate, vote: (answer: boolean) => () => void): TemplateResult {
  return html`<div class="button-group">
    <button type="button" class="button secondary" part="button" id="yes" @click=${vote(true)}>
      ${t('yes')}<span class="visually-hidden"> ${t('yesHidden')}</span>
    </button>
    <button type="button" class="button secondary" part="button" id="no" @click=${vote(false)}>
      ${t('no')}<span class="visually-hidden"> ${t('noHidden')}</span>
    </button>
  </div>`;
}
