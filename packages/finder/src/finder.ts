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
  yesNoButtons,
  tokens,
  type ConfigProblem,
  type FieldError,
} from '@tandem/core';
import type { Catalogue, CatalogueEntry, ContactRoute, SearchResult, WelshText } from './catalogue.js';
import { TandemChooseEvent } from './events.js';
import { finderStyles } from './finder.styles.js';
import en from './locales/en.json';
import type { FinderSearch } from './search/engine.js';
import type { DirectoryProblem, DirectorySearch } from './directory-search.js';
import { parseContact, POSTCODE } from './contact.js';

/** The most characters "What did you need?" may have. */
export const NEED_MAX_LENGTH = 500;
/** How long typing must pause before the number of results is announced. */
export const ANNOUNCE_DELAY_MS = 500;
/** How long typing must pause before a search counts as settled and is sent. */
export const SETTLE_DELAY_MS = 1500;
/** The fewest characters that make a search. */
const MIN_QUERY = 2;
/** The longest wait for an answer to be stored before going to a chosen page. */
const NAVIGATE_WAIT_MS = 300;
/** How long typing must pause before a service directory is asked (each request is a round trip). */
export const DIRECTORY_DELAY_MS = 250;

/** Where the catalogue is: not asked for, on its way, usable, or broken. */
export type CatalogueStatus = 'none' | 'loading' | 'ready' | 'failed';
/** The "Did this answer your need?" step under an inline answer. */
export type HelpedStep = 'ask' | 'form' | 'thanks-yes' | 'thanks-no';

