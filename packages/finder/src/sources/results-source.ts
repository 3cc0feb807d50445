/**
 * Where the finder's results come from: a catalogue searched in the page, or a service
 * directory asked over the network. The element talks only to this interface.
 */
import type { ContactRoute, SearchResult } from '../catalogue.js';

/** Why a source could not answer: `kind` names the failure (once per kind in the console). */
export interface SourceProblem {
  kind: string;
  message: string;
}

export type SourceAnswer = { results: SearchResult[]; suggestions: string[] } | { problem: SourceProblem };

export interface SearchOptions {
  limit: number;
  lang: string;
  postcode?: string | undefined;
}

export interface ResultsSource {
  /** How long typing must pause before the source is asked (0: at once, on every key). */
  readonly delayMs: number;
  /** Fetches what searching needs (the catalogue and engine, or the directory client) when the box is first used. */
  warm(lang: string): Promise<void>;
  /**
   * The results for a query; undefined when a newer search replaced this one or the source
   * cannot be used at all (the source has then said so).
   */
  search(query: string, options: SearchOptions): Promise<SourceAnswer | undefined>;
  /** The contact route the source gives, if any. */
  contact(): ContactRoute | undefined;
  /** Stops the search in flight, if any (a newer one is coming). */
  cancel(): void;
  /** The finder is done with this source: it fetches and answers nothing more. */
  close(): void;
}
