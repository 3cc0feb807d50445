import { html, nothing } from 'lit';
import {
  elapsedSince,
  errorSummary,
  honeypot,
  honeypotFilled,
  textArea,
  characterCount,
  WidgetController,
  type Clock,
  type DeliveryResult,
  type FieldError,
  type Submission,
  type Translate,
} from '@tandem/core';
import { MAX_TEXT, type OfferAnswers, type OfferContact, type PledgeListView } from '@tandem/core/protocol.js';
import type { Confirmation } from './confirmation.templates.js';
import { emptyDraft, firstControl, groupOf, offerOf, toggled, type OfferDraft } from './offer-draft.js';
import { ageQuestion, contactQuestions, oftenQuestion, waysQuestion, whenQuestion, whereQuestion, type OfferView } from './offer.templates.js';

/** What became of the last try to send: refused by the collector, or not sent at all (offline before its code arrived). */
export type OfferRefusal = 'refused' | 'refused-invalid' | 'unprepared';

export interface OfferFormOptions {
  clock: () => Clock;
  t: () => Translate;
  language: () => string;
  send: (answers: OfferAnswers, contact: OfferContact, signals: Submission['signals']) => Promise<DeliveryResult>;
  sent: (confirmation: Confirmation) => void;
  focus: (id: string) => void;
  guard: (action: () => unknown) => void;
}

type Rules = typeof import('./offer-rules.js');
let rules: Promise<Rules> | undefined;

/** A failed load is forgotten, so the next try (the device back online) fetches it again. */
function loadRules(): Promise<Rules> {
  rules ??= import('./offer-rules.js').catch((error: unknown) => {
    rules = undefined;
    throw error;
  });
  return rules;
}

/**
 * The offer itself: the draft, its checks (offer-rules.ts, fetched on idle), the
 * GOV.UK error summary, sending it and what the collector said.
 */
export class OfferForm extends WidgetController<OfferFormOptions> {
  draft: OfferDraft = emptyDraft();
  refusal: OfferRefusal | undefined;
  sending = false;
  private errors: FieldError[] = [];
  private startedAt: number | undefined;
  private noteCount = '';
  private noteTimer: unknown;

  override hostConnected(): void {
    // On idle, as core fetches the validator: ready before anyone can answer, even offline later.
    (window.requestIdleCallback ?? setTimeout)(() => loadRules().catch(() => undefined));
  }

  override hostDisconnected(): void {
    this.options.clock().clearTimeout(this.noteTimer);
  }

  private change(next: Partial<OfferDraft>): void {
    this.draft = { ...this.draft, ...next };
    if (this.startedAt === undefined) loadRules().catch(() => undefined);
    this.startedAt ??= this.options.clock().now();
    this.host.requestUpdate();
  }

  private readonly toggle = (group: 'ways' | 'areas' | 'when', id: string) => (event: Event) =>
    this.options.guard(() => this.change({ [group]: toggled(this.draft[group], id, (event.target as HTMLInputElement).checked) }));

  private readonly choose = (group: 'often' | 'age' | 'prefer', value: string) => () => this.options.guard(() => this.change({ [group]: value }));

  private readonly type = (field: 'note' | 'name' | 'email' | 'phone' | 'guardianEmail') => (event: Event) =>
    this.options.guard(() => {
      this.change({ [field]: (event.target as HTMLInputElement).value });
      if (field === 'note') this.countWhenTypingPauses();
    });

  /** Screen readers hear the note's count once typing pauses, not on every key. */
  private countWhenTypingPauses(): void {
    const clock = this.options.clock();
    clock.clearTimeout(this.noteTimer);
    this.noteTimer = clock.setTimeout(() => {
      this.noteCount = characterCount(this.options.t(), this.draft.note, MAX_TEXT);
      this.host.requestUpdate();
    }, 1000);
  }

