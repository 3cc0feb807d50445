import type { CatalogueEntry } from './catalogue.js';

export interface ChooseDetail {
  /** The entry chosen, as the catalogue gives it. */
  entry: CatalogueEntry;
  /** What the person typed (before redaction: it stays in the page). */
  query: string;
  /** Where the finder will go, if the entry has a page and no inline answer. */
  url?: string;
}

/**
 * Fired when a person chooses a result. Cancel it (`preventDefault()`) to stop the finder
 * going to the entry's page, for example to route inside a single-page app; inline answers
 * are shown either way.
 */
export class TandemChooseEvent extends CustomEvent<ChooseDetail> {
  constructor(detail: ChooseDetail) {
    super('tandem-choose', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-choose': TandemChooseEvent;
  }
}
