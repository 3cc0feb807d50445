/** What fetching a view (a poll, a ways to help list) from the collector came to. */
export type ViewFetch<T> =
  | { kind: 'ok'; view: T }
  | { kind: 'not-found'; url: string }
  | { kind: 'invalid'; url: string; problem: string }
  | { kind: 'unavailable'; url: string; reason: string };

const TIMEOUT_MS = 10000;

/** `{endpoint}/v1/{path}?site={site}`, resolved against the page like every collector URL. */
export function collectorUrl(endpoint: string, path: string, params: Record<string, string | undefined>): URL {
  const url = new URL(`v1/${path}`, new URL(endpoint.replace(/\/?$/, '/'), document.baseURI));
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url;
}

/**
 * Fetches a view and checks it before the widget trusts it: `problem` names what is wrong
 * ("ways[2].tier must be 1, 2, 3 or 4"), or is undefined when the body is the view. Never
 * rejects: every failure is a kind the widget shows.
 */
export async function fetchView<T>(url: string, signal: AbortSignal, problem: (body: unknown) => string | undefined): Promise<ViewFetch<T>> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort);
  const timer = setTimeout(abort, TIMEOUT_MS);
  try {
    // No credentials and no custom headers: a simple CORS request, no cookie, no preflight.
    const response = await fetch(url, { credentials: 'omit', cache: 'no-store', signal: controller.signal });
    if (response.status === 404) return { kind: 'not-found', url };
    if (!response.ok) return { kind: 'unavailable', url, reason: `HTTP ${response.status}` };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { kind: 'invalid', url, problem: 'the answer is not JSON' };
    }
    const wrong = problem(body);
    return wrong === undefined ? { kind: 'ok', view: body as T } : { kind: 'invalid', url, problem: wrong };
  } catch (error) {
    return { kind: 'unavailable', url, reason: (error as Error | undefined)?.name ?? 'network error' };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
