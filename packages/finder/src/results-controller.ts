/**
 * The finder's search, from the text in the box to the results on screen: which source
 * answers (a catalogue or a directory, made afresh when the attributes change), asking it
 * (at once, or once typing pauses), the count announced once typing pauses, and the
 * notice when the source cannot answer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Delay, type Clock, type ComboboxController, type Translate } from '@tandem/core';
import type { Catalogue, ContactRoute, SearchResult } from './catalogue.js';
import { CatalogueSource } from './sources/catalogue-source.js';
import { DirectorySource } from './sources/directory-source.js';
import type { ResultsSource, SourceProblem } from './sources/results-source.js';

/** How long typing must pause before the number of results is announced. */
export const ANNOUNCE_DELAY_MS = 500;
/** While the search for the typed text is still on its way, the announcement looks again this often. */
const ANNOUNCE_RETRY_MS = 100;
/** The fewest characters that make a search. */
export const MIN_QUERY = 2;

export interface ResultsOptions {
  clock: () => Clock;
  t: () => Translate;
  language: () => string;
  limit: () => number;
  postcode: () => string | undefined;
  combobox: () => ComboboxController;
  /** A console message and a `tandem-error` naming the attribute to fix. */
  report: (attribute: string, message: string) => void;
  /** The catalogue cannot be used: the element shows the notice. */
  catalogueFailed: () => void;
  /** A failure inside a search: the element's error boundary. */
  fail: (error: unknown) => void;
}

export class ResultsController implements ReactiveController {
  query = '';
  /** The query the results are for. */
  searched = '';
  results: SearchResult[] = [];
  suggestions: string[] = [];
  /** What the polite live region says. */
  announcement = '';
  source: ResultsSource | undefined;
  /** The query the source could not answer. */
  #failedFor = '';
  /** The kind of failure last reported: once per kind until a search works again, not once per key. */
  #reported = '';
  /** What the source was made from, to tell when it changes. */
  #sourceKey: unknown;
  /** The last catalogue's contact route, kept in view if the next catalogue is broken. */
  #earlierContact: ContactRoute | undefined;
  /** Whether the search box has been used: from then on, a new catalogue loads at once. */
  #used = false;
  readonly #announceDelay: Delay;
  readonly #searchDelay: Delay;

  readonly #host: ReactiveControllerHost;
  readonly #options: ResultsOptions;

  constructor(
    host: ReactiveControllerHost,
    options: ResultsOptions,
  ) {
    this.#host = host;
    this.#options = options;
    this.#announceDelay = new Delay(options.clock);
    this.#searchDelay = new Delay(options.clock);
    host.addController(this);
  }

  get catalogue(): CatalogueSource | undefined {
    return this.source instanceof CatalogueSource ? this.source : undefined;
  }

  /** The search for the text in the box found nothing. */
  get nothingFound(): boolean {
    return !!this.searched && this.searched === this.query && this.results.length === 0;
  }

  /** The source could not answer the text in the box. */
  get failed(): boolean {
    return !!this.#failedFor && this.#failedFor === this.query;
  }

  contact(): ContactRoute | undefined {
    return this.source?.contact() ?? this.#earlierContact;
  }

  /**
   * A new catalogue or directory (`directory` is its checked address) starts afresh: no old
   * results, no old failure. Nothing is fetched until someone uses the search box, so a page
   * view without a search downloads neither the catalogue nor the search engine.
   */
  use(directory: string | undefined, version: string | undefined, catalogue: string | Catalogue | undefined): void {
    const key = directory ? `${directory} ${version}` : catalogue;
    if (!key || key === this.#sourceKey) return;
    this.#sourceKey = key;
    this.#earlierContact = this.source?.contact() ?? this.#earlierContact;
    this.source?.close();
    this.clear();
    if (directory) {
      this.source = new DirectorySource(directory, version);
      return;
    }
    const source: CatalogueSource = new CatalogueSource(catalogue!, {
      changed: () => this.#host.requestUpdate(),
      failed: (message) => {
        if (this.source !== source) return;
        this.#options.report('catalogue', message);
        this.#options.catalogueFailed();
      },
    });
    this.source = source;
    if (this.#used) void source.load();
  }

  /** The box is in use: fetch what searching needs. */
  async warm(): Promise<void> {
    this.#used = true;
    await this.source?.warm(this.#options.language());
  }

  /** New text in the box: search, and announce the count once typing pauses. */
  typed(query: string): void {
    this.query = query;
    this.search();
    // Emptied now, so the same count is heard again.
    this.announcement = '';
    this.#announceDelay.restart(ANNOUNCE_DELAY_MS, this.#announce);
  }

  /** Asks the source for the query in the box: at once for a catalogue, once typing pauses for a directory. */
  search(): void {
    const { query, source } = this;
    const combobox = this.#options.combobox();
    this.#searchDelay.cancel();
    source?.cancel();
    if (query.trim().length < MIN_QUERY || !source) {
      this.#failedFor = this.searched = '';
      this.results = [];
      this.suggestions = [];
      combobox.close();
      return;
    }
    this.#used = true;
    const ask = async () => {
      const { limit, language, postcode } = this.#options;
      const answer = await source.search(query, { limit: limit(), lang: language(), postcode: postcode() });
      if (!answer || this.query !== query || this.source !== source) return;
      if ('problem' in answer) return this.#sourceFailed(answer.problem, query);
      this.#failedFor = this.#reported = '';
      this.results = answer.results;
      this.suggestions = answer.suggestions;
      this.searched = query;
      combobox.show();
    };
    if (!source.delayMs) return void ask().catch((error: unknown) => this.#options.fail(error));
    // Until the answer comes, the list shows the last results, with none active.
    combobox.deactivate();
    this.#searchDelay.restart(source.delayMs, () => void ask().catch((error: unknown) => this.#options.fail(error)));
  }

  /** An empty box, nothing announced, nothing pending. */
  clear(): void {
    this.query = this.searched = this.announcement = this.#failedFor = '';
    this.results = [];
    this.suggestions = [];
    this.#options.combobox().close();
    this.source?.cancel();
    this.#announceDelay.cancel();
    this.#searchDelay.cancel();
  }

  /**
   * The directory is down or sent something that is not a page of services: the search box
   * stays (the next search tries again), the contact route shows, and the console says why.
   */
  #sourceFailed({ kind, message }: SourceProblem, query: string): void {
    this.#failedFor = query;
    this.results = [];
    this.suggestions = [];
    this.searched = '';
    this.#options.combobox().close();
    if (kind !== this.#reported) {
      this.#reported = kind;
      this.#options.report('directory', `could not be used: ${message}`);
    }
  }

  readonly #announce = (): void => {
    const t = this.#options.t();
    if (this.failed) {
      // The notice's own words; the contact route is read after it.
      this.announcement = t('catalogueFailed');
    } else if (this.searched && this.searched === this.query) {
      this.announcement = this.results.length ? t('results', { count: this.results.length }) : t('noResultsAnnounced');
    } else {
      // The search is still on its way (the index, or the directory): look again shortly.
      if (this.query.trim().length >= MIN_QUERY && this.catalogue?.status !== 'failed') this.#announceDelay.restart(ANNOUNCE_RETRY_MS, this.#announce);
      return;
    }
    this.#host.requestUpdate();
  };

  hostConnected(): void {}

  /** Connected again, the finder starts afresh from its attributes. */
  hostDisconnected(): void {
    this.#announceDelay.cancel();
    this.#searchDelay.cancel();
    this.source?.close();
    this.source = this.#sourceKey = undefined;
  }
}
