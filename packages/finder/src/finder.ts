import { html, nothing, type PropertyValues } from 'lit';
import { base, ComboboxController, headingLevel, SettleLog, systemClock, TandemElement, TandemErrorEvent, tokens, type Clock, type ConfigProblem } from '@tandem/core';
import type { Catalogue } from './catalogue.js';
import { POSTCODE } from './contact.js';
import { TandemChooseEvent } from './events.js';
import { contactAttribute, finderProblems } from './finder-config.js';
import { finderStyles } from './finder.styles.js';
import { comboboxTemplate, noResultsTemplate, noticeTemplate, postcodeTemplate, safeUrl } from './finder.templates.js';
import type { HelpedController } from './helped.js';
import { entryText } from './localised.js';
import en from './locales/en.json';
import { MIN_QUERY, ResultsController } from './results-controller.js';
import type { CatalogueStatus } from './sources/catalogue-source.js';

export { NEED_MAX_LENGTH } from './finder-config.js';
export type { HelpedStep } from './helped.js';
export { ANNOUNCE_DELAY_MS } from './results-controller.js';
export { DIRECTORY_DELAY_MS } from './sources/directory-source.js';
export type { CatalogueStatus } from './sources/catalogue-source.js';

/** How long typing must pause before a search counts as settled and is sent. */
export const SETTLE_DELAY_MS = 1500;
/** The longest wait for an answer to be stored before going to a chosen page. */
const NAVIGATE_WAIT_MS = 300;

/**
 * "What did you need?": a need in a person's own words finds the right service. An editable
 * combobox with list autocomplete (the WAI-ARIA Authoring Practices pattern): results show
 * what each service is, its phone number, hours, cost and who it is for; choosing one goes to
 * its page or shows its answer in place, then asks whether it answered the need. When nothing
 * fits, it says so kindly, suggests near matches and gives the council's contact route. Each
 * settled search and each "did this answer your need?" is sent, with personal details
 * removed, so staff see what people needed and what went unanswered.
 *
 * @customElement tandem-finder
 * @summary "What did you need?": find the right service from a need in your own words.
 *
 * @fires tandem-choose - When a person chooses a result. Cancelable: `preventDefault()` stops the finder going to the result's page.
 * @fires tandem-submit - Before a search or an answer is sent. Cancelable: call `preventDefault()` to handle it yourself.
 * @fires tandem-submitted - Once a search or an answer is sent, stored to send later, or handled by the host. `detail.delivery` says which.
 * @fires tandem-error - When the element is misconfigured, its catalogue cannot be used, the collector refuses an answer, or something fails inside it.
 *
 * @csspart base - The widget's box.
 * @csspart label - The search box's label and the "What did you need?" label.
 * @csspart input - The search box and the text area.
 * @csspart listbox - The list of results.
 * @csspart option - Each result.
 * @csspart heading - The answer's, the no-results and the contact headings.
 * @csspart message - The no-results message, the answer and the thank-you message.
 * @csspart form - The "What did you need?" form.
 * @csspart button - Every button.
 * @csspart error - The error summary, inline errors, and the notice when the catalogue is broken or the element misconfigured.
 *
 * @cssprop --tandem-font-family - Font family (default: inherited from the page).
 * @cssprop --tandem-font-size-body - Body text size (default: 1.1875rem).
 * @cssprop --tandem-color-text - Text colour (default: #0b0c0c).
 * @cssprop --tandem-color-text-secondary - Hints and result details (default: #484949).
 * @cssprop --tandem-color-border - The search box's and the list's border (default: #0b0c0c).
 * @cssprop --tandem-color-panel - Background of the answer and no-results panels (default: #f3f2f1).
 * @cssprop --tandem-color-link - Links, and the background of the active result (default: #1d70b8).
 * @cssprop --tandem-color-focus - Focus highlight (default: #ffdd00).
 * @cssprop --tandem-color-button - Primary button colour (default: #00703c).
 * @cssprop --tandem-color-error - Error colour (default: #c0301a).
 * @cssprop --tandem-finder-max-width - The widest the finder grows (default: 40rem).
 */
