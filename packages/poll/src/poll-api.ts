import { collectorUrl, fetchView, type ViewFetch } from '@tandem/core';
import { pollProblem } from './poll-check.js';
import type { PollView } from './types.js';

/** What fetching a poll came to. */
export type PollFetch = ViewFetch<PollView>;

/** `GET {endpoint}/v1/polls/{id}?site={site}[&participant={uuid}]`, exactly as poll protocol v1 says. */
export function pollUrl(endpoint: string, id: string, site: string, participant?: string): string {
  return collectorUrl(endpoint, `polls/${encodeURIComponent(id)}`, { site, participant }).href;
}

/** Fetches a poll with its results. Never rejects: every failure is a kind the widget shows. */
export function fetchPoll(url: string, signal: AbortSignal): Promise<PollFetch> {
  return fetchView<PollView>(url, signal, (body) => {
    const problem = pollProblem(body);
    return problem && `${problem[0]} ${problem[1]}`;
  });
}
