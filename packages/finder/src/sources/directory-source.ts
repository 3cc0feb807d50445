/**
 * An Open Referral UK service directory as a results source: asked once typing pauses
 * (each request is a round trip), each search cancelling the one before. Its client is
 * fetched with the first use of the box, like the search engine.
 */
import type { ContactRoute } from '../catalogue.js';
import type { DirectorySearch } from '../directory-search.js';
import type { ResultsSource, SearchOptions, SourceAnswer } from './results-source.js';

/** How long typing must pause before a service directory is asked. */
export const DIRECTORY_DELAY_MS = 250;

export class DirectorySource implements ResultsSource {
  readonly delayMs = DIRECTORY_DELAY_MS;
  #client: Promise<DirectorySearch> | undefined;
  #directory: DirectorySearch | undefined;
  #cancelled = false;

  /** `url` is the directory's checked address; `version` `v3`, `v1`, or undefined to find out. */
  constructor(
    private readonly url: string,
    private readonly version: string | undefined,
  ) {}

  #load(): Promise<DirectorySearch> {
    this.#client ??= import('../directory-search.js').then(({ DirectorySearch }) => (this.#directory = new DirectorySearch(this.url, this.version)));
    return this.#client;
  }

  async warm(): Promise<void> {
    await this.#load();
  }

  async search(query: string, { limit, postcode }: SearchOptions): Promise<SourceAnswer | undefined> {
    const directory = await this.#load();
    if (this.#cancelled) return undefined;
    const answer = await directory.search(query, { postcode, limit });
    if (!answer) return undefined;
    return Array.isArray(answer) ? { results: answer, suggestions: [] } : { problem: answer };
  }

  /** A directory has no contact route of its own: the `contact` attribute gives it. */
  contact(): ContactRoute | undefined {
    return undefined;
  }

  cancel(): void {
    this.#directory?.cancel();
  }

  /** The finder moved to another source: nothing more from this one. */
  close(): void {
    this.#cancelled = true;
    this.cancel();
  }
}
