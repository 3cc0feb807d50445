import { html, nothing } from 'lit';
import {
  base,
  characterCount,
  elapsedSince,
  errorSummary,
  focusedMessageStyles,
  heading,
  headingLevel,
  honeypot,
  honeypotFilled,
  honeypotStyles,
  TandemElement,
  textArea,
  yesNoButtons,
  tokens,
  type FieldError,
  type Submission,
} from '@tandem/core';
import en from './locales/en.json';
import { feedbackStyles } from './feedback.styles.js';

/**
 * The step the prompt shows. `unsent`: the form again, with what was written, because the code
 * that prepares an answer could not be fetched (offline), so nothing was kept or sent.
 * `vote-unsent`: the question again, saying the Yes or No was not sent, for the same reason.
 */
export type FeedbackState = 'ask' | 'thanks' | 'form' | 'sending' | 'sent' | 'queued' | 'failed' | 'unsent' | 'vote-unsent';
/** Why the form was opened: after "No", "Report a problem", or "Tell us more" after "Yes". */
export type FeedbackReason = 'not-useful' | 'problem' | 'more';
type Field = 'trying' | 'wrong';

/** The most characters each answer may have. */
export const FEEDBACK_MAX_LENGTH = 500;

/**
 * The "Is this page useful?" prompt: Yes / No and "Report a problem with this page", with a
 * short form for what the person was trying to do and what went wrong. Personal details are
 * removed from the text before it leaves the page.
 *
 * @customElement tandem-feedback
 * @summary Page feedback: "Is this page useful?" and "Report a problem with this page".
 *
 * @fires tandem-submit - Before an answer is sent. Cancelable: call `preventDefault()` to handle the answer yourself.
 * @fires tandem-submitted - Once an answer is sent, stored to send later, or handled by the host. `detail.delivery` says which.
 * @fires tandem-error - When the element is misconfigured, the collector refuses an answer, or something fails inside it.
 *
 * @csspart base - The widget's box.
 * @csspart heading - The question and form headings.
 * @csspart form - The feedback form.
 * @csspart label - Field labels.
 * @csspart input - The text areas.
 * @csspart button - Every button.
 * @csspart message - The thank-you and sending messages.
 * @csspart error - The error summary, inline errors and the misconfiguration notice.
 *
 * @cssprop --tandem-font-family - Font family (default: inherited from the page).
 * @cssprop --tandem-font-size-body - Body text size (default: 1.1875rem).
 * @cssprop --tandem-color-text - Text colour (default: #0b0c0c).
 * @cssprop --tandem-color-panel - Background of the prompt (default: #f3f2f1).
 * @cssprop --tandem-color-button - Primary button colour (default: #00703c).
 * @cssprop --tandem-color-focus - Focus highlight (default: #ffdd00).
 * @cssprop --tandem-color-error - Error colour (default: #c0301a).
 * @cssprop --tandem-color-link - Link-style button colour (default: #1d70b8).
 * @cssprop --tandem-feedback-max-width - The widest the prompt grows (default: none).
 */
export class TandemFeedback extends TandemElement {
  static override properties = {
    ...TandemElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    variant: { type: String, reflect: true },
    state: { type: String, reflect: true },
  };

  static override styles = [tokens, base, honeypotStyles, focusedMessageStyles, feedbackStyles];
  static override locales = { en, cy: () => import('./locales/cy.json') };

  /** The level of the prompt's headings, 2 to 6, to fit the page's outline. */
  declare headingLevel: number;
  /** `inline` (default) or `compact`, a slimmer prompt for busy pages. */
  declare variant: 'inline' | 'compact';
  /**
   * The step shown: `ask`, `thanks`, `form`, `sending`, `sent`, `queued`, `failed`, `unsent` or `vote-unsent`. It moves
   * by itself as the person answers; set it only to show a step, as the docs do.
   */
  declare state: FeedbackState;