type TextField = keyof WelshText;

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

  protected readonly widget = 'finder' as const;

  private status: CatalogueStatus = 'none';
  private loaded: Catalogue | undefined;
  private problem = '';
  private loadController: AbortController | undefined;
  private source: string | Catalogue | undefined;
  private catalogueLoading: Promise<Catalogue | undefined> | undefined;
  /** Whether the search box has been used: from then on, a new catalogue loads at once. */
  private used = false;

  private engine: FinderSearch | undefined;
  private engineFor: { catalogue: Catalogue; lang: string } | undefined;
  private engineLoading: Promise<FinderSearch | undefined> | undefined;

  private query = '';
  private searched = '';
  private results: SearchResult[] = [];
  private suggestions: string[] = [];
  private expanded = false;
  private active = -1;
  private announcement = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastLogged = '';
  private typingSince: number | undefined;

  private chosen: CatalogueEntry | undefined;
  private chosenQuery = '';
  private helped: HelpedStep = 'ask';
  private helpedSent = false;
  private need = '';
  private needErrors: FieldError[] = [];
  private needAnnounced = '';
  private needTimer: ReturnType<typeof setTimeout> | undefined;
  private formOpenedAt = 0;

  private directorySearch: DirectorySearch | undefined;
  private directoryLoading: Promise<DirectorySearch | undefined> | undefined;
  private directoryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The query the directory could not answer, and why. */
  private directoryFailedFor = '';
  private directoryReported = '';
  private residentPostcode = '';
  private postcodeError = false;

  constructor() {
    super();
    this.headingLevel = 2;
    this.limit = 6;
    this.askPostcode = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadController?.abort();
    this.source = undefined;
    this.catalogueLoading = undefined;
    if (this.status === 'loading') this.status = 'none';
    for (const timer of [this.announceTimer, this.settleTimer, this.needTimer, this.directoryTimer]) clearTimeout(timer);
    this.directorySearch?.cancel();
    removeEventListener('pagehide', this.leaving);
    this.guard(() => {
      this.logSearch();
      this.sendUnhelped();
    });
  }

  /** The catalogue the finder searches, once loaded. */
  get catalogueInUse(): Catalogue | undefined {
    return this.loaded;
  }

  /** Where the catalogue is: `none`, `loading`, `ready` or `failed`. */
  get catalogueStatus(): CatalogueStatus {
    return this.status;
  }

  protected override configProblems(): ConfigProblem[] {
    const problems = super.configProblems();
    const directory = this.directory?.trim();
    if (!this.catalogueData && !this.catalogue?.trim() && !directory) {
      problems.push({ attribute: 'catalogue', message: 'is missing: set it to the address of the catalogue (JSON), or set the catalogueData property (or "directory")' });
    }
    if (directory && !safeUrl(directory)) {
      problems.push({ attribute: 'directory', message: `must be the http(s) address of an Open Referral UK API, not "${directory}"` });
    }
    if (this.directoryVersion && !['v1', 'v3'].includes(this.directoryVersion)) {
      problems.push({ attribute: 'directory-version', message: `must be "v3" or "v1", not "${this.directoryVersion}"` });
    }
    if (this.postcode?.trim() && !POSTCODE.test(this.postcode.trim())) {
      problems.push({ attribute: 'postcode', message: `must be a UK postcode or its first part ("NS2 1EF" or "NS2"), not "${this.postcode}"` });
    }
    const contact = this.contact?.trim() ? parseContact(this.contact) : undefined;
    if (typeof contact === 'string') problems.push({ attribute: 'contact', message: contact });
    else if (directory && !contact) {
      problems.push({ attribute: 'contact', message: 'is missing: a directory needs the contact route, as JSON' });
    }
    return problems;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.guard(() => this.loadIfChanged());
  }

  protected override updated(changed: PropertyValues): void {
    if (this.expanded && this.active >= 0) {
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView?.({ block: 'nearest' });
    }
    // Then the focus the base class moves (focusAfterRender).
    super.updated(changed);
  }

  // ---- the catalogue ----

  /**
   * Notes a new catalogue source. Nothing is fetched until someone uses the search box, so
   * a page view without a search downloads neither the catalogue nor the search engine.
   */
  private loadIfChanged(): void {
    if (this.directory?.trim()) return this.directoryIfChanged();
    const source = this.catalogueData ?? this.catalogue?.trim();
    if (!source || source === this.source || !this.isConnected) return;
    this.source = source;
    this.directoryInUse = '';
    this.loadController?.abort();
    this.catalogueLoading = undefined;
    this.engine = undefined;
    this.engineFor = undefined;
    this.engineLoading = undefined;
    this.clearSearch();
    this.status = 'none';
    if (this.used) void this.ensureCatalogue();
  }

  /** Loads and checks the catalogue once, on first use. Failures become the notice, never a rejection. */
  private ensureCatalogue(): Promise<Catalogue | undefined> {
    this.used = true;
    const source = this.source;
    if (!source || this.status === 'failed') return Promise.resolve(undefined);
    if (this.status === 'ready') return Promise.resolve(this.loaded);
    if (this.catalogueLoading) return this.catalogueLoading;
    const controller = new AbortController();
    this.loadController = controller;
    this.status = 'loading';
    const current = () => !controller.signal.aborted && this.source === source;
    const loading = (async (): Promise<Catalogue | undefined> => {
      let what = 'the catalogueData property';
      try {
        if (typeof source === 'string') {
          what = new URL(source, document.baseURI).href;
          const { loadCatalogue } = await import('./sources/static.js');
          const catalogue = await loadCatalogue(what, { signal: controller.signal });
          if (current()) this.useCatalogue(catalogue);
        } else {
          const { checkCatalogue } = await import('./catalogue-check.js');
          if (current()) this.useCatalogue(checkCatalogue(source));
        }
      } catch (error) {
        if (!current()) return undefined;
        const reason = error instanceof Error ? error.message : String(error);
        this.catalogueFailed(`could not be used: ${reason.includes(what) ? reason : `${what}: ${reason}`}`);
      }
      return current() ? this.loaded : undefined;
    })();
    this.catalogueLoading = loading;
    return loading;
  }

  private useCatalogue(catalogue: Catalogue): void {
    this.loaded = catalogue;
    this.status = 'ready';
    this.requestUpdate();
  }

  private catalogueFailed(message: string): void {
    this.status = 'failed';
    this.problem = message;
    // Someone was in the search box: keep their focus in the finder, on the notice.
    if (this.renderRoot.contains((this.renderRoot as ShadowRoot).activeElement)) this.focusAfterRender = 'failed';
    const text = `[tandem] <${this.localName}>: "catalogue" ${message}`;
    console.error(text, this);
    this.dispatchEvent(new TandemErrorEvent({ kind: 'configuration', attribute: 'catalogue', message: text }));
    this.requestUpdate();
  }

  /** The problem with the catalogue, if it could not be used. */
  get catalogueProblem(): string {
    return this.problem;
  }

  // ---- an Open Referral UK directory ----

  private directoryInUse = '';

  /** A new directory (or version) starts afresh: no old results, no old failure. */
  private directoryIfChanged(): void {
    const key = `${this.directory} ${this.directoryVersion}`;
    if (key === this.directoryInUse || !this.isConnected) return;
    this.directoryInUse = key;
    this.source = undefined;
    this.loadController?.abort();
    this.clearSearch();
    this.directorySearch = this.directoryLoading = undefined;
  }

  /** Fetches the directory client with the first search, like the search engine. */
  private ensureDirectory(): Promise<DirectorySearch | undefined> {
    const url = safeUrl(this.directory);
    const key = this.directoryInUse;
    return url
      ? (this.directoryLoading ??= import('./directory-search.js').then(({ DirectorySearch }) =>
          key === this.directoryInUse ? (this.directorySearch = new DirectorySearch(url, this.directoryVersion)) : undefined,
        ))
      : Promise.resolve(undefined);
  }

  /** Asks the directory once typing pauses; a newer query cancels the request before it. */
  private searchDirectory(query: string): void {
    clearTimeout(this.directoryTimer);
    this.directorySearch?.cancel();
    // Until the answer comes, the list shows the last results, with none active.
    this.active = -1;
    this.directoryTimer = setTimeout(() => this.guard(() => this.askDirectory(query)), DIRECTORY_DELAY_MS);
    this.requestUpdate();
  }

  private async askDirectory(query: string): Promise<void> {
    const directory = await this.ensureDirectory();
    if (!directory || this.query !== query) return;
    const answer = await directory.search(query, { postcode: this.postcodeInUse(), limit: this.resultLimit() });
    if (!answer || this.query !== query || !this.isConnected) return;
    if (!Array.isArray(answer)) return this.directoryFailed(answer, query);
    const results = answer;
    this.directoryFailedFor = this.directoryReported = '';
    this.directoryReported = '';
    this.results = results;
    this.suggestions = [];
    this.searched = query;
    this.expanded = results.length > 0;
    this.active = -1;
    this.requestUpdate();
  }

  /**
   * The directory is down or sent something that is not a page of services: the search box
   * stays (the next search tries again), the contact route shows, and the console says why,
   * once per problem rather than once per key.
   */
  private directoryFailed({ kind, message }: DirectoryProblem, query: string): void {
    this.directoryFailedFor = query;
    this.results = [];
    this.suggestions = [];
    this.searched = '';
    this.expanded = false;
    this.active = -1;
    const text = `[tandem] <${this.localName}>: "directory" could not be used: ${message}`;
    // Once per kind of failure until a search works again, not once per key.
    if (kind !== this.directoryReported) {
      this.directoryReported = kind;
      console.error(text, this);
      this.dispatchEvent(new TandemErrorEvent({ kind: 'configuration', attribute: 'directory', message: text }));
    }
    this.requestUpdate();
  }

  /** The resident's postcode if they gave a usable one, else the element's. */
  private postcodeInUse(): string | undefined {
    const own = this.askPostcode && this.residentPostcode.trim();
    return own && POSTCODE.test(own) ? own : this.postcode?.trim() || undefined;
  }

  private readonly onPostcodeInput = (event: Event) => {
    this.residentPostcode = (event.target as HTMLInputElement).value;
  };

  /** Checked when the person leaves the field (not on every key); a good one searches again. */
  private readonly onPostcodeChange = () =>
    this.guard(() => {
      const own = this.residentPostcode.trim();
      this.postcodeError = !!own && !POSTCODE.test(own);
      if (this.query.trim().length >= MIN_QUERY) this.searchDirectory(this.query);
      this.requestUpdate();
    });

  /** Where to turn when nothing fits: the `contact` attribute, else the catalogue's. */
  private contactRoute(): ContactRoute | undefined {
    const own = this.contact?.trim() ? parseContact(this.contact) : undefined;
    return typeof own === 'object' ? own : this.loaded?.contact;
  }

  // ---- the search ----

  /** Builds the index the first time it is needed (and again if the language changes). */
  private async ensureEngine(): Promise<FinderSearch | undefined> {
    const catalogue = await this.ensureCatalogue();
    if (!catalogue) return undefined;
    const lang = this.language;
    if (this.engine && this.engineFor?.catalogue === catalogue && this.engineFor.lang === lang) return this.engine;
    if (this.engineLoading && this.engineFor?.catalogue === catalogue && this.engineFor.lang === lang) return this.engineLoading;
    this.engine = undefined;
    this.engineFor = { catalogue, lang };
    const loading = import('./search/engine.js').then(({ FinderSearch }) => {
      if (this.engineFor?.catalogue !== catalogue || this.engineFor.lang !== lang) return this.engine;
      this.engine = new FinderSearch(catalogue, { lang });
      return this.engine;
    });
    this.engineLoading = loading;
    loading.catch(() => {
      if (this.engineLoading === loading) this.engineLoading = undefined;
    });
    return loading;
  }

  private search(): void {
    const query = this.query;
    if (query.trim().length < MIN_QUERY) {
      clearTimeout(this.directoryTimer);
      this.directorySearch?.cancel();
      this.directoryFailedFor = '';
      this.results = [];
      this.suggestions = [];
      this.searched = '';
      this.expanded = false;
      this.active = -1;
      this.requestUpdate();
      return;
    }
    if (this.directory?.trim()) return this.searchDirectory(query);
    const engine = this.engine;
    if (!engine || this.engineFor?.lang !== this.language || this.engineFor.catalogue !== this.loaded) {
      this.guard(async () => {
        await this.ensureEngine();
        if (this.engine && this.query === query) this.search();
      });
      return;
    }
    this.results = engine.search(query, this.resultLimit());
    this.suggestions = this.results.length ? [] : engine.suggestions(query, 3).filter((s) => s.trim() && s !== query).slice(0, 3);
    this.searched = query;
    this.expanded = this.results.length > 0;
    this.active = -1;
    this.requestUpdate();
  }

  private resultLimit(): number {
    const limit = Math.floor(Number(this.limit));
    return Number.isFinite(limit) ? Math.min(20, Math.max(1, limit)) : 6;
  }

  private clearSearch(): void {
    this.query = '';
    this.searched = '';
    this.results = [];
    this.suggestions = [];
    this.expanded = false;
    this.active = -1;
    this.announcement = '';
    this.directoryFailedFor = '';
    this.directorySearch?.cancel();
    for (const timer of [this.announceTimer, this.settleTimer, this.directoryTimer]) clearTimeout(timer);
  }

  /** The catalogue is loaded and the index built when the search box is first used, not when the page loads. */
  private readonly onFocus = () =>
    this.guard(async () => {
      if (this.directory?.trim()) await this.ensureDirectory();
      else (await this.ensureEngine())?.build();
    });

  private readonly onInput = (event: Event) =>
    this.guard(() => {
      this.query = (event.target as HTMLInputElement).value;
      this.typingSince ??= performance.now();
      this.search();
      // Announced once typing pauses: emptied now, so the same count is heard again.
      this.announcement = '';
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => this.guard(() => this.announce()), ANNOUNCE_DELAY_MS);
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.guard(() => this.logSearch()), SETTLE_DELAY_MS);
    });

  private announce(): void {
    if (this.directoryFailedFor && this.directoryFailedFor === this.query) {
      // The notice's own words; the contact route is read after it.
      this.announcement = this.t('catalogueFailed');
      this.requestUpdate();
      return;
    }
    if (!this.searched || this.searched !== this.query) {
      // The search is still waiting for the index: try again shortly.
      if (this.query.trim().length >= MIN_QUERY && (this.status === 'ready' || this.status === 'loading' || this.directory?.trim())) {
        this.announceTimer = setTimeout(() => this.guard(() => this.announce()), 100);
      }
      return;
    }
    this.announcement = this.results.length ? this.t('results', { count: this.results.length }) : this.t('noResultsAnnounced');
    this.requestUpdate();
  }

  private readonly onKeydown = (event: KeyboardEvent) =>
    this.guard(() => {
      const count = this.results.length;
      switch (event.key) {
        case 'ArrowDown':
          if (!count) return;
          event.preventDefault();
          if (event.altKey) {
            this.expanded = true;
          } else if (!this.expanded) {
            this.expanded = true;
            this.active = 0;
          } else {
            this.active = (this.active + 1) % count;
          }
          break;
        case 'ArrowUp':
          if (!count) return;
          event.preventDefault();
          if (event.altKey) {
            this.expanded = false;
            this.active = -1;
          } else if (!this.expanded) {
            this.expanded = true;
            this.active = count - 1;
          } else {
            this.active = this.active <= 0 ? count - 1 : this.active - 1;
          }
          break;
        case 'Enter':
          if (this.expanded && this.active >= 0) {
            event.preventDefault();
            this.choose(this.active);
            return;
          }
          // Enter on the text alone settles the search.
          event.preventDefault();
          clearTimeout(this.settleTimer);
          this.logSearch();
          return;
        case 'Escape':
          if (this.expanded) {
            event.preventDefault();
            this.expanded = false;
            this.active = -1;
          } else if (this.query) {
            event.preventDefault();
            clearTimeout(this.settleTimer);
            this.logSearch();
            this.clearSearch();
            (event.target as HTMLInputElement).value = '';
          }
          break;
        case 'Home':
        case 'End':
        case 'ArrowLeft':
        case 'ArrowRight':
          // The caret moves in the text (the browser does that); the list loses its active option.
          this.active = -1;
          break;
        default:
          return;
      }
      this.requestUpdate();
    });

  private readonly onFocusOut = (event: FocusEvent) =>
    this.guard(() => {
      const next = event.relatedTarget as Node | null;
      if (next && this.renderRoot.contains(next)) return;
      this.expanded = false;
      this.active = -1;
      this.requestUpdate();
      // Leaving the finder settles the search.
      if (this.query.trim()) {
        clearTimeout(this.settleTimer);
        this.logSearch();
      }
    });

  /** Keeps focus in the search box when a result is pressed. */
  private readonly keepFocus = (event: Event) => event.preventDefault();

  private readonly clickOption = (index: number) => () => this.guard(() => this.choose(index));

  /** Chooses the result at a position in the list, as Enter or a click does. */
  choose(index: number): void {
    const result = this.results[index];
    if (!result) return;
    const { entry } = result;
    const query = this.query;
    const input = this.input();
    if (input) input.value = this.text(entry, 'title');
    this.expanded = false;
    this.active = -1;
    clearTimeout(this.settleTimer);
    const logged = this.logSearch(entry.id);
    const answer = this.text(entry, 'answer');
    const url = safeUrl(this.text(entry, 'url'));
    const proceed = this.dispatchEvent(new TandemChooseEvent({ entry, query, ...(url && !answer ? { url } : {}) }));
    if (answer) {
      this.sendUnhelped();
      this.chosen = entry;
      this.chosenQuery = query;
      this.helped = 'ask';
      this.helpedSent = false;
      this.need = '';
      this.needErrors = [];
      this.focusAfterRender = 'answer-heading';
      addEventListener('pagehide', this.leaving);
    } else if (url && proceed) {
      // Go without waiting long: the outbox keeps the answer and sends it from the next page.
      void Promise.race([logged, sleep(NAVIGATE_WAIT_MS)]).then(() => location.assign(url));
    }
    this.requestUpdate();
  }

  /** Sends the settled search, once per query and choice. */
  private logSearch(chosen?: string): Promise<unknown> {
    const query = this.query.trim();
    if (query.length < MIN_QUERY || this.searched !== this.query) return Promise.resolve();
    const key = `${query}\n${chosen ?? ''}`;
    if (key === this.lastLogged) return Promise.resolve();
    this.lastLogged = key;
    const answers: Record<string, string | number> = { query, results: this.results.length };
    if (chosen) answers.chosen = chosen;
    const fillMs = Math.max(0, Math.round(performance.now() - (this.typingSince ?? performance.now())));
    this.typingSince = undefined;
    const delivery = this.deliver(this.buildSubmission(answers, { honeypot: false, fillMs }));
    delivery.catch((error: unknown) => this.fail(error));
    return delivery.catch(() => undefined);
  }

  private readonly useSuggestion = (suggestion: string) => () =>
    this.guard(() => {
      clearTimeout(this.settleTimer);
      this.logSearch();
      this.query = suggestion;
      const input = this.input();
      if (input) input.value = suggestion;
      this.typingSince = performance.now();
      this.search();
      this.focusAfterRender = 'input';
      this.announcement = '';
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => this.guard(() => this.announce()), ANNOUNCE_DELAY_MS);
      this.settleTimer = setTimeout(() => this.guard(() => this.logSearch()), SETTLE_DELAY_MS);
    });

  // ---- did this answer your need? ----

  private readonly vote = (helped: boolean) => () =>
    this.guard(async () => {
      if (helped) {
        this.helped = 'thanks-yes';
        this.focusAfterRender = 'thanks';
        this.requestUpdate();
        await this.sendHelped(true);
      } else {
        this.helped = 'form';
        this.formOpenedAt = performance.now();
        this.focusAfterRender = 'need';
        this.requestUpdate();
      }
    });

  private readonly onNeedInput = (event: InputEvent) =>
    this.guard(() => {
      this.need = (event.target as HTMLTextAreaElement).value;
      clearTimeout(this.needTimer);
      this.needTimer = setTimeout(() => {
        this.needAnnounced = characterCount(this.t, this.need, NEED_MAX_LENGTH);
        this.requestUpdate();
      }, 1000);
      this.requestUpdate();
    });

  private readonly sendNeed = (event: SubmitEvent) => {
    event.preventDefault();
    this.guard(async () => {
      const need = this.need.trim();
      this.needErrors = !need
        ? [{ field: 'need', message: 'needEmpty' }]
        : [...need].length > NEED_MAX_LENGTH
          ? [{ field: 'need', message: 'needTooLong' }]
          : [];
      if (this.needErrors.length) {
        this.focusAfterRender = 'error-summary';
        this.requestUpdate();
        return;
      }
      this.helped = 'thanks-no';
      this.focusAfterRender = 'thanks';
      this.requestUpdate();
      await this.sendHelped(false, need);
    });
  };

  private sendHelped(helped: boolean, need?: string): Promise<unknown> {
    const entry = this.chosen;
    if (!entry || this.helpedSent) return Promise.resolve();
    this.helpedSent = true;
    removeEventListener('pagehide', this.leaving);
    const answers: Record<string, string | boolean> = { query: this.chosenQuery.trim(), chosen: entry.id, helped };
    if (need) answers.need = need;
    const fillMs = need ? Math.max(0, Math.round(performance.now() - this.formOpenedAt)) : 0;
    return this.deliver(this.buildSubmission(answers, { honeypot: false, fillMs }));
  }

  /** "No" pressed but nothing sent yet: the answer still counts as not helped. */
  private sendUnhelped(): void {
    if (this.chosen && this.helped === 'form' && !this.helpedSent) {
      this.sendHelped(false).catch((error: unknown) => this.fail(error));
    }
  }

  private readonly leaving = () => this.guard(() => this.sendUnhelped());

  private readonly focusField = (id: string) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();

  // ---- text in the page's language ----

  /** A field of an entry in the widget's language: the catalogue's Welsh if it has it. */
  private text(entry: CatalogueEntry, field: TextField): string {
    const own = this.language === 'cy' ? entry.cy?.[field] : undefined;
    const value = typeof own === 'string' && own.trim() ? own : entry[field];
    return typeof value === 'string' ? value : '';
  }

  private contactText(contact: ContactRoute, field: 'label' | 'hours' | 'url'): string {
    const own = this.language === 'cy' ? contact.cy?.[field] : undefined;
    return (own?.trim() ? own : contact[field]) ?? '';
  }

  private input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#input');
  }

  // ---- rendering ----

  protected renderWidget() {
    const level = headingLevel(this.headingLevel);
    if (this.status === 'failed') return this.renderFailed(level);
    const noResults = this.searched && this.searched === this.query && this.results.length === 0;
    const directoryFailed = !!this.directoryFailedFor && this.directoryFailedFor === this.query;
    return html`<div class="finder">
      ${this.askPostcode && this.directory?.trim() ? this.renderPostcode() : nothing} ${this.renderCombobox()}
      <div class="visually-hidden" role="status" id="announcement">${this.announcement}</div>
      ${directoryFailed ? this.renderDirectoryFailed(level) : nothing} ${noResults ? this.renderNoResults(level) : nothing}
      ${this.chosen ? this.renderAnswer(this.chosen, level) : nothing}
    </div>`;
  }

  private renderCombobox() {
    const listVisible = this.expanded && this.results.length > 0;
    return html`<div class="search">
      <label class="label" part="label" for="input" id="label">${this.t('label')}</label>
      <p class="hint" id="hint">${this.t('hint')}</p>
      <div class="combobox">
        <input
          class="input"
          part="input"
          id="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          enterkeyhint="search"
          aria-autocomplete="list"
          aria-expanded=${listVisible ? 'true' : 'false'}
          aria-controls="listbox"
          aria-describedby="hint"
          aria-activedescendant=${listVisible && this.active >= 0 ? `option-${this.active}` : nothing}
          placeholder=${this.placeholder || nothing}
          .value=${this.query}
          @focus=${this.onFocus}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @blur=${this.onFocusOut}
        />
        <ul class="listbox" part="listbox" id="listbox" role="listbox" aria-labelledby="label" ?hidden=${!listVisible}>
          ${listVisible ? this.results.map(({ entry }, index) => this.renderOption(entry, index)) : nothing}
        </ul>
      </div>
    </div>`;
  }

  private renderOption(entry: CatalogueEntry, index: number) {
    const active = index === this.active;
    const details = (['phone', 'hours', 'cost', 'eligibility'] as const)
      .map((field) => [field, field === 'phone' ? entry.phone ?? '' : this.text(entry, field)] as const)
      .filter(([, value]) => value.trim());
    return html`<li
      class="option ${active ? 'active' : ''}"
      part="option"
      role="option"
      id="option-${index}"
      aria-selected=${active ? 'true' : 'false'}
      @mousedown=${this.keepFocus}
      @click=${this.clickOption(index)}
    >
      <span class="option-title">${this.text(entry, 'title')}</span>
      <span class="option-summary">${this.text(entry, 'summary')}</span>
      ${details.length
        ? html`<span class="option-details">
            ${details.map(([field, value]) => html`<span class="detail"><span class="detail-label">${this.t(field)}</span> ${value}</span>`)}
          </span>`
        : nothing}
    </li>`;
  }

  private renderPostcode() {
    const error = this.postcodeError;
    return html`<div class="field postcode ${error ? 'error' : ''}">
      <label class="label" part="label" for="postcode">${this.t('postcodeLabel')}</label>
      <p class="hint" id="postcode-hint">${this.t('postcodeHint')}</p>
      ${error
        ? html`<p class="error-message" part="error" id="postcode-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${this.t('postcodeInvalid')}</p>`
        : nothing}
      <input
        class="input postcode-input"
        part="input"
        id="postcode"
        type="text"
        autocomplete="postal-code"
        autocapitalize="characters"
        spellcheck="false"
        aria-describedby="postcode-hint${error ? ' postcode-error' : ''}"
        aria-invalid=${error ? 'true' : 'false'}
        .value=${this.residentPostcode}
        @input=${this.onPostcodeInput}
        @change=${this.onPostcodeChange}
      />
    </div>`;
  }

  private renderDirectoryFailed(level: number) {
    const contact = this.contactRoute();
    return html`<div class="panel notice" part="error" id="directory-failed">
      <p>${this.t('catalogueFailed')}</p>
      ${contact ? this.renderContact(contact, level) : nothing}
    </div>`;
  }

  private renderNoResults(level: number) {
    const contact = this.contactRoute();
    return html`<div class="panel no-results" part="message" id="no-results">
      ${heading(level, this.t('noResultsHeading', { query: this.searched.trim() }), 'no-results-heading', 'heading-small')}
      <p>${this.t('noResultsKind')}</p>
      ${this.suggestions.length
        ? html`<p class="suggestions-intro" id="suggestions-intro">${this.t('suggestionsIntro')}</p>
            <ul class="suggestions" aria-labelledby="suggestions-intro">
              ${this.suggestions.map(
                (suggestion, index) =>
                  html`<li>
                    <button type="button" class="button link" part="button" id="suggestion-${index}" @click=${this.useSuggestion(suggestion)}>
                      <span class="visually-hidden">${this.t('suggestionHidden')} </span>${suggestion}
                    </button>
                  </li>`,
              )}
            </ul>`
        : nothing}
      ${contact ? this.renderContact(contact, Math.min(level + 1, 6)) : nothing}
    </div>`;
  }

  private renderContact(contact: ContactRoute, level: number) {
    const url = safeUrl(this.contactText(contact, 'url'));
    const hours = this.contactText(contact, 'hours');
    return html`<div class="contact" id="contact">
      ${heading(level, this.t('contactHeading'), 'contact-heading', 'heading-small')}
      ${contact.phone ? html`<p><a class="link" href=${telHref(contact.phone)} id="contact-phone">${this.t('contactPhone', { phone: contact.phone })}</a></p>` : nothing}
      ${hours ? html`<p>${this.t('contactHours', { hours })}</p>` : nothing}
      ${url ? html`<p><a class="link" href=${url} id="contact-link">${this.contactText(contact, 'label') || url}</a></p>` : nothing}
    </div>`;
  }

  private renderAnswer(entry: CatalogueEntry, level: number) {
    const title = this.text(entry, 'title');
    const url = safeUrl(this.text(entry, 'url'));
    const paragraphs = this.text(entry, 'answer')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const details = (['hours', 'cost', 'eligibility'] as const).map((field) => [field, this.text(entry, field)] as const).filter(([, value]) => value.trim());
    return html`<section class="panel answer" part="message" id="answer" aria-labelledby="answer-heading">
      ${heading(level, title, 'answer-heading')}
      ${paragraphs.map((p) => html`<p>${p}</p>`)}
      ${entry.phone || details.length
        ? html`<dl class="answer-details">
            ${entry.phone
              ? html`<div>
                  <dt>${this.t('phone')}</dt>
                  <dd><a class="link" href=${telHref(entry.phone)} id="answer-phone">${entry.phone}</a></dd>
                </div>`
              : nothing}
            ${details.map(([field, value]) => html`<div><dt>${this.t(field)}</dt><dd>${value}</dd></div>`)}
          </dl>`
        : nothing}
      ${url ? html`<p><a class="link" href=${url} id="answer-link">${this.t('moreAbout', { title })}</a></p>` : nothing}
      ${this.renderHelped(Math.min(level + 1, 6))}
    </section>`;
  }

  private renderHelped(level: number) {
    const step = this.helped;
    if (step === 'thanks-yes' || step === 'thanks-no') {
      return html`<div class="helped" role="status">
        <p class="message" part="message" id="thanks" tabindex="-1">${this.t(step === 'thanks-yes' ? 'thanksYes' : 'thanksNo')}</p>
      </div>`;
    }
    if (step === 'ask') {
      return html`<div class="helped">
        ${heading(level, this.t('helpedQuestion'), 'helped-question', 'heading-small')}
        ${yesNoButtons(this.t, this.vote)}
      </div>`;
    }
    const errors = this.needErrors.map(({ field, message }) => ({ field, message: this.t(message, { max: NEED_MAX_LENGTH }) }));
    return html`<form class="helped form" part="form" novalidate @submit=${this.sendNeed}>
      ${errors.length ? errorSummary(this.t, errors, this.focusField, level) : nothing}
      <p class="hint" id="privacy">${this.t('privacy')}</p>
      ${textArea(this.t, {
        id: 'need',
        label: this.t('needLabel'),
        value: this.need,
        max: NEED_MAX_LENGTH,
        error: errors[0]?.message,
        announcedCount: this.needAnnounced,
        onInput: this.onNeedInput,
      })}
      <div class="button-group">
        <button type="submit" class="button" part="button" id="send">${this.t('send')}</button>
      </div>
    </form>`;
  }

  private renderFailed(level: number) {
    const contact = this.contactRoute();
    return html`<div class="notice failed" part="error" id="failed" tabindex="-1">
      <p>${this.t('catalogueFailed')}</p>
      ${contact ? this.renderContact(contact, level) : nothing}
    </div>`;
  }
}

/** An address a link may go to: http(s) only, resolved against the page. */
function safeUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

declare global {
  interface HTMLElementTagNameMap {
    'tandem-finder': TandemFinder;
  }
}
