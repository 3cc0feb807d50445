/**
 * An Open Referral UK service directory as a catalogue source: searches a council's
 * `/services` as the person types. Reads v3 (`search`, pages of `contents`/`total_items`)
 * and v1 (`text`, pages of `content`/`totalElements`), finding out which the server speaks.
 * Answers are cached per URL; a new search cancels the one before it, so a slow answer to
 * an old query never replaces a newer one.
 */
import type { CatalogueEntry } from '../catalogue.js';
import { CatalogueError } from './catalogue-error.js';
import { entryOfService } from './open-referral-map.js';

export type OpenReferralVersion = 'v3' | 'v1';

export interface ServiceSearchOptions {
  postcode?: string;
  /** 1-based. */
  page?: number;
  perPage?: number;
  signal?: AbortSignal;
}

export interface ServiceSearchResult {
  entries: CatalogueEntry[];
  /** How many services match in all, across pages. */
  total: number;
  page: number;
  version: OpenReferralVersion;
}

interface Page {
  services: unknown[];
  total: number;
  version: OpenReferralVersion;
}

const CACHE_LIMIT = 50;

/** A page's shape says which version answered, whatever was asked. */
function readPage(body: unknown): Page | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const page = body as Record<string, unknown>;
  if (Array.isArray(page.contents)) return { services: page.contents, total: numberOr(page.total_items, page.contents.length), version: 'v3' };
  if (Array.isArray(page.content)) return { services: page.content, total: numberOr(page.totalElements, page.content.length), version: 'v1' };
  return undefined;
}

const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

const abortError = () => new DOMException('The search was replaced by a newer one', 'AbortError');

export class OpenReferralClient {
  private readonly base: string;
  private version: OpenReferralVersion | undefined;
  private readonly cache = new Map<string, Promise<Page>>();
  private current?: { url: string; controller: AbortController };

  /** `baseUrl` is where `/services` lives, e.g. `https://directory.example.gov.uk/api/v3`. */
  constructor(baseUrl: string, options: { version?: OpenReferralVersion } = {}) {
    this.base = baseUrl.replace(/\/+$/, '');
    // A v1 API usually says so in its path (`…/openreferral/v1`); otherwise try v3 first.
    this.version = options.version ?? (/\/v1$/i.test(this.base) ? 'v1' : undefined);
  }

  async search(query: string, options: ServiceSearchOptions = {}): Promise<ServiceSearchResult> {
    const page = Math.max(1, Math.floor(options.page ?? 1));
    const asked = this.version ?? 'v3';
    let result = await this.fetchPage(this.urlFor(asked, query, page, options), options.signal, asked);
    // A v1 server ignores v3's `search` and lists everything: ask again in its own words.
    if (result.version !== asked) {
      this.version = result.version;
      result = await this.fetchPage(this.urlFor(result.version, query, page, options), options.signal, result.version);
    } else {
      this.version = asked;
    }
    const entries = result.services.map(entryOfService).filter((e): e is CatalogueEntry => !!e);
    return { entries, total: result.total, page, version: result.version };
  }

  private urlFor(version: OpenReferralVersion, query: string, page: number, options: ServiceSearchOptions): string {
    const params = new URLSearchParams();
    // Directory search ignores case and spacing; so can the cache.
    params.set(version === 'v3' ? 'search' : 'text', query.trim().replace(/\s+/g, ' ').toLowerCase());
    params.set('page', String(page));
    params.set('per_page', String(Math.min(100, Math.max(1, Math.floor(options.perPage ?? 10)))));
    if (options.postcode?.trim()) params.set('postcode', options.postcode.trim().toUpperCase());
    return `${this.base}/services?${params}`;
  }

  private fetchPage(url: string, signal: AbortSignal | undefined, asked: OpenReferralVersion): Promise<Page> {
    if (signal?.aborted) return Promise.reject(abortError());
    // The newest search wins: cancel the request before it, unless it is this very one.
    if (this.current && this.current.url !== url) this.current.controller.abort();
    let pending = this.cache.get(url);
    if (!pending) {
      const controller = new AbortController();
      this.current = { url, controller };
      pending = this.request(url, controller.signal, asked);
      this.remember(url, pending);
    }
    return signal ? withAbort(pending, signal, () => this.abortIfCurrent(url)) : pending;
  }

  private abortIfCurrent(url: string): void {
    if (this.current?.url === url) this.current.controller.abort();
  }

  private remember(url: string, pending: Promise<Page>): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(url, pending);
    // Failures (and cancelled requests) are not answers: the next search asks again.
    pending.catch(() => {
      if (this.cache.get(url) === pending) this.cache.delete(url);
    });
  }

  private async request(url: string, signal: AbortSignal, asked: OpenReferralVersion): Promise<Page> {
    let response: Response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      if (signal.aborted) throw abortError();
      throw new CatalogueError('unreachable', `could not reach the service directory at ${url} (${(error as Error)?.message ?? 'network error'})`, { url });
    }
    // The other version's path may be what this server has: 404/400 to v3's words, try v1's.
    if ((response.status === 404 || response.status === 400) && this.version === undefined && asked === 'v3') {
      return this.request(url.replace('search=', 'text='), signal, 'v1');
    }
    if (!response.ok) throw new CatalogueError('http', `the service directory answered ${response.status} for ${url}`, { url, status: response.status });
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch (error) {
      if (signal.aborted) throw abortError();
      throw new CatalogueError('invalid-json', `the service directory sent something that is not JSON from ${url}`, { url });
    }
    const page = readPage(body);
    if (!page) {
      throw new CatalogueError('invalid-shape', `the service directory's answer at ${url} has no "contents" (v3) or "content" (v1) list of services`, { url, field: 'contents' });
    }
    return page;
  }
}

/** Settles with `promise`, or rejects with an AbortError as soon as `signal` aborts. */
function withAbort<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(abortError());
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const clients = new Map<string, OpenReferralClient>();

/**
 * Searches an Open Referral UK directory. One client per base URL is kept, so repeated
 * searches share its cache and each new one cancels the last (which rejects with an AbortError).
 */
export function searchServices(baseUrl: string, query: string, options: ServiceSearchOptions = {}): Promise<ServiceSearchResult> {
  let client = clients.get(baseUrl);
  if (!client) clients.set(baseUrl, (client = new OpenReferralClient(baseUrl)));
  return client.search(query, options);
}
