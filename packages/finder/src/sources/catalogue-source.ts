/**
 * A catalogue as a results source: loaded and checked once, on first use (a page view
 * without a search downloads neither the catalogue nor the search engine), then searched
 * in the page on every key.
 */
import type { Catalogue, ContactRoute } from '../catalogue.js';
import type { FinderSearch } from '../search/engine.js';
import type { ResultsSource, SearchOptions, SourceAnswer } from './results-source.js';

/** Where the catalogue is: not asked for, on its way, usable, or broken. */
export type CatalogueStatus = 'none' | 'loading' | 'ready' | 'failed';

export interface CatalogueEvents {
  /** The status changed: render again. */
  changed(): void;
  /** The catalogue cannot be used: what to say in the console (after `"catalogue"`). */
  failed(message: string): void;
}

export class CatalogueSource implements ResultsSource {
  readonly delayMs = 0;
  status: CatalogueStatus = 'none';
  catalogue: Catalogue | undefined;
  problem = '';
  readonly #controller = new AbortController();
  #loading: Promise<Catalogue | undefined> | undefined;
  #engine: Promise<FinderSearch | undefined> | undefined;
  #engineLang = '';

  /** `source` is the catalogue's address (resolved against the page) or the catalogue itself. */
  constructor(
    private readonly source: string | Catalogue,
    private readonly events: CatalogueEvents,
  ) {}

  /** Loads and checks the catalogue once. Failures become `failed`, never a rejection. */
  load(): Promise<Catalogue | undefined> {
    this.#loading ??= this.#fetch();
    return this.#loading;
  }

  async #fetch(): Promise<Catalogue | undefined> {
    const source = this.source;
    const { signal } = this.#controller;
    this.status = 'loading';
    let what = 'the catalogueData property';
    try {
      let catalogue: Catalogue;
      if (typeof source === 'string') {
        what = new URL(source, document.baseURI).href;
        const { loadCatalogue } = await import('./static-search.js');
        catalogue = await loadCatalogue(what, { signal });
      } else {
        const { checkCatalogue } = await import('./static-search.js');
        catalogue = checkCatalogue(source);
      }
      if (signal.aborted) return undefined;
      this.catalogue = catalogue;
      this.status = 'ready';
      this.events.changed();
      return catalogue;
    } catch (error) {
      if (signal.aborted) return undefined;
      const reason = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
      this.problem = `could not be used: ${reason.includes(what) ? reason : `${what}: ${reason}`}`;
      this.events.failed(this.problem);
      return undefined;
    }
  }

  /** The search engine for a language, built once per language. */
  #engineFor(lang: string): Promise<FinderSearch | undefined> {
    if (!this.#engine || this.#engineLang !== lang) {
      this.#engineLang = lang;
      const engine = (this.#engine = this.load().then(async (catalogue) => {
        if (!catalogue) return undefined;
        const { FinderSearch } = await import('./static-search.js');
        return new FinderSearch(catalogue, { lang });
      }));
      // A failed chunk load may be tried again on the next search.
      engine.catch(() => {
        if (this.#engine === engine) this.#engine = undefined;
      });
    }
    return this.#engine;
  }

  async warm(lang: string): Promise<void> {
    (await this.#engineFor(lang))?.build();
  }

  async search(query: string, { limit, lang }: SearchOptions): Promise<SourceAnswer | undefined> {
    const engine = await this.#engineFor(lang);
    if (!engine || this.#controller.signal.aborted) return undefined;
    const results = engine.search(query, limit);
    const suggestions = results.length ? [] : engine.suggestions(query, 3).filter((s) => s.trim() && s !== query).slice(0, 3);
    return { results, suggestions };
  }

  contact(): ContactRoute | undefined {
    return this.catalogue?.contact;
  }

  /** A search in the page is never in flight. */
  cancel(): void {}

  close(): void {
    this.#controller.abort();
  }
}
