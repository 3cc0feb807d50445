// For the poll tests: a collector that loads the example poll and closed, upcoming and
// statement-less ones, and GET /v1/polls/{id}. Definitions and answers: poll-answers.ts.
import { ORIGIN, startTestCollector } from './helpers.js';
import { pollDefinition } from './poll-answers.js';
import type { pollBody } from '../src/polls/view.js';
import type { ApiAnswer } from './helpers.js';

export { pollAnswer, pollDefinition, statement, vote } from './poll-answers.js';

type PollBody = ReturnType<typeof pollBody>;

const DAY = 24 * 60 * 60 * 1000;

export const POLL = 'day-centres-2026';
export const CLOSED = 'closed-poll';
export const UPCOMING = 'upcoming-poll';
export const NO_STATEMENTS = 'no-statements';
export const POLICY = { en: 'We publish statements about the service.', cy: 'Rydym yn cyhoeddi datganiadau am y gwasanaeth.' };

/**
 * A collector with the open example poll and closed, upcoming and statement-less ones.
 */
export function startPollCollector(overrides: Record<string, unknown> = {}) {
  const past = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const future = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  return startTestCollector({
    sites: [
      { id: 'adult-social-care', origins: [ORIGIN], moderationPolicy: POLICY },
      { id: 'other-site', origins: ['https://other-council.example'] },
    ],
    polls: [
      pollDefinition(),
      pollDefinition({ id: CLOSED, opensAt: past(30), closesAt: past(1) }),
      pollDefinition({ id: UPCOMING, opensAt: future(1), closesAt: future(30) }),
      pollDefinition({ id: NO_STATEMENTS, allowStatements: false }),
    ],
    ...overrides,
  });
}

/** What GET /v1/polls/{id} answers: the poll, or (4xx) a refusal. */
export type PollAnswer = PollBody & ApiAnswer & { participant?: string };

/** GET /v1/polls/{id}. */
export async function getPoll(url: string, id: string, { site = 'adult-social-care', participant, origin = ORIGIN }: { site?: string, participant?: string, origin?: string } = {}) {
  const params = new URLSearchParams({ site, ...(participant ? { participant } : {}) });
  const response = await fetch(`${url}/v1/polls/${encodeURIComponent(id)}?${params}`, { headers: origin ? { origin } : {} });
  return { status: response.status, headers: response.headers, json: (await response.json()) as PollAnswer };
}

/** The counts of one question in a GET body. */
export const countsOf = (body: PollAnswer, question: string) => body.questions.find((q) => q.id === question)?.results;
