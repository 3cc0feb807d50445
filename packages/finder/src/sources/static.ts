/**
 * Loads a static JSON catalogue (from the collector or any URL) and checks it. Every way
 * it can fail becomes a CatalogueError with a message a web team can act on; an abort by
 * the caller stays an AbortError, which is not a failure.
 */
import type { Catalogue } from '../catalogue.js';
import { checkCatalogue } from '../catalogue-check.js';
import { CatalogueError } from './catalogue-error.js';

export { CatalogueError } from './catalogue-error.js';

export async function loadCatalogue(url: string, { signal }: { signal?: AbortSignal } = {}): Promise<Catalogue> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CatalogueError('unreachable', `could not reach ${url} (${(error as Error)?.message ?? 'network error'})`, { url });
  }
  if (!response.ok) {
    throw new CatalogueError('http', `${url} answered ${response.status} ${response.statusText}`.trim(), { url, status: response.status });
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CatalogueError('unreachable', `the connection to ${url} failed while reading it`, { url });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new CatalogueError('invalid-json', `${url} is not valid JSON (${(error as Error).message})`, { url });
  }
  try {
    return checkCatalogue(parsed);
  } catch (error) {
    if (error instanceof CatalogueError) {
      throw new CatalogueError(error.kind, `${url}: ${error.message}`, { ...error.details, url });
    }
    throw error;
  }
}
