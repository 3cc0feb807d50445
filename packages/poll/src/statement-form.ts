import { html, nothing } from 'lit';
import {
  characterCount,
  elapsedSince,
  errorSummary,
  heading,
  honeypot,
  honeypotFilled,
  textArea,
  type Clock,
  type DeliveryResult,
  type FieldError,
  type Submission,
  type Translate,
} from '@tandem/core';
import { PollController } from './controller.js';
import type { ShownStatement } from './mine.js';
import { paragraphs } from './poll-text.js';
import { STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH, type PollView } from './types.js';

/** What became of the last statement sent. `unprepared`: not sent (offline before the code that prepares it arrived); the text stays. */
export type StatementOutcome = 'sent' | 'queued' | 'duplicate' | 'closed' | 'refused' | 'unprepared';

const OUTCOME_KEYS: Record<StatementOutcome, string> = {
  sent: 'statementSent',
  queued: 'statementQueued',
  duplicate: 'statementDuplicate',
  closed: 'statementsClosed',
  refused: 'statementRefused',
  unprepared: 'statementUnprepared',
};

export interface StatementFormOptions {
  clock: () => Clock;
  t: () => Translate;
  language: () => string;
  send: (answers: Record<string, string>, signals: Submission['signals']) => Promise<DeliveryResult>;
  /** After a step: the poll may have moved (`refresh`), and focus goes to an element by id. */
  refresh: () => void;
  focus: (id: string) => void;
  /** The element's error boundary, round every handler. */
  guard: (action: () => unknown) => void;
}

/**
 * "Add your own statement": the text, its checks, the GOV.UK character count, the honeypot,
 * sending it, and what became of it, including the statements sent from this page that the
 * collector's list does not show yet.
 */
export class StatementForm extends PollController<StatementFormOptions> {
  outcome: StatementOutcome | undefined;
  /** Statements sent from this page that the collector's list did not yet show. */
  local: ShownStatement[] = [];

  private text = '';
  private errors: FieldError[] = [];
  private announced = '';
  private timer: unknown;
  private startedAt: number | undefined;
  private sending = false;
  override hostDisconnected(): void {
    this.options.clock().clearTimeout(this.timer);
  }

  /** The collector's list now shows these: stop showing this page's copies. */
  shown(poll: PollView): void {
    const theirs = new Set((poll.mine?.statements ?? []).map((s) => normalise(s.text)));
    this.local = this.local.filter((s) => !theirs.has(normalise(s.text)));
  }

  private readonly input = (event: InputEvent) => this.options.guard(() => this.typed(event));

  private typed(event: InputEvent): void {
    const clock = this.options.clock();
    this.text = (event.target as HTMLTextAreaElement).value;
    this.startedAt ??= clock.now();
    // Screen readers hear the count once typing pauses, not on every key.
    clock.clearTimeout(this.timer);
    this.timer = clock.setTimeout(() => {
      this.announced = characterCount(this.options.t(), this.text, STATEMENT_MAX_LENGTH);
      this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  /** Errors are kept as string keys and translated when shown, so they follow a change of language. */
  private validate(): FieldError[] {
    const length = [...this.text.trim()].length;
    if (length === 0) return [{ field: 'statement', message: 'statementEmpty' }];
    if (length < STATEMENT_MIN_LENGTH) return [{ field: 'statement', message: 'statementTooShort' }];
    if (length > STATEMENT_MAX_LENGTH) return [{ field: 'statement', message: 'statementTooLong' }];
    return [];
  }

  private readonly submit = (event: SubmitEvent) => {
    event.preventDefault();
    this.options.guard(() => this.send(honeypotFilled(event)));
  };

  private async send(trapped: boolean): Promise<void> {
    if (this.sending) return;
    this.errors = this.validate();
    this.outcome = undefined;
    if (this.errors.length) {
      this.options.focus('error-summary');
      return;
    }
    this.sending = true;
    this.host.requestUpdate();
    const text = this.text.trim();
    const fillMs = elapsedSince(this.options.clock(), this.startedAt ?? this.options.clock().now());
    const result = await this.options.send({ statement: text }, { honeypot: trapped, fillMs }).finally(() => {
      this.sending = false;
    });
    if (result.outcome === 'unprepared') {
      this.outcome = 'unprepared';
    } else if (result.outcome === 'rejected') {
      const code = result.refusal.code;
      this.outcome = code === 'duplicate-statement' ? 'duplicate' : code === 'poll-closed' || code === 'statements-closed' ? 'closed' : 'refused';
      if (this.outcome === 'closed') this.options.refresh();
    } else {
      const queued = result.outcome === 'queued';
      const sent = result.submission.answers.statement;
      this.outcome = queued ? 'queued' : 'sent';
      this.local = [...this.local, { id: '', text: typeof sent === 'string' ? sent : text, status: queued ? 'queued' : 'pending', reason: null, reply: null }];
      this.text = '';
      this.announced = '';
      this.startedAt = undefined;
      if (result.outcome === 'sent') this.options.refresh();
    }
    this.options.focus('statement-message');
  }

  render(poll: PollView, level: number, focusField: (id: string) => void) {
    const t = this.options.t();
    const language = this.options.language();
    const errors = this.errors.map(({ field, message }) => ({ field, message: t(message, { min: STATEMENT_MIN_LENGTH, max: STATEMENT_MAX_LENGTH }) }));
    return html`<section class="section add" aria-labelledby="add-heading">
      ${heading(level, t('addHeading'), 'add-heading', 'heading-small')}
      <form class="form" part="form" novalidate aria-labelledby="add-heading" @submit=${this.submit}>
        ${errors.length ? errorSummary(t, errors, focusField, Math.min(6, level + 1)) : nothing} ${this.message(t)}
        <p class="hint" id="statement-hint">${t('addHint')}</p>
        <p class="hint" id="statement-privacy">${t('privacy')}</p>
        ${poll.policy
          ? html`<details class="details">
              <summary class="summary">${t('policyLink')}</summary>
              <div class="details-text">${paragraphs(poll.policy, language)}</div>
            </details>`
          : nothing}
        ${textArea(t, {
          id: 'statement',
          label: t('statementLabel'),
          value: this.text,
          max: STATEMENT_MAX_LENGTH,
          error: errors[0]?.message,
          announcedCount: this.announced,
          describedBy: 'statement-hint statement-privacy',
          limitHint: t('limit', { count: STATEMENT_MAX_LENGTH }),
          onInput: this.input,
        })}
        ${honeypot(t('honeypot'))}
        <button type="submit" class="button" part="button" id="send">${t(this.sending ? 'saving' : 'send')}</button>
      </form>
    </section>`;
  }

  /**
   * What became of the last statement, at the top of the form (so Tab goes on from it to the
   * form, not round to the poll's first question); it stays when the form goes (the poll closed).
   */
  message(t: Translate) {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    return html`<p class="message statement-${outcome}" part="message" id="statement-message" tabindex="-1">${t(OUTCOME_KEYS[outcome])}</p>`;
  }
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}
