import { html, nothing } from 'lit';
import { plainText, staffText, type Translate } from '@tandem/core';
import type { PollOption, PollQuestion, PollText } from './types.js';

// Shared with every widget that shows staff's words: core's staff-text.ts.
export { plainText, staffText };

/** A question's text: a resident's statement is in their own words, in whatever language they wrote. */
export function questionText(question: PollQuestion, language: string) {
  return question.origin === 'resident' ? question.text.en : staffText(question.text, language);
}

/** An option's label as shown (it may carry a lang attribute) and as plain text. */
export function optionLabel(t: Translate, language: string, question: PollQuestion, option: PollOption): { shown: unknown; plain: string } {
  const words = option.label ? staffText(option.label, language) : t(option.id);
  const plain = option.label ? plainText(option.label, language) : t(option.id);
  // One text with the number: Chromium drops the space between an element and the text after it from the name.
  if (question.type === 'rating') return { shown: typeof words === 'string' ? `${option.id} ${words}` : html`${option.id} ${words}`, plain: `${option.id} ${plain}` };
  return { shown: words, plain };
}

/** Staff's longer text, a paragraph for each blank-line-separated block. */
export function paragraphs(text: PollText, language: string) {
  const source = plainText(text, language);
  const blocks = source.split(/\n\s*\n/).filter((block) => block.trim());
  if (blocks.length <= 1) return html`<p>${staffText(text, language)}</p>`;
  const fallback = source === text.en && language !== 'en';
  return blocks.map((block) => html`<p lang=${fallback ? 'en' : nothing}>${block.trim()}</p>`);
}

/**
 * A date as the council's residents write it, on the UK's calendar day. Month names come from
 * the widget's strings: browsers do not all carry Welsh dates (Chromium has none).
 */
export function formatDate(iso: string, t: Translate): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/London' }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return t('date', { day: part('day'), month: t('months').split(',')[part('month') - 1], year: part('year') });
}
