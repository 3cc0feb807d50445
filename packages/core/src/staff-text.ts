import { html } from 'lit';
import type { PollText } from './protocol/poll.js';

/** Staff's text in the widget's language when given, else English marked as English. */
export function staffText(text: PollText, language: string) {
  const welsh = language === 'cy' ? text.cy?.trim() : undefined;
  if (welsh || language === 'en') return welsh || text.en;
  return html`<span lang="en">${text.en}</span>`;
}

/** Staff's text as plain words in the widget's language, else in English. */
export function plainText(text: PollText, language: string): string {
  return (language === 'cy' && text.cy?.trim()) || text.en;
}
