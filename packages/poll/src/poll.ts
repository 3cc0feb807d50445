import { html, nothing, type PropertyValues } from 'lit';
import {
  base,
  characterCount,
  errorSummary,
  heading,
  headingLevel,
  TandemElement,
  TandemErrorEvent,
  textArea,
  tokens,
  type ConfigProblem,
  type FieldError,
  type Translate,
  type Outcome,
  type Submission,
} from '@tandem/core';
import { face } from './faces.js';
import en from './locales/en.json';
import { myStatements, type ShownStatement } from './mine.js';
import { ensureParticipant, storedParticipant } from './participant.js';
import { fetchPoll, pollUrl, type PollFetch } from './poll-api.js';
import { pollStyles } from './poll.styles.js';
import { results } from './results.js';
import { STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH, type PollOption, type PollQuestion, type PollText, type PollView } from './types.js';

/** Where the poll is: not asked for yet, on its way, shown, or why it cannot be. */
export type PollLoadStatus = 'idle' | 'loading' | 'ready' | 'unavailable' | 'not-found' | 'invalid';
/** What became of the last answer to a question. */
export type AnswerState = 'missing' | 'saving' | 'saved' | 'queued' | 'refused' | 'refused-closed';
/** What became of the last statement sent. */
export type StatementOutcome = 'sent' | 'queued' | 'duplicate' | 'closed' | 'refused';

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

  static override styles = [tokens, base, pollStyles];
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

  private data: PollView | undefined;
  private status: PollLoadStatus = 'idle';
  private source: unknown;
  private fetchController: AbortController | undefined;
  private resultsUnavailable = false;
  /** This device's participant id while storage is blocked (otherwise read from storage). */
  private participant: string | undefined;

  /** The option chosen in each radio group, saved or not. */
  private choices: Record<string, string> = {};
  /**
   * Answers sent (or queued) that the collector's answer did not show when last fetched. The
   * poll as shown is the collector's plus these, worked out afresh for each render, so a fetch
   * that crosses an answer in flight can neither lose it nor count it twice.
   */
  private unconfirmed = new Map<string, string>();
  private answerStates: Record<string, AnswerState> = {};
  private announcement = '';
  private shownAt = performance.now();

  private statement = '';
  private statementErrors: FieldError[] = [];
  private statementAnnounced = '';
  private statementTimer: ReturnType<typeof setTimeout> | undefined;
  private statementStartedAt: number | undefined;
  private statementOutcome: StatementOutcome | undefined;
  private sendingStatement = false;
  private honeypot = '';
  /** Statements sent from this page that the collector's list did not yet show. */
  private localStatements: ShownStatement[] = [];

  constructor() {
    super();
    this.headingLevel = 2;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.shownAgain);
    window.addEventListener('pageshow', this.shownAgain);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.shownAgain);
    window.removeEventListener('pageshow', this.shownAgain);
    this.fetchController?.abort();
    clearTimeout(this.statementTimer);
    // Shown again later (a single-page app putting it back): fetch the results afresh.
    this.source = undefined;
  }

  /** Where the poll is: `idle`, `loading`, `ready`, `unavailable`, `not-found` or `invalid`. */
  get loadStatus(): PollLoadStatus {
    return this.status;
  }

  /** The poll as shown: the collector's, with this device's answers it has not shown yet. */
  get pollInUse(): PollView | undefined {
    return this.data && withAnswers(this.data, this.unconfirmed);
  }

  /** This device's answer to a question, as far as it knows. */
  private savedAnswer(question: string): string | undefined {
    return this.unconfirmed.get(question) ?? this.data?.mine?.answers[question];
  }

  /** What became of the last answer to each question, by question id. */
  get answerState(): Readonly<Record<string, AnswerState>> {
    return this.answerStates;
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
    this.guard(() => this.loadIfChanged());
  }

  // ---- the poll and its results ----

  private loadIfChanged(): void {
    if (!this.isConnected) return;
    const { endpoint, site } = this.resolveConfig();
    const source = this.pollData ?? `${endpoint} ${site} ${this.pollId}`;
    if (source === this.source) return;
    this.source = source;
    if (this.pollData) {
      this.fetchController?.abort();
      this.use(structuredClone(this.pollData));
      return;
    }
    this.data = undefined;
    this.status = 'idle';
    if (this.configProblems().length === 0) void this.fetchNow();
  }

  /** The page shown again (another tab, back from another page): the results may have moved. */
  private readonly shownAgain = (event: Event) => {
    if (event.type === 'pageshow' ? !(event as PageTransitionEvent).persisted : document.visibilityState !== 'visible') return;
    this.guard(() => this.refresh());
  };

  /** Fetches the poll again, with this device's answers, unless it was given as data. */
  refresh(): Promise<void> {
    if (this.pollData || !this.isConnected || this.configProblems().length) return Promise.resolve();
    return this.fetchNow();
  }

  private async fetchNow(): Promise<void> {
    const { endpoint, site } = this.resolveConfig();
    const id = this.pollId;
    this.fetchController?.abort();
    const controller = new AbortController();
    this.fetchController = controller;
    if (!this.data) {
      this.status = 'loading';
      this.requestUpdate();
    }
    const fetched = await fetchPoll(pollUrl(endpoint, id, site, storedParticipant(id) ?? this.participant), controller.signal);
    if (controller.signal.aborted) return;
    if (fetched.kind === 'ok') this.use(fetched.poll);
    else this.fetchFailed(fetched);
  }

  private fetchFailed(fetched: Exclude<PollFetch, { kind: 'ok' }>): void {
    if (this.data) {
      // Already shown: keep the questions, but say the results could not be brought up to date.
      this.resultsUnavailable = true;
    } else {
      this.status = fetched.kind;
    }
    if (fetched.kind === 'unavailable') {
      console.warn(`[tandem] <${this.localName}>: could not reach the collector for poll "${this.pollId}" (${fetched.reason}) at ${fetched.url}.`);
    } else {
      const message =
        fetched.kind === 'not-found'
          ? `[tandem] <${this.localName}>: "poll" "${this.pollId}" was not found for site "${this.resolveConfig().site}" at ${fetched.url}.`
          : `[tandem] <${this.localName}>: the collector's answer for "poll" "${this.pollId}" could not be used: ${fetched.problem} (${fetched.url}).`;
      console.error(message, this);
      this.dispatchEvent(new TandemErrorEvent({ kind: 'configuration', attribute: 'poll', message }));
    }
    this.requestUpdate();
  }

  /** Shows a poll, keeping what this page knows that the collector's answer does not show yet. */
  private use(poll: PollView): void {
    const before = Object.fromEntries(poll.questions.map((q) => [q.id, this.savedAnswer(q.id)]));
    for (const [question, choice] of this.unconfirmed) if (poll.mine?.answers[question] === choice) this.unconfirmed.delete(question);
    this.data = poll;
    // A choice the person has made but not saved yet stays; the rest follow the saved answers.
    const choices: Record<string, string> = {};
    for (const { id } of poll.questions) {
      const choice = this.choices[id];
      const saved = this.savedAnswer(id);
      if (choice !== undefined && choice !== before[id]) choices[id] = choice;
      else if (saved !== undefined) choices[id] = saved;
    }
    this.choices = choices;
    const theirs = new Set((poll.mine?.statements ?? []).map((s) => normalise(s.text)));
    this.localStatements = this.localStatements.filter((s) => !theirs.has(normalise(s.text)));
    // What a fetch changes may be drawn afresh: keep focus where the person was, if it is still there.
    this.focusAfterRender ??= (this.renderRoot as ShadowRoot).activeElement?.id || undefined;
    this.status = 'ready';
    this.resultsUnavailable = false;
    this.requestUpdate();
  }

  // ---- answers ----

  private readonly choose = (question: string, option: string) => () =>
    this.guard(() => {
      this.choices = { ...this.choices, [question]: option };
      if (this.answerStates[question] === 'missing') this.setAnswerState(question, undefined);
      this.requestUpdate();
    });

  private setAnswerState(question: string, state: AnswerState | undefined): void {
    const next = { ...this.answerStates };
    if (state) next[question] = state;
    else delete next[question];
    this.answerStates = next;
  }

  private readonly save = (question: PollQuestion, index: number) => (event: Event) => {
    event.preventDefault();
    this.guard(async () => {
      const id = question.id;
      if (this.answerStates[id] === 'saving') return;
      const choice = this.choices[id];
      if (!choice) {
        this.setAnswerState(id, 'missing');
        this.focusAfterRender = `q${index}-0`;
        this.requestUpdate();
        return;
      }
      const previous = this.savedAnswer(id);
      if (choice === previous && this.answerStates[id] !== 'queued') {
        this.setAnswerState(id, 'saved');
        this.announce(this.t('savedAnnouncement'));
        return;
      }
      this.setAnswerState(id, 'saving');
      this.requestUpdate();
      const { outcome, code } = await this.send({ question: id, choice }, { honeypot: false, fillMs: elapsed(this.shownAt) });
      if (outcome === 'rejected') {
        this.unconfirmed.delete(id);
        this.choices = { ...this.choices, [id]: this.savedAnswer(id) ?? '' };
        const closed = code === 'poll-closed';
        this.setAnswerState(id, closed ? 'refused-closed' : 'refused');
        this.announce(this.t(closed ? 'refusedClosed' : 'refused'));
        void this.refresh();
        return;
      }
      this.unconfirmed.set(id, choice);
      const queued = outcome === 'queued';
      if (queued) this.resultsUnavailable = true;
      this.setAnswerState(id, queued ? 'queued' : 'saved');
      this.announce(this.t(queued ? 'queued' : 'savedAnnouncement'));
      if (outcome === 'sent') void this.refresh();
    });
  };

  /**
   * Sends one answer or statement with this device's participant id (made now if this is
   * its first answer), and reads the collector's reason when it refuses one.
   */
  private async send(answers: Record<string, string>, signals: Submission['signals']): Promise<{ outcome: Outcome; code?: string; sent?: Submission }> {
    this.participant = ensureParticipant(this.pollId, this.participant);
    const submission = { ...this.buildSubmission(answers, signals), participant: this.participant };
    let response: string | undefined;
    let sent: Submission | undefined;
    const refused = (event: TandemErrorEvent) => event.detail.kind === 'rejected' && (response = event.detail.response);
    const submitting = (event: Event) => (sent = (event as CustomEvent<{ submission: Submission }>).detail.submission);
    this.addEventListener('tandem-error', refused);
    this.addEventListener('tandem-submit', submitting);
    try {
      const outcome = await this.deliver(submission);
      return { outcome, code: refusalCode(response), sent };
    } finally {
      this.removeEventListener('tandem-error', refused);
      this.removeEventListener('tandem-submit', submitting);
    }
  }

  private announce(text: string): void {
    // Emptied first, so the same words said twice are announced twice.
    this.announcement = '';
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.announcement = text;
      this.requestUpdate();
    });
  }

  // ---- statements ----

  private readonly statementInput = (event: InputEvent) =>
    this.guard(() => {
      this.statement = (event.target as HTMLTextAreaElement).value;
      this.statementStartedAt ??= performance.now();
      // Screen readers hear the count once typing pauses, not on every key.
      clearTimeout(this.statementTimer);
      this.statementTimer = setTimeout(() => {
        this.statementAnnounced = characterCount(this.t, this.statement, STATEMENT_MAX_LENGTH);
        this.requestUpdate();
      }, 1000);
      this.requestUpdate();
    });

  /** Errors are kept as string keys and translated when shown, so they follow a change of language. */
  private validateStatement(): FieldError[] {
    const length = [...this.statement.trim()].length;
    if (length === 0) return [{ field: 'statement', message: 'statementEmpty' }];
    if (length < STATEMENT_MIN_LENGTH) return [{ field: 'statement', message: 'statementTooShort' }];
    if (length > STATEMENT_MAX_LENGTH) return [{ field: 'statement', message: 'statementTooLong' }];
    return [];
  }

  private readonly sendStatement = (event: SubmitEvent) => {
    event.preventDefault();
    this.guard(async () => {
      if (this.sendingStatement) return;
      this.statementErrors = this.validateStatement();
      this.statementOutcome = undefined;
      if (this.statementErrors.length) {
        this.focusAfterRender = 'error-summary';
        this.requestUpdate();
        return;
      }
      this.sendingStatement = true;
      this.requestUpdate();
      const text = this.statement.trim();
      const fillMs = elapsed(this.statementStartedAt ?? performance.now());
      const { outcome, code, sent } = await this.send({ statement: text }, { honeypot: this.honeypot !== '', fillMs }).finally(() => {
        this.sendingStatement = false;
      });
      const shown = typeof sent?.answers.statement === 'string' ? sent.answers.statement : text;
      if (outcome === 'rejected') {
        this.statementOutcome = code === 'duplicate-statement' ? 'duplicate' : code === 'poll-closed' || code === 'statements-closed' ? 'closed' : 'refused';
        if (this.statementOutcome === 'closed') void this.refresh();
      } else {
        const queued = outcome === 'queued';
        this.statementOutcome = queued ? 'queued' : 'sent';
        this.localStatements = [...this.localStatements, { id: '', text: shown, status: queued ? 'queued' : 'pending', reason: null, reply: null }];
        this.statement = '';
        this.statementAnnounced = '';
        this.statementStartedAt = undefined;
        if (outcome === 'sent') void this.refresh();
      }
      this.focusAfterRender = 'statement-message';
      this.requestUpdate();
    });
  };

  private readonly focusField = (id: string) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();

  // ---- rendering ----

  /** Staff's text in the widget's language when given, else English marked as English. */
  private readonly staffText = (text: PollText) => {
    const welsh = this.language === 'cy' ? text.cy?.trim() : undefined;
    if (welsh || this.language === 'en') return welsh || text.en;
    return html`<span lang="en">${text.en}</span>`;
  };

  private plainText(text: PollText): string {
    return (this.language === 'cy' && text.cy?.trim()) || text.en;
  }

  /** A question's text: a resident's statement is in their own words, in whatever language they wrote. */
  private questionText(question: PollQuestion) {
    return question.origin === 'resident' ? question.text.en : this.staffText(question.text);
  }

  private optionLabel(question: PollQuestion, option: PollOption): { shown: unknown; plain: string } {
    const words = option.label ? this.staffText(option.label) : this.t(option.id);
    const plain = option.label ? this.plainText(option.label) : this.t(option.id);
    // One text with the number: Chromium drops the space between an element and the text after it from the name.
    if (question.type === 'rating') return { shown: typeof words === 'string' ? `${option.id} ${words}` : html`${option.id} ${words}`, plain: `${option.id} ${plain}` };
    return { shown: words, plain };
  }

  protected renderWidget() {
    const level = headingLevel(this.headingLevel);
    const poll = this.pollInUse;
    const announcement = html`<div class="visually-hidden" role="status" id="announcement">${this.announcement}</div>`;
    if (!poll) {
      const key = this.status === 'idle' || this.status === 'loading' ? 'loading' : this.status === 'unavailable' ? 'unavailable' : 'notice.misconfigured';
      return html`<div class="poll">
        <p class="message ${this.status}" part="message" id="load-message">${this.t(key)}</p>
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
    const statements: ShownStatement[] = [...(poll.mine?.statements ?? []), ...this.localStatements];
    return html`<div class="poll">
      ${heading(level, this.staffText(poll.title), 'title', 'heading')}
      ${poll.intro ? html`<p class="intro">${this.staffText(poll.intro)}</p>` : nothing}
      <p class="dates" id="dates">${dates}</p>
      ${poll.status === 'upcoming' ? nothing : poll.questions.map((question, index) => this.renderQuestion(poll, question, index, sub))}
      ${poll.response
        ? html`<section class="section response" aria-labelledby="response-heading">
            ${heading(sub, this.t('responseHeading'), 'response-heading', 'heading-small')}
            ${paragraphs(this.staffText(poll.response), poll.response, this.language)}
          </section>`
        : nothing}
      ${poll.status === 'open' && poll.allowStatements ? this.renderStatementForm(poll, sub) : this.statementMessage()}
      ${myStatements(this.t, sub, statements, this.staffText)}
      ${announcement}
    </div>`;
  }

  private renderQuestion(poll: PollView, question: PollQuestion, index: number, level: number) {
    const saved = poll.mine?.answers[question.id];
    const open = poll.status === 'open';
    const resident = question.origin === 'resident';
    const labels = question.options.map((option) => this.optionLabel(question, option));
    const shownResults =
      open && saved === undefined
        ? nothing
        : this.resultsUnavailable
          ? html`<p class="results-unavailable" id="q${index}-results">${this.t('resultsUnavailable')}</p>`
          : html`<div id="q${index}-results">
              ${results(this.t, {
                rows: question.options.map((option, j) => ({
                  label: labels[j]!.shown,
                  plain: labels[j]!.plain,
                  count: question.results.counts[option.id] ?? 0,
                  mine: saved === option.id,
                })),
                total: question.results.total,
                final: poll.status === 'closed',
                rtl: this.locale.direction === 'rtl',
              })}
            </div>`;
    if (!open) {
      return html`<section class="question" id="q${index}" data-question=${question.id} aria-labelledby="q${index}-text">
        ${heading(level, this.questionText(question), `q${index}-text`, 'heading-small')}
        ${resident ? html`<p class="hint">${this.t('residentStatement')}</p>` : nothing} ${shownResults}
      </section>`;
    }
    const state = this.answerStates[question.id];
    const describedBy = [resident ? `q${index}-hint` : '', state === 'missing' ? `q${index}-error` : ''].filter(Boolean).join(' ');
    // The rating's short labels sit in a row that wraps; faces' longer ones in a list.
    const scale = question.type === 'rating';
    return html`<form class="question" id="q${index}" novalidate data-question=${question.id} @submit=${this.save(question, index)}>
      <fieldset class="fieldset ${state === 'missing' ? 'error' : ''}" aria-describedby=${describedBy || nothing}>
        <legend class="legend" id="q${index}-legend">${this.questionText(question)}</legend>
        ${resident ? html`<p class="hint" id="q${index}-hint">${this.t('residentStatement')}</p>` : nothing}
        ${state === 'missing'
          ? html`<p class="error-message" part="error" id="q${index}-error">
              <span class="visually-hidden">${this.t('errorPrefix')} </span>${this.t('chooseAnswer')}
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
                .checked=${this.choices[question.id] === option.id}
                @change=${this.choose(question.id, option.id)}
              />
              <label class="radio-label" part="label" for="q${index}-${j}">
                ${question.type === 'faces' ? face(Number(option.id) || j + 1) : nothing}<span class="option-text">${labels[j]!.shown}</span>
              </label>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button secondary" part="button" id="q${index}-save" aria-describedby="q${index}-legend">${this.t('save')}</button>
        ${state && state !== 'missing'
          ? html`<p class="answer-state ${state}" id="q${index}-state">${this.t(STATE_KEYS[state])}</p>`
          : nothing}
      </div>
      ${shownResults}
    </form>`;
  }

  private renderStatementForm(poll: PollView, level: number) {
    const errors = this.statementErrors.map(({ field, message }) => ({
      field,
      message: this.t(message, { min: STATEMENT_MIN_LENGTH, max: STATEMENT_MAX_LENGTH }),
    }));
    return html`<section class="section add" aria-labelledby="add-heading">
      ${heading(level, this.t('addHeading'), 'add-heading', 'heading-small')}
      <form class="form" part="form" novalidate aria-labelledby="add-heading" @submit=${this.sendStatement}>
        ${errors.length ? errorSummary(this.t, errors, this.focusField, Math.min(6, level + 1)) : nothing}
        <p class="hint">${this.t('addHint')}</p>
        <p class="hint">${this.t('privacy')}</p>
        ${poll.policy
          ? html`<details class="details">
              <summary class="summary">${this.t('policyLink')}</summary>
              <div class="details-text">${paragraphs(this.staffText(poll.policy), poll.policy, this.language)}</div>
            </details>`
          : nothing}
        ${textArea(this.t, {
          id: 'statement',
          label: this.t('statementLabel'),
          value: this.statement,
          max: STATEMENT_MAX_LENGTH,
          error: errors[0]?.message,
          announcedCount: this.statementAnnounced,
          onInput: this.statementInput,
        })}
        <div class="honeypot" aria-hidden="true">
          <label for="tandem-hp">${this.t('honeypot')}</label>
          <input
            id="tandem-hp"
            name="tandem-hp"
            type="text"
            tabindex="-1"
            autocomplete="off"
            .value=${this.honeypot}
            @input=${(event: Event) => (this.honeypot = (event.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button" part="button" id="send">${this.t(this.sendingStatement ? 'saving' : 'send')}</button>
        ${this.statementMessage()}
      </form>
    </section>`;
  }

  /** What became of the last statement; it stays when the form goes (the poll closed meanwhile). */
  private statementMessage() {
    const outcome = this.statementOutcome;
    if (!outcome) return nothing;
    return html`<p class="message statement-${outcome}" part="message" id="statement-message" tabindex="-1">${this.t(OUTCOME_KEYS[outcome])}</p>`;
  }
}

const STATE_KEYS: Record<Exclude<AnswerState, 'missing'>, string> = {
  saving: 'saving',
  saved: 'saved',
  queued: 'queued',
  refused: 'refused',
  'refused-closed': 'refusedClosed',
};

const OUTCOME_KEYS: Record<StatementOutcome, string> = {
  sent: 'statementSent',
  queued: 'statementQueued',
  duplicate: 'statementDuplicate',
  closed: 'statementsClosed',
  refused: 'statementRefused',
};

/**
 * The collector's poll with this device's answers that it does not show yet: each moves the
 * count from the answer the collector has (if any) to the new one. The collector's is not changed.
 */
function withAnswers(poll: PollView, answers: Map<string, string>): PollView {
  const mine = { answers: { ...poll.mine?.answers }, statements: poll.mine?.statements ?? [] };
  const questions = poll.questions.map((question) => {
    const to = answers.get(question.id);
    const from = mine.answers[question.id];
    if (to === undefined || to === from) return question;
    mine.answers[question.id] = to;
    const counts = { ...question.results.counts };
    let total = question.results.total;
    if (from !== undefined && (counts[from] ?? 0) > 0) counts[from]! -= 1;
    else total += 1;
    counts[to] = (counts[to] ?? 0) + 1;
    return { ...question, results: { total, counts } };
  });
  return { ...poll, questions, mine };
}

/** The `code` of a refusal (`{"error": "…", "code": "duplicate-statement"}`), if it has one. */
function refusalCode(response: string | undefined): string | undefined {
  try {
    const code = (JSON.parse(response ?? '') as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Staff's longer text, a paragraph for each blank-line-separated block. */
function paragraphs(shown: unknown, text: PollText, language: string) {
  const source = (language === 'cy' && text.cy?.trim()) || text.en;
  const blocks = source.split(/\n\s*\n/).filter((block) => block.trim());
  if (blocks.length <= 1) return html`<p>${shown}</p>`;
  const fallback = source === text.en && language !== 'en';
  return blocks.map((block) => html`<p lang=${fallback ? 'en' : nothing}>${block.trim()}</p>`);
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * A date as the council's residents write it, on the UK's calendar day. Month names come from
 * the widget's strings: browsers do not all carry Welsh dates (Chromium has none).
 */
function formatDate(iso: string, t: Translate): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/London' }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return t('date', { day: part('day'), month: t('months').split(',')[part('month') - 1], year: part('year') });
}

function elapsed(since: number): number {
  return Math.max(0, Math.round(performance.now() - since));
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-poll': TandemPoll;
  }
}
