import { asPoll, pollProblem } from './poll-check.js';
import type { PollView } from './types.js';

/** What fetching a poll came to. */
export type PollFetch =
  | { kind: 'ok'; poll: PollView }
  | { kind: 'not-found'; url: string }
  | { kind: 'invalid'; url: string; problem: string }
  | { kind: 'unavailable'; url: string; reason: string };

const TIMEOUT_MS = 10000;

/** `GET {endpoint}/v1/polls/{id}?site={site}[&participant={uuid}]`, exactly as poll protocol v1 says. */
export function pollUrl(endpoint: string, id: string, site: string, participant?: string): string {
  const base = new URL(endpoint.replace(/\/?$/, '/'), document.baseURI);
  const url = new URL(`v1/polls/${encodeURIComponent(id)}`, base);
  url.searchParams.set('site', site);
  if (participant) url.searchParams.set('participant', participant);
  return url.href;
}

/** Fetches a poll with its results. Never rejects: every failure is a kind the widget shows. */
export async function fetchPoll(url: string, signal: AbortSignal): Promise<PollFetch> {
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
    const poll = asPoll(body);
    if (poll) return { kind: 'ok', poll };
    const [field, message] = pollProblem(body)!;
    return { kind: 'invalid', url, problem: `${field} ${message}` };
  } catch (error) {
    return { kind: 'unavailable', url, reason: (error as Error | undefined)?.name ?? 'network error' };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