  protected readonly widget = 'feedback' as const;
  private reason: FeedbackReason = 'problem';
  private answers: Record<Field, string> = { trying: '', wrong: '' };
  private errors: FieldError[] = [];
  private announced: Record<Field, string> = { trying: '', wrong: '' };
  private announceTimer: unknown;
  private shownAt = this.clock.now();
  private formOpenedAt = this.clock.now();
  private voted = false;
  /** A "No" that could not be prepared while its form was open: it goes again with the form. */
  private unsentVote: Submission | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.variant = 'inline';
    this.state = 'ask';
  }

  /** Opens the form, as "Report a problem with this page" does. */
  openForm(reason: FeedbackReason = 'problem'): void {
    this.reason = reason;
    this.errors = [];
    this.formOpenedAt = this.clock.now();
    // The form's start, not its first field: what comes before that field is heard too.
    this.show('form', 'form-heading');
  }

  private show(state: FeedbackState, focus?: string): void {
    this.state = state;
    this.focusAfterRender = focus;
  }

  private fields(): Field[] {
    return this.reason === 'more' ? ['trying'] : ['trying', 'wrong'];
  }

  private readonly vote = (useful: boolean) => () =>
    this.guard(async () => {
      this.voted = true;
      const submission = this.buildSubmission({ useful }, { honeypot: false, fillMs: elapsedSince(this.clock, this.shownAt) });
      if (useful) this.show('thanks', 'message');
      else this.openForm('not-useful');
      await this.deliverVote(submission);
    });

  /** Nothing unprepared is kept, so a vote whose code did not load is asked for again, never thanked for. */
  private async deliverVote(vote: Submission): Promise<void> {
    this.unsentVote = undefined;
    const { outcome } = await this.deliver(vote);
    if (outcome !== 'unprepared') return;
    this.voted = false;
    // Someone typing in the "No" form keeps their focus: the vote goes with Send, or is asked again on Cancel.
    if (this.state === 'thanks') this.show('vote-unsent', 'message');
    else this.unsentVote = vote;
  }

  private readonly report = () => this.guard(() => this.openForm('problem'));
  private readonly tellUsMore = () => this.guard(() => this.openForm('more'));

  private readonly cancel = () =>
    this.guard(() => {
      this.errors = [];
      this.answers = { trying: '', wrong: '' };
      if (this.voted) this.show('thanks', 'message');
      else if (this.unsentVote) this.show('vote-unsent', 'message');
      else this.show('ask', 'report');
    });

  private readonly input = (field: Field) => (event: InputEvent) =>
    this.guard(() => {
      this.answers = { ...this.answers, [field]: (event.target as HTMLTextAreaElement).value };
      // Screen readers hear the count once typing pauses, not on every key.
      this.clock.clearTimeout(this.announceTimer);
      this.announceTimer = this.clock.setTimeout(() => {
        this.announced = { ...this.announced, [field]: this.count(field) };
        this.requestUpdate();
      }, 1000);
      this.requestUpdate();
    });

  private count(field: Field): string {
    return characterCount(this.t, this.answers[field], FEEDBACK_MAX_LENGTH);
  }

  /** Errors are kept as string keys and translated when shown, so they follow a change of language. */
  private validate(): FieldError[] {
    const errors: FieldError[] = [];
    for (const field of this.fields()) {
      const value = this.answers[field].trim();
      if (!value) errors.push({ field, message: `${field}Empty` });
      else if ([...value].length > FEEDBACK_MAX_LENGTH) errors.push({ field, message: `${field}TooLong` });
    }
    return errors;
  }

  private translatedErrors(): FieldError[] {
    return this.errors.map(({ field, message }) => ({ field, message: this.t(message, { max: FEEDBACK_MAX_LENGTH }) }));
  }

  private readonly send = (event: SubmitEvent) => {
    event.preventDefault();
    this.guard(async () => {
      this.errors = this.validate();
      if (this.errors.length) {
        this.show('form', 'error-summary');
        this.requestUpdate();
        return;
      }
      const answers: Record<string, string> = { reason: this.reason };
      for (const field of this.fields()) answers[field] = this.answers[field].trim();
      const submission = this.buildSubmission(answers, { honeypot: honeypotFilled(event), fillMs: elapsedSince(this.clock, this.formOpenedAt) });
      this.show('sending', 'message');
      if (this.unsentVote) await this.deliverVote(this.unsentVote);
      const { outcome } = await this.deliver(submission);
      // Not kept anywhere: the form comes back with the answers in it, to send again.
      if (outcome === 'unprepared') return this.show('unsent', 'error-summary');
      this.answers = { trying: '', wrong: '' };
      this.show(outcome === 'queued' ? 'queued' : outcome === 'rejected' ? 'failed' : 'sent', 'message');
    });
  };

  private readonly focusField = (id: string) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();

  protected renderWidget() {
    const level = headingLevel(this.headingLevel);
    return html`<div class="feedback ${this.variant === 'compact' ? 'compact' : ''}">
      ${this.state === 'form' || this.state === 'unsent' ? this.renderForm(level) : this.renderPrompt(level)}
    </div>`;
  }

  private renderPrompt(level: number) {
    const { state } = this;
    const asking = state === 'ask' || state === 'vote-unsent';
    const message =
      state === 'thanks' ? this.t('thanks') : state === 'ask' ? '' : state === 'vote-unsent' ? this.t('voteUnsent') : this.t(state as 'sending' | 'sent' | 'queued' | 'failed');
    // Focus moves to each message, which announces it (so no live region as well: it would say it
    // twice). "Sending…" has a template of its own, so the message after it is a new element, focused anew.
    // The message comes before the question, so Tab goes on from it to Yes and No.
    return html`
      <div class="prompt">
        ${state === 'sending'
          ? html`<p class="message sending" part="message" id="message" tabindex="-1">${message}</p>`
          : message
            ? html`<p class="message ${state}" part="message" id="message" tabindex="-1">${message}</p>`
            : nothing}
        ${asking
          ? html`<div class="question">
              ${heading(level, this.t('question'), 'question', 'heading-small')}
              ${yesNoButtons(this.t, this.vote)}
            </div>`
          : nothing}
        ${asking || state === 'thanks'
          ? html`<div class="links">
              ${state === 'thanks'
                ? html`<button type="button" class="button link" part="button" id="more" @click=${this.tellUsMore}>${this.t('tellUsMore')}</button>`
                : nothing}
              <button type="button" class="button link" part="button" id="report" @click=${this.report}>${this.t('report')}</button>
            </div>`
          : nothing}
      </div>
    `;
  }

  private renderForm(level: number) {
    const errors = this.state === 'unsent' ? [{ field: 'send', message: this.t('unsent') }] : this.translatedErrors();
    const error = (field: Field) => errors.find((e) => e.field === field)?.message;
    return html`
      <form class="form" part="form" novalidate @submit=${this.send} aria-labelledby="form-heading">
        ${errors.length ? errorSummary(this.t, errors, this.focusField, level) : nothing}
        ${heading(level, this.t('formHeading'), 'form-heading', 'heading')}
        <p class="hint" id="privacy">${this.t('privacy')}</p>
        ${this.fields().map((field) =>
          textArea(this.t, {
            id: field,
            label: this.t(`${field}Label`),
            value: this.answers[field],
            max: FEEDBACK_MAX_LENGTH,
            error: error(field),
            announcedCount: this.announced[field],
            describedBy: 'privacy',
            limitHint: this.t('limit', { count: FEEDBACK_MAX_LENGTH }),
            onInput: this.input(field),
          }),
        )}
        ${honeypot(this.t('honeypot'))}
        <div class="button-group">
          <button type="submit" class="button" part="button" id="send">${this.t('send')}</button>
          <button type="button" class="button secondary" part="button" id="cancel" @click=${this.cancel}>${this.t('cancel')}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-feedback': TandemFeedback;
  }
}