export class TandemFinder extends TandemElement {
  static override properties = {
    ...TandemElement.properties,
    catalogue: { type: String },
    catalogueData: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    placeholder: { type: String },
    limit: { type: Number },
    directory: { type: String },
    directoryVersion: { type: String, attribute: 'directory-version' },
    postcode: { type: String },
    askPostcode: { type: Boolean, attribute: 'ask-postcode' },
    contact: { type: String },
  };

  static override styles = [tokens, base, finderStyles];
  static override locales = { en, cy: () => import('./locales/cy.json') };

  /** The address of the catalogue (JSON), relative to the page. */
  declare catalogue: string | undefined;
  /** A catalogue object given directly, instead of `catalogue` (for npm users, stories and tests). */
  declare catalogueData: Catalogue | undefined;
  /** The level of the finder's headings, 2 to 6, to fit the page's outline. */
  declare headingLevel: number;
  /** Example text in the empty search box. Optional, and never a substitute for the label. */
  declare placeholder: string | undefined;
  /** The most results shown (1 to 20). */
  declare limit: number;
  /**
   * The address of an Open Referral UK service directory API, where its `/services` is (e.g.
   * `https://directory.example.gov.uk/api/v3`), relative to the page. The finder then searches
   * the directory as the person types, instead of a catalogue.
   */
  declare directory: string | undefined;
  /** `v3` or `v1`: the directory's Open Referral UK version. Found out from its answers when left out. */
  declare directoryVersion: string | undefined;
  /** A postcode, or its first part (`NS2`), that every directory search is limited to. */
  declare postcode: string | undefined;
  /** Asks the person for their postcode (optional) to find directory services near them. It goes only to the directory. */
  declare askPostcode: boolean;
  /** The contact route as JSON, like a catalogue's `contact`: `{"label":"…","phone":"…","hours":"…","url":"…"}`. Needed with `directory`; overrides a catalogue's. */
  declare contact: string | undefined;

  /** The timers the finder waits by; tests give a clock they move by hand. @internal */
  override clock: Clock = systemClock;

  protected readonly widget = 'finder' as const;

  readonly #time = () => this.clock;

