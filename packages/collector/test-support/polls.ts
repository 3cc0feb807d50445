// For the poll tests: poll definitions (open, closed, upcoming), a collector that loads them,
// and poll answers as <tandem-poll> sends them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeSubmission, ORIGIN, startTestCollector } from './helpers.js';
import type { pollBody } from '../src/polls/view.js';
import type { ApiAnswer } from './helpers.js';
import type { PollDefinition } from '../src/polls/definition.js';

type PollBody = ReturnType<typeof pollBody>;

const DAY = 24 * 60 * 60 * 1000;
const EXAMPLE = JSON.parse(readFileSync(new URL('../config/polls/day-centres-2026.json', import.meta.url), 'utf8'));

/** The example poll, open from yesterday for a month, with changes. */
export function pollDefinition(overrides: Record<string, unknown> = {}): PollDefinition {
  return {
    ...EXAMPLE,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    ...overrides,
  } as PollDefinition;
}

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

/** A poll answer as the browser sends it. */
export function pollAnswer(answers: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return makeSubmission({
    widget: 'poll',
    instance: POLL,
    page: { url: `${ORIGIN}/adult-social-care/day-centres/`, title: 'Day centres' },
    answers,
    signals: { honeypot: false, fillMs: 400 },
    participant: randomUUID(),
    clientTime: new Date().toISOString(),
    ...overrides,
  });
}

export const vote = (participant: string, question: string, choice: string, overrides: Record<string, unknown> = {}) => pollAnswer({ question, choice }, { participant, ...overrides });

export const statement = (participant: string, text: string, overrides: Record<string, unknown> = {}) => pollAnswer({ statement: text }, { participant, signals: { honeypot: false, fillMs: 9000 }, ...overrides });

/** What GET /v1/polls/{id} answers: the poll, or (4xx) a refusal. */
export type PollAnswer = PollBody & ApiAnswer;

/** GET /v1/polls/{id}. */
export async function getPoll(url: string, id: string, { site = 'adult-social-care', participant, origin = ORIGIN }: { site?: string, participant?: string, origin?: string } = {}) {
  const params = new URLSearchParams({ site, ...(participant ? { participant } : {}) });
  const response = await fetch(`${url}/v1/polls/${encodeURIComponent(id)}?${params}`, { headers: origin ? { origin } : {} });
  return { status: response.status, headers: response.headers, json: (await response.json()) as PollAnswer };
}

/** The counts of one question in a GET body. */
export const countsOf = (body: PollAnswer, question: string) => body.questions.find((q) => q.id === question)?.results;
