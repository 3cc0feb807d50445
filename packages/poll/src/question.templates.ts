import { html, nothing } from 'lit';
import { heading, type Translate } from '@tandem/core';
import { face } from './faces.js';
import type { AnswerState } from './poll-state.js';
import { optionLabel, questionText } from './poll-text.js';
import { results } from './results.js';
import type { PollQuestion, PollView } from './types.js';

/** What a question's template needs from the poll element. */
export interface QuestionContext {
  t: Translate;
  language: string;
  rtl: boolean;
  poll: PollView;
  /** The heading level of the question's title in a closed poll. */
  level: number;
  /** The option checked in the question's radio group. */
  choice: string | undefined;
  /** What became of its last answer; `unsaved` for a choice not saved yet. */
  state: AnswerState | 'unsaved' | undefined;
  resultsUnavailable: boolean;
  choose: (option: string) => () => void;
  save: (event: Event) => void;
}

const STATE_KEYS: Record<Exclude<AnswerState, 'missing'> | 'unsaved', string> = {
  saving: 'saving',
  saved: 'saved',
  queued: 'queued',
  refused: 'refused',
  'refused-closed': 'refusedClosed',
  unprepared: 'answerUnprepared',
  unsaved: 'unsaved',
};

/**
 * One question: in an open poll a native radio group in a fieldset with its Save button, then
 * the results once this device has answered; in a closed poll its title and final results.
 */
export function questionTemplate(question: PollQuestion, index: number, context: QuestionContext) {
  const { t, language, poll, state } = context;
  const saved = poll.mine?.answers[question.id];
  const open = poll.status === 'open';
  const resident = question.origin === 'resident';
  const labels = question.options.map((option) => optionLabel(t, language, question, option));
  const shownResults =
    open && saved === undefined
      ? nothing
      : context.resultsUnavailable
        ? html`<p class="results-unavailable" id="q${index}-results">${t('resultsUnavailable')}</p>`
        : html`<div id="q${index}-results">
            ${results(t, {
              rows: question.options.map((option, j) => ({
                label: labels[j]!.shown,
                plain: labels[j]!.plain,
                count: question.results.counts[option.id] ?? 0,
                mine: saved === option.id,
              })),
              total: question.results.total,
              final: poll.status === 'closed',
              rtl: context.rtl,
            })}
          </div>`;
  if (!open) {
    return html`<section class="question" id="q${index}" data-question=${question.id} aria-labelledby="q${index}-text">
      ${heading(context.level, questionText(question, language), `q${index}-text`, 'heading-small')}
      ${resident ? html`<p class="hint">${t('residentStatement')}</p>` : nothing} ${shownResults}
    </section>`;
  }
  const describedBy = [resident ? `q${index}-hint` : '', state === 'missing' ? `q${index}-error` : ''].filter(Boolean).join(' ');
  // The rating's short labels sit in a row that wraps; faces' longer ones in a list.
  const scale = question.type === 'rating';
  return html`<form class="question" id="q${index}" novalidate data-question=${question.id} @submit=${context.save}>
    <fieldset class="fieldset ${state === 'missing' ? 'error' : ''}" aria-describedby=${describedBy || nothing}>
      <legend class="legend" id="q${index}-legend">${questionText(question, language)}</legend>
      ${resident ? html`<p class="hint" id="q${index}-hint">${t('residentStatement')}</p>` : nothing}
      ${state === 'missing'
        ? html`<p class="error-message" part="error" id="q${index}-error">
            <span class="visually-hidden">${t('errorPrefix')} </span>${t('chooseAnswer')}
          </p>`
        : nothing}
      <div class="radios ${scale ? 'scale' : ''} ${question.type}">
        ${question.options.map(
          (option, j) => html`<div class="radio">
            <input
              class="radio-input"
              part="input"
              type="radio"
              id="q${index}-${j}"
              name=${question.id}
              .value=${option.id}
              .checked=${context.choice === option.id}
              @change=${context.choose(option.id)}
            />
            <label class="radio-label" part="label" for="q${index}-${j}">
              ${question.type === 'faces' ? face(Number(option.id) || j + 1) : nothing}<span class="option-text">${labels[j]!.shown}</span>
            </label>
          </div>`,
        )}
      </div>
    </fieldset>
    <div class="actions">
      <button type="submit" class="button secondary" part="button" id="q${index}-save" aria-describedby="q${index}-legend${state && state !== 'missing' ? ` q${index}-state` : ''}">
        ${t('save')}
      </button>
      ${state && state !== 'missing' ? html`<p class="answer-state ${state}" id="q${index}-state">${t(STATE_KEYS[state])}</p>` : nothing}
    </div>
    ${shownResults}
  </form>`;
}