  readonly #combobox: ComboboxController = new ComboboxController(this, {
    count: () => this.search.results.length,
    choose: (index) => this.choose(index),
    submit: () => this.#settled(),
    clear: () => {
      this.#settled();
      this.search.clear();
      this.#log.cancel();
    },
    leave: () => this.#settled(),
  });

  private readonly search: ResultsController = new ResultsController(this, {
    clock: this.#time,
    t: () => this.t,
    language: () => this.language,
    limit: () => {
      const limit = Math.floor(Number(this.limit));
      return Number.isFinite(limit) ? Math.min(20, Math.max(1, limit)) : 6;
    },
    postcode: () => this.#postcodeInUse(),
    combobox: () => this.#combobox,
    report: (attribute, message) => this.#report(attribute, message),
    catalogueFailed: () => {
      // Someone was in the search box: keep their focus in the finder, on the notice.
      if (this.renderRoot.contains((this.renderRoot as ShadowRoot).activeElement)) this.focusAfterRender = 'failed';
      this.requestUpdate();
    },
    fail: (error) => this.fail(error),
  });

  /** The entry being chosen, while the search is logged with it. */
  #chosenId: string | undefined;

  /** Each settled search, sent once: its words (redacted by core), the number of results, and any choice. */
  readonly #log = new SettleLog<{ query: string; results: number; chosen?: string }>(this, {
    delayMs: SETTLE_DELAY_MS,
    clock: this.#time,
    read: () => {
      const { query: typed, searched, results } = this.search;
      const query = typed.trim();
      if (query.length < MIN_QUERY || searched !== typed) return undefined;
      const chosen = this.#chosenId;
      return { key: `${query}\n${chosen ?? ''}`, value: { query, results: results.length, ...(chosen ? { chosen } : {}) } };
    },
    send: (answers, fillMs) => this.#send(answers, fillMs),
  });

  /** The answer shown in place and its follow-up: their own chunk, fetched when the box is first used. */
  #answer: typeof import('./answer.js') | undefined;
  #answerLoading: Promise<typeof import('./answer.js')> | undefined;
  #helped: HelpedController | undefined;

  #loadAnswer(): Promise<typeof import('./answer.js')> {
    if (this.#answerLoading) return this.#answerLoading;
    const loading = import('./answer.js').then((module) => {
      this.#answer = module;
      this.#helped = new module.HelpedController(this, {
        send: (answers, fillMs) => this.#send(answers, fillMs),
        focus: (id) => (this.focusAfterRender = id),
        t: () => this.t,
        clock: this.#time,
      });
      return module;
    });
    // A failed fetch is tried again on the next choice.
    loading.catch(() => (this.#answerLoading = undefined));
    return (this.#answerLoading = loading);
  }

  #residentPostcode = '';
  #postcodeError = false;

  constructor() {
    super();
    this.headingLevel = 2;
    this.limit = 6;
    this.askPostcode = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.guard(() => this.#log.settle());
  }

  /** The catalogue the finder searches, once loaded. */
  get catalogueInUse(): Catalogue | undefined {
    return this.search.catalogue?.catalogue;
  }

  /** Where the catalogue is: `none`, `loading`, `ready` or `failed`. */
  get catalogueStatus(): CatalogueStatus {
    return this.search.catalogue?.status ?? 'none';
  }

  /** The problem with the catalogue, if it could not be used. */
  get catalogueProblem(): string {
    return this.search.catalogue?.problem ?? '';
  }

  protected override configProblems(): ConfigProblem[] {
    return [...super.configProblems(), ...finderProblems(this)];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.isConnected) this.guard(() => this.search.use(safeUrl(this.directory), this.directoryVersion, this.catalogueData ?? this.catalogue?.trim()));
  }

  /** A console message and a `tandem-error` naming the attribute to fix. */
  #report(attribute: string, message: string): void {
    const text = `[tandem] <${this.localName}>: "${attribute}" ${message}`;
    console.error(text, this);
    this.dispatchEvent(new TandemErrorEvent({ kind: 'configuration', attribute, message: text }));
  }

  /** The resident's postcode if they gave a usable one, else the element's. */
  #postcodeInUse(): string | undefined {
    const own = this.askPostcode && this.#residentPostcode.trim();
    return own && POSTCODE.test(own) ? own : this.postcode?.trim() || undefined;
  }

  readonly #onPostcodeInput = (event: Event) => {
    this.#residentPostcode = (event.target as HTMLInputElement).value;
  };

  /** Checked when the person leaves the field (not on every key); a good one searches again. */
  readonly #onPostcodeChange = () =>
    this.guard(() => {
      const own = this.#residentPostcode.trim();
      this.#postcodeError = !!own && !POSTCODE.test(own);
      if (this.search.query.trim().length >= MIN_QUERY) this.search.search();
      this.requestUpdate();
    });

  // ---- the search box ----

  /** A new query: the last answer (and its errors) leave the screen; the search is sent once typing pauses. */
  #queryChanged(query: string): void {
    this.#helped?.dismiss();
    void this.#loadAnswer().catch(() => undefined);
    this.search.typed(query);
    this.#log.changed();
    this.requestUpdate();
  }

  /** The catalogue is loaded and the index built when the search box is first used, not when the page loads. */
  readonly #onFocus = () =>
    this.guard(() => {
      void this.#loadAnswer().catch(() => undefined);
      return this.search.warm();
    });

  readonly #onInput = (event: Event) => this.guard(() => this.#queryChanged((event.target as HTMLInputElement).value));

  readonly #onKeydown = (event: KeyboardEvent) => this.guard(() => this.#combobox.onKeydown(event));

  readonly #onBlur = (event: FocusEvent) => this.guard(() => this.#combobox.onBlur(event));

  /** Sends a settled search (Enter, leaving the box, Escape), once per query. */
  #settled(): void {
    if (this.search.query.trim()) this.guard(() => this.#log.settle());
  }

  /**
   * Sends answers; a failure becomes the notice, never a rejection. Resolves `false` when the
   * code that prepares an answer could not load (nothing was kept), so the search log tries
   * again at its next settle. The resident is not told: the log is ours, not theirs, and their
   * search works without it.
   */
  #send(answers: Record<string, string | number | boolean>, fillMs: number): Promise<unknown> {
    return this.deliver(this.buildSubmission(answers, { honeypot: false, fillMs }))
      .then(({ outcome }) => outcome !== 'unprepared')
      .catch((error: unknown) => this.fail(error));
  }

  readonly #useSuggestion = (suggestion: string) => () =>
    this.guard(() => {
      this.#settled();
      const input = this.#input();
      if (input) input.value = suggestion;
      this.focusAfterRender = 'input';
      this.#queryChanged(suggestion);
    });

  /** Chooses the result at a position in the list, as Enter or a click does. */
  choose(index: number): void {
    const result = this.search.results[index];
    if (!result) return;
    const { entry } = result;
    const query = this.search.query;
    const input = this.#input();
    if (input) input.value = entryText(entry, 'title', this.language).text;
    this.#combobox.close();
    this.#chosenId = entry.id;
    const logged = this.#log.settle();
    this.#chosenId = undefined;
    const answer = entryText(entry, 'answer', this.language).text;
    const url = safeUrl(entryText(entry, 'url', this.language).text);
    const proceed = this.dispatchEvent(new TandemChooseEvent({ entry, query, ...(url && !answer ? { url } : {}) }));
    if (answer) {
      this.guard(async () => {
        await this.#loadAnswer();
        this.#helped?.show(entry, query);
        this.focusAfterRender = 'answer-heading';
      });
    } else if (url && proceed) {
      // Go without waiting long: the outbox keeps the answer and sends it from the next page.
      const wait = new Promise((resolve) => this.clock.setTimeout(() => resolve(undefined), NAVIGATE_WAIT_MS));
      void Promise.race([logged, wait]).then(() => location.assign(url));
    }
    this.requestUpdate();
  }

  /** "Search again" after the thank-you: an empty box, with focus. */
  readonly #newSearch = () =>
    this.guard(() => {
      this.#helped?.dismiss();
      this.search.clear();
      const input = this.#input();
      if (input) input.value = '';
      this.focusAfterRender = 'input';
      this.requestUpdate();
    });

  readonly #onSubmitNeed = (event: SubmitEvent) => {
    event.preventDefault();
    this.guard(() => this.#helped?.submit());
  };

  readonly #onVote = (helped: boolean) => () => this.guard(() => this.#helped?.vote(helped)());

  readonly #onChoose = (index: number) => () => this.guard(() => this.choose(index));

  readonly #focusField = (id: string) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();

  #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#input');
  }

  // ---- rendering (finder.templates.ts) ----

  protected renderWidget() {
    const { t, language, search } = this;
    const level = headingLevel(this.headingLevel);
    // Where to turn when nothing fits: the `contact` attribute, else the catalogue's.
    const contact = contactAttribute(this.contact) ?? search.contact();
    if (this.catalogueStatus === 'failed') return noticeTemplate(t, language, 'failed', contact, level);
    const helped = this.#helped;
    const entry = helped?.entry;
    return html`<div class="finder">
      ${this.askPostcode && this.directory?.trim() ? postcodeTemplate(t, this.#residentPostcode, this.#postcodeError, this.#onPostcodeInput, this.#onPostcodeChange) : nothing}
      ${comboboxTemplate({
        t,
        language,
        query: search.query,
        placeholder: this.placeholder,
        combobox: this.#combobox,
        entries: search.results.map((result) => result.entry),
        onFocus: this.#onFocus,
        onInput: this.#onInput,
        onKeydown: this.#onKeydown,
        onBlur: this.#onBlur,
        onChoose: this.#onChoose,
      })}
      <div class="visually-hidden" role="status" id="announcement">${search.announcement}</div>
      ${search.failed ? noticeTemplate(t, language, 'directory-failed', contact, level) : nothing}
      ${search.nothingFound ? noResultsTemplate(t, language, search.searched, search.suggestions, this.#useSuggestion, contact, level) : nothing}
      ${entry && helped && this.#answer
        ? this.#answer.answerTemplate(
            { t, language, level, helped, onSubmitNeed: this.#onSubmitNeed, onVote: this.#onVote, onNewSearch: this.#newSearch, focusField: this.#focusField },
            entry,
          )
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-finder': TandemFinder;
  }
}
