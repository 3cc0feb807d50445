/**
 * The finder's side of an Open Referral UK directory: one client per directory address
 * (sharing its cache), each search cancelling the one before, and services as results.
 * Fetched with the first search, like the search engine, so a page that only shows the box
 * downloads none of it.
 */
import type { SearchResult } from './catalogue.js';
import { OpenReferralClient } from './sources/open-referral.js';

/** Why the directory could not answer: `kind` as a CatalogueError names it, and a message for the console. */
export interface DirectoryProblem {
  kind: string;
  message: string;
}

/**
 * What is sent to the directory: the words of the need. Anything with a digit or an @ (a
 * phone, NHS, National Insurance or card number, a postcode, an email address) is left out:
 * a person may type one ("help for mum, call 07700 900123"), and no directory search needs it
 * (a postcode goes as the postcode filter). Plain words, not core's redactor, keep this chunk
 * from splitting the redactor into a chunk of its own for every page.
 */
export function directoryWords(query: string): string {
  return query
    .split(/\s+/)
    .filter((word) => !/[\d@]/.test(word))
    .join(' ')
    .trim();
}

export class DirectorySearch {
  private readonly client: OpenReferralClient;
  private controller: AbortController | undefined;

  /** `version` is `v3` or `v1`, or anything else to find out from the directory's answers. */
  constructor(url: string, version?: string) {
    this.client = new OpenReferralClient(url, version === 'v1' || version === 'v3' ? { version } : {});
  }

  /**
   * The services matching a need (near a postcode, if given), as results; or the problem when
   * the directory cannot be reached or sends something that is not a page of services; or
   * undefined when a newer search replaced this one.
   */
  async search(query: string, options: { postcode?: string | undefined; limit: number }): Promise<SearchResult[] | DirectoryProblem | undefined> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const words = directoryWords(query);
    if (words.length < 2) return [];
    try {
      const { entries } = await this.client.search(words, {
        perPage: options.limit,
        signal: controller.signal,
        ...(options.postcode ? { postcode: options.postcode } : {}),
      });
      // A service with no page of its own is shown in place: its description is the answer.
      return entries.slice(0, options.limit).map((entry, index) => ({
        entry: entry.url ? entry : { ...entry, answer: entry.description ?? entry.summary },
        score: entries.length - index,
      }));
    } catch (error) {
      if (controller.signal.aborted || (error as { name?: unknown } | null)?.name === 'AbortError') return undefined;
      const message = error instanceof Error ? error.message : String(error);
      return { kind: String((error as { kind?: unknown }).kind ?? message), message };
    }
  }

  cancel(): void {
    this.controller?.abort();
  }
}