  private readonly submit = (list: PledgeListView) => (event: SubmitEvent) => {
    event.preventDefault();
    this.options.guard(() => this.send(list, honeypotFilled(event)));
  };

  private async send(list: PledgeListView, trapped: boolean): Promise<void> {
    if (this.sending) return;
    // Set before anything is awaited, so a second press while the rules load sends nothing twice.
    this.sending = true;
    this.refusal = undefined;
    try {
      await this.checkAndSend(list, trapped);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private async checkAndSend(list: PledgeListView, trapped: boolean): Promise<void> {
    let rules: Rules;
    try {
      rules = await loadRules();
    } catch {
      this.refusal = 'unprepared';
      this.options.focus('offer-refusal');
      return;
    }
    // One error per question, the first the shared rule names, in the form's order.
    const seen = new Set<string>();
    this.errors = rules.draftProblems(this.draft, list).flatMap((problem) => {
      const group = groupOf(problem.field);
      if (seen.has(group)) return [];
      seen.add(group);
      return [{ field: group, message: `problem.${problem.code}` }];
    });
    if ([...this.draft.note].length > MAX_TEXT) this.errors.push({ field: 'note', message: 'tooMany' });
    if (this.errors.length) {
      this.options.focus('error-summary');
      return;
    }
    const { answers, contact } = offerOf(this.draft);
    const clock = this.options.clock();
    this.host.requestUpdate();
    const result = await this.options.send(answers, contact, { honeypot: trapped, fillMs: elapsedSince(clock, this.startedAt ?? clock.now()) });
    if (result.outcome === 'unprepared' || result.outcome === 'rejected') {
      this.refusal = result.outcome === 'unprepared' ? 'unprepared' : result.refusal.httpStatus === 422 ? 'refused-invalid' : 'refused';
      this.options.focus('offer-refusal');
      return;
    }
    this.options.sent({ reference: rules.referenceOf(result.submission.id), answers, contact, queued: result.outcome === 'queued' });
    this.draft = emptyDraft();
    this.startedAt = undefined;
  }

  render(list: PledgeListView, level: number, headingOf: (level: number, text: string, id: string) => unknown, focusField: (id: string) => void) {
    const t = this.options.t();
    const language = this.options.language();
    const messages = this.errors.map(({ field, message }) => ({ field, message: t(message, { count: [...this.draft.note].length - MAX_TEXT }) }));
    const errors = Object.fromEntries(messages.map(({ field, message }) => [field, message]));
    const view: OfferView = { t, language, list, draft: this.draft, errors, toggle: this.toggle, choose: this.choose, type: this.type };
    const summary = messages.map(({ field, message }) => ({ field: firstControl(field, list), message }));
    const refusalKey = this.refusal === 'refused-invalid' ? 'refusedInvalid' : this.refusal;
    return html`<form class="form" part="form" novalidate aria-labelledby="title" @submit=${this.submit(list)}>
      ${summary.length ? errorSummary(t, summary, focusField, level) : nothing}
      ${refusalKey ? html`<p class="message refused" part="error" id="offer-refusal" tabindex="-1">${t(refusalKey)}</p>` : nothing}
      ${waysQuestion(view)} ${whereQuestion(view)} ${whenQuestion(view)} ${oftenQuestion(view)} ${ageQuestion(view)}
      <p class="hint" id="note-hint">${t('noteHint')}</p>
      ${textArea(t, {
        id: 'note',
        label: t('noteLabel'),
        value: this.draft.note,
        max: MAX_TEXT,
        error: errors.note,
        announcedCount: this.noteCount,
        describedBy: 'note-hint',
        limitHint: t('limit', { count: MAX_TEXT }),
        onInput: this.type('note') as (event: InputEvent) => void,
      })}
      ${contactQuestions(view, level, headingOf)}
      ${honeypot(t('honeypot'))}
      <button type="submit" class="button" part="button" id="send">${t(this.sending ? 'sending' : 'send')}</button>
    </form>`;
  }
}
