import { collectorUrl, fetchView, WidgetController, type ViewFetch } from '@tandem/core';
import type { PledgeListView } from '@tandem/core/protocol.js';
import { pledgeListProblem } from './pledge-check.js';

/** Where the list is: not asked for yet, on its way, shown, or why it cannot be. */
export type PledgeLoadStatus = 'idle' | 'loading' | 'ready' | 'unavailable' | 'not-found' | 'invalid';

/** Where to fetch the list from, or the list itself when the page gives it. */
export interface PledgeListSource {
  endpoint: string;
  site: string;
  id: string;
  given: PledgeListView | undefined;
}

export interface PledgeListOptions {
  /** Where the list comes from now; undefined while the element is misconfigured. */
  source: () => PledgeListSource | undefined;
  failed: (fetched: Exclude<ViewFetch<PledgeListView>, { kind: 'ok' }>) => void;
}

/** `GET {endpoint}/v1/pledges/{id}?site={site}`, as offers of help protocol v1 says. */
export const pledgeListUrl = (endpoint: string, id: string, site: string) => collectorUrl(endpoint, `pledges/${encodeURIComponent(id)}`, { site }).href;

/** The ways to help list: fetched (or taken from the page) when where it comes from changes. */
export class PledgeList extends WidgetController<PledgeListOptions> {
  status: PledgeLoadStatus = 'idle';
  list: PledgeListView | undefined;

  private loaded: unknown;
  private controller: AbortController | undefined;

  override hostDisconnected(): void {
    this.controller?.abort();
    this.loaded = undefined;
  }

  loadIfChanged(): void {
    const source = this.options.source();
    const key = source && (source.given ?? `${source.endpoint} ${source.site} ${source.id}`);
    if (key === this.loaded) return;
    this.loaded = key;
    this.controller?.abort();
    if (!source) return;
    if (source.given) {
      this.list = source.given;
      this.status = 'ready';
      return;
    }
    void this.fetch(source);
  }

  private async fetch({ endpoint, site, id }: PledgeListSource): Promise<void> {
    const controller = (this.controller = new AbortController());
    this.status = 'loading';
    this.host.requestUpdate();
    const fetched = await fetchView<PledgeListView>(pledgeListUrl(endpoint, id, site), controller.signal, pledgeListProblem);
    if (controller.signal.aborted) return;
    if (fetched.kind === 'ok') {
      this.list = fetched.view;
      this.status = 'ready';
    } else {
      this.status = fetched.kind;
      this.options.failed(fetched);
    }
    this.host.requestUpdate();
  }
}
