/**
 * The answer shown in place and "Did this answer your need?" under it: fetched when the
 * search box is first used (its own chunk), so a page where nobody searches never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { heading, type Translate } from '@tandem/core';
import type { CatalogueEntry } from './catalogue.js';
import { NEED_MAX_LENGTH } from './finder-config.js';
import { around, details, fields, inLang, MARK, safeUrl, telHref } from './finder.templates.js';
import type { HelpedController } from './helped.js';
import { entryText } from './localised.js';

export { HelpedController } from './helped.js';

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
      ${heading(level, t('helpedQuestion'), 'helped-question', 'heading-small')} ${fields.yesNoButtons(t, onVote)}
    </div>`;
  }
  const errors = helped.errors.map(({ field, message }) => ({ field, message: t(message, { max: NEED_MAX_LENGTH }) }));
  return html`<form class="helped form" part="form" novalidate @submit=${onSubmitNeed}>
    ${errors.length ? fields.errorSummary(t, errors, focusField, level) : nothing}
    <p class="hint" id="privacy">${t('privacy')}</p>
    ${fields.textArea(t, {
      id: 'need',
      label: t('needLabel'),
      value: helped.need,
      max: NEED_MAX_LENGTH,
      error: errors.find((error) => error.field === 'need')?.message,
      announcedCount: helped.announcedCount,
      onInput: helped.onNeedInput,
    })}
    <div class="button-group">
      <button type="submit" class="button" part="button" id="send">${t('send')}</button>
    </div>
  </form>`;
}
