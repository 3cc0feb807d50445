/**
 * The finder's side of an Open Referral UK directory: one client per directory address
 * (sharing its cache), each search cancelling the one before, and services as results.
 * Fetched with the first search, like the search engine, so a page that only shows the box
 * downloads none of it.
 */
import type { SearchResult } from './catalogue.js';
import { OpenReferralClient, type OpenReferralVersion } from './sources/open-referral.js';

export class DirectorySearch {
  private readonly client: OpenReferralClient;
  private controller: AbortController | undefined;

  constructor(readonly url: string, version?: OpenReferralVersion) {
    this.client = new OpenReferralClient(url, version ? { version } : {});
  }

  /**
   * The services matching a need (near a postcode, if given), as results. Rejects with an
   * AbortError when a newer search replaces it, and with a CatalogueError when the directory
   * cannot be reached or sends something that is not a page of services.
   */
  async search(query: string, options: { postcode?: string | undefined; limit: number }): Promise<SearchResult[]> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { entries } = await this.client.search(query, {
      perPage: options.limit,
      signal: controller.signal,
      ...(options.postcode ? { postcode: options.postcode } : {}),
    });
    // A service with no page of its own is shown in place: its description is the answer.
    return entries.slice(0, options.limit).map((entry, index) => ({
      entry: entry.url ? entry : { ...entry, answer: entry.description ?? entry.summary },
      score: entries.length - index,
    }));
  }

  cancel(): void {
    this.controller?.abort();
  }
}

export const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';
