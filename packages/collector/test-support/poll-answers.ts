// Poll definitions and poll answers as <tandem-poll> sends them, for any test: no server, no
// database (the store contracts build on these).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeSubmission, ORIGIN } from './submissions.js';
import type { PollDefinition } from '../src/polls/definition.js';

const DAY = 24 * 60 * 60 * 1000;
const EXAMPLE = JSON.parse(readFileSync(new URL('../config/polls/day-centres-2026.json', import.meta.url), 'utf8'));
const POLL = 'day-centres-2026';

/** The example poll, open from yesterday for a month, with changes. */
export function pollDefinition(overrides: Record<string, unknown> = {}): PollDefinition {
  return {
    ...EXAMPLE,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    ...overrides,
  } as PollDefinition;
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
