import { html, nothing, type PropertyValues } from 'lit';
import {
  base,
  choiceStyles,
  detailsStyles,
  elapsedSince,
  focusedMessageStyles,
  headingLevel,
  heading,
  honeypotStyles,
  TandemElement,
  TandemErrorEvent,
  tokens,
  type ConfigProblem,
  type DeliveryResult,
  type Submission,
} from '@tandem/core';
import en from './locales/en.json';
import { myStatements, type ShownStatement } from './mine.js';
import type { PollFetch } from './poll-api.js';
import { PollState, type AnswerState, type PollLoadStatus } from './poll-state.js';
import { pollStyles } from './poll.styles.js';
import { formatDate, paragraphs, staffText } from './poll-text.js';
import { questionTemplate } from './question.templates.js';
import { StatementForm } from './statement-form.js';
import type { PollQuestion, PollText, PollView } from './types.js';

export type { AnswerState, PollLoadStatus } from './poll-state.js';
export type { StatementOutcome } from './statement-form.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * A co-assessment poll: residents rate a service (1 to 5 with words at each point, or five
 * faces with text labels), choose an option, and agree or disagree with statements, then
 * see the results so far as a table and a bar chart. They can add their own statement for
 * others to agree or disagree with once staff have checked it, and see what happened to it.
 * Each question is a native radio group in a fieldset; each answer is saved on its own, can be
 * changed while the poll is open, and counts once: a random participant id, kept on the
 * device only once the person first answers, lets the collector replace an earlier answer.
 *
 * @customElement tandem-poll
 * @summary A poll: rate a service, see the results, and add your own statement.
 *
 * @fires tandem-submit - Before an answer or a statement is sent. Cancelable: call `preventDefault()` to handle it yourself.
 * @fires tandem-submitted - Once an answer or a statement is sent, stored to send later, or handled by the host. `detail.delivery` says which.
 * @fires tandem-error - When the element is misconfigured, the poll cannot be found, the collector refuses an answer, or something fails inside it.
 *
 * @csspart base - The widget's box.
 * @csspart heading - The poll's title and its section headings.
 * @csspart label - Each answer's label, and the statement's label.
 * @csspart input - The radio buttons and the statement's text area.
 * @csspart button - Every button.
 * @csspart results - The results of a question: its bar chart and table.
 * @csspart form - The "Add your own statement" form.
 * @csspart message - Loading and unavailable messages, and what became of a statement.
 * @csspart error - The error summary, inline errors and the misconfiguration notice.
 *
 * @cssprop --tandem-font-family - Font family (default: inherited from the page).
 * @cssprop --tandem-font-size-body - Body text size (default: 1.1875rem).
 * @cssprop --tandem-color-text - Text colour (default: #0b0c0c).
 * @cssprop --tandem-color-text-secondary - Hints (default: #484949).
 * @cssprop --tandem-color-border - Radio buttons, the table's rules and the text area's border (default: #0b0c0c).
 * @cssprop --tandem-color-panel - Background of the results and the bars' track (default: #f3f2f1).
 * @cssprop --tandem-color-link - The bars of the chart (default: #1d70b8).
 * @cssprop --tandem-color-focus - Focus highlight (default: #ffdd00).
 * @cssprop --tandem-color-button - Primary button colour (default: #00703c).
 * @cssprop --tandem-color-error - Error colour (default: #c0301a).
 * @cssprop --tandem-poll-max-width - The widest the poll grows (default: 40rem).
 */
export class TandemPoll extends TandemElement {
  static override properties = {
    ...TandemElement.properties,
    poll: { type: String },
    pollData: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  static override styles = [tokens, base, honeypotStyles, focusedMessageStyles, choiceStyles, detailsStyles, pollStyles];
  static override locales = { en, cy: () => import('./locales/cy.json') };

  /** The poll's id at the collector, e.g. `day-centres-2026`. */
  declare poll: string | undefined;
  /**
   * The poll as `GET /v1/polls/{id}` gives it, instead of fetching it (for stories, tests
   * and pages that render it themselves). Answers are still sent as usual.
   */
  declare pollData: PollView | undefined;
  /** The level of the poll's title, 2 to 6, to fit the page's outline; its sections go one below. */
  declare headingLevel: number;

  protected readonly widget = 'poll' as const;

  private readonly state = new PollState(this, {
    source: () => {
      if (!this.isConnected) return undefined;
      if (this.pollData) return { endpoint: '', site: '', id: this.pollId, given: this.pollData };
      if (this.configProblems().length) return undefined;
      const { endpoint, site } = this.resolveConfig();
      return { endpoint, site, id: this.pollId, given: undefined };
    },
    failed: (fetched) => this.fetchFailed(fetched),
    using: (poll) => {
      this.statements.shown(poll);
      // What a fetch changes may be drawn afresh: keep focus where the person was, if it is still there.
      this.focusAfterRender ??= (this.renderRoot as ShadowRoot).activeElement?.id || undefined;
    },
  });

  private readonly statements = new StatementForm(this, {
    clock: () => this.clock,
    t: () => this.t,
    language: () => this.language,
    send: (answers, signals) => this.send(answers, signals),
    refresh: () => void this.refresh(),
    focus: (id) => this.focusNext(id),
    guard: (action) => this.guard(action),
  });

  private announcement = '';
  private shownAt = this.clock.now();

  constructor() {
    super();
    this.headingLevel = 2;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.shownAt = this.clock.now();
    document.addEventListener('visibilitychange', this.shownAgain);
    window.addEventListener('pageshow', this.shownAgain);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.shownAgain);
    window.removeEventListener('pageshow', this.shownAgain);
  }

  /** Where the poll is: `idle`, `loading`, `ready`, `unavailable`, `not-found` or `invalid`. */
  get loadStatus(): PollLoadStatus {
    return this.state.status;
  }

  /** The poll as shown: the collector's, with this device's answers it has not shown yet. */
  get pollInUse(): PollView | undefined {
    return this.state.poll;
  }

  /** What became of the last answer to each question, by question id. */
  get answerState(): Readonly<Record<string, AnswerState>> {
    return this.state.answerStates;
  }

  private get pollId(): string {
    return (this.pollData?.id ?? this.poll ?? '').trim();
  }

  protected override get instance(): string {
    return this.pollId;
  }

  protected override configProblems(): ConfigProblem[] {
    const problems = super.configProblems();
    if (this.pollData) return problems;
    const id = this.pollId;
    if (!id) problems.push({ attribute: 'poll', message: 'is missing: set it to the poll\'s id at the collector, e.g. poll="day-centres-2026"' });
    else if (!SLUG.test(id)) problems.push({ attribute: 'poll', message: `must be lower-case letters, digits and dashes, not "${id}"` });
    const { endpoint, transport } = this.resolveConfig();
    if (transport === 'events' && !endpoint) problems.push({ attribute: 'endpoint', message: 'is missing: the poll and its results are fetched from it' });
    return problems;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.guard(() => this.state.loadIfChanged());
  }

  /** Fetches the poll again, with this device's answers, unless it was given as data. */
  refresh(): Promise<void> {
    return this.state.refresh();
  }

  /** The page shown again (another tab, back from another page): the results may have moved. */
  private readonly shownAgain = (event: Event) => {
    if (event.type === 'pageshow' ? !(event as PageTransitionEvent).persisted : document.visibilityState !== 'visible') return;
    this.guard(() => this.refresh());
  };

  private fetchFailed(fetched: Exclude<PollFetch, { kind: 'ok' }>): void {
    if (fetched.kind === 'unavailable') {
      console.warn(`[tandem] <${this.localName}>: could not reach the collector for poll "${this.pollId}" (${fetched.reason}) at ${fetched.url}.`);
      return;
    }
    const message =
      fetched.kind === 'not-found'
        ? `[tandem] <${this.localName}>: "poll" "${this.pollId}" was not found for site "${this.resolveConfig().site}" at ${fetched.url}.`
        : `[tandem] <${this.localName}>: the collector's answer for "poll" "${this.pollId}" could not be used: ${fetched.problem} (${fetched.url}).`;
    console.error(message, this);
    this.dispatchEvent(new TandemErrorEvent({ kind: 'configuration', attribute: 'poll', message }));
  }

  // ---- answers ----

  private readonly choose = (question: string) => (option: string) => () => this.guard(() => this.state.choose(question, option));

  private readonly save = (question: PollQuestion, index: number) => (event: Event) => {
    event.preventDefault();
    this.guard(() => this.saveAnswer(question.id, index));
  };

  private async saveAnswer(id: string, index: number): Promise<void> {
    const { state } = this;
    if (state.answerStates[id] === 'saving') return;
    const choice = state.choices[id];
    if (!choice) {
      state.setAnswerState(id, 'missing');
      this.focusNext(`q${index}-0`);
      return;
    }
    if (choice === state.saved(id) && state.answerStates[id] !== 'queued') {
      state.setAnswerState(id, 'saved');
      this.announce(this.t('savedAnnouncement'));
      return;
    }
    state.setAnswerState(id, 'saving');
    const result = await this.send({ question: id, choice }, { honeypot: false, fillMs: elapsedSince(this.clock, this.shownAt) });
    if (result.outcome === 'unprepared') {
      // Nothing kept: the choice stays, for the person to save again.
      state.setAnswerState(id, 'unprepared');
      this.announce(this.t('answerUnprepared'));
      return;
    }
    if (result.outcome === 'rejected') {
      state.refused(id);
      const closed = result.refusal.code === 'poll-closed';
      state.setAnswerState(id, closed ? 'refused-closed' : 'refused');
      this.announce(this.t(closed ? 'refusedClosed' : 'refused'));
      void this.refresh();
      return;
    }
    state.answered(id, choice);
    const queued = result.outcome === 'queued';
    if (queued) state.resultsUnavailable = true;
    state.setAnswerState(id, queued ? 'queued' : 'saved');
    this.announce(this.t(queued ? 'queued' : 'savedAnnouncement'));
    if (result.outcome === 'sent') void this.refresh();
  }

  /** Sends one answer or statement with this device's participant id (the issued one, kept now, if this is its first answer). */
  private send(answers: Record<string, string>, signals: Submission['signals']): Promise<DeliveryResult> {
    const participant = this.state.participantFor(this.pollId);
    return this.deliver({ ...this.buildSubmission(answers, signals), ...(participant ? { participant } : {}) });
  }

  /** Said by the polite live region; focus stays on the Save button. */
  private announce(text: string): void {
    // Emptied first, so the same words said twice are announced twice.
    this.announcement = '';
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.announcement = text;
      this.requestUpdate();
    });
  }

  private focusNext(id: string): void {
    this.focusAfterRender = id;
    this.requestUpdate();
  }

  private readonly focusField = (id: string) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();

  // ---- rendering ----

  private readonly staff = (text: PollText) => staffText(text, this.language);

  protected renderWidget() {
    const level = headingLevel(this.headingLevel);
    const poll = this.pollInUse;
    const announcement = html`<div class="visually-hidden" role="status" id="announcement">${this.announcement}</div>`;
    if (!poll) {
      const status = this.state.status;
      const key = status === 'idle' || status === 'loading' ? 'loading' : status === 'unavailable' ? 'unavailable' : 'notice.misconfigured';
      return html`<div class="poll">
        <p class="message ${status}" part="message" id="load-message">${this.t(key)}</p>
        ${announcement}
      </div>`;
    }
    const sub = Math.min(6, level + 1);
    const date = (iso: string) => formatDate(iso, this.t);
    const dates =
      poll.status === 'upcoming'
        ? `${this.t('opensOn', { date: date(poll.opensAt) })} ${this.t('comeBack')}`
        : poll.status === 'open'
          ? this.t('openUntil', { date: date(poll.closesAt) })
          : this.t('closedOn', { date: date(poll.closesAt) });
    const statements: ShownStatement[] = [...(poll.mine?.statements ?? []), ...this.statements.local];
    return html`<div class="poll">
      ${heading(level, this.staff(poll.title), 'title', 'heading')}
      ${poll.intro ? html`<p class="intro">${this.staff(poll.intro)}</p>` : nothing}
      <p class="dates" id="dates">${dates}</p>
      ${poll.status === 'upcoming' ? nothing : poll.questions.map((question, index) => this.renderQuestion(poll, question, index, sub))}
      ${poll.response
        ? html`<section class="section response" aria-labelledby="response-heading">
            ${heading(sub, this.t('responseHeading'), 'response-heading', 'heading-small')}
            ${paragraphs(poll.response, this.language)}
          </section>`
        : nothing}
      ${poll.status === 'open' && poll.allowStatements ? this.statements.render(poll, sub, this.focusField) : this.statements.message(this.t)}
      ${myStatements(this.t, sub, statements, this.staff)}
      ${announcement}
    </div>`;
  }

  private renderQuestion(poll: PollView, question: PollQuestion, index: number, level: number) {
    const { state } = this;
    return questionTemplate(question, index, {
      t: this.t,
      language: this.language,
      rtl: this.locale.direction === 'rtl',
      poll,
      level,
      choice: state.choices[question.id],
      state: state.answerStates[question.id] ?? (state.unsaved(question.id) ? 'unsaved' : undefined),
      resultsUnavailable: state.resultsUnavailable,
      choose: this.choose(question.id),
      save: this.save(question, index),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-poll': TandemPoll;
  }
}
