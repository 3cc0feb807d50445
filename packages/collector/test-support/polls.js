// For the poll tests: poll definitions (open, closed, upcoming), a collector that loads them,
// and poll answers as <tandem-poll> sends them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeSubmission, ORIGIN, startTestCollector } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const EXAMPLE = JSON.parse(readFileSync(new URL('../config/polls/day-centres-2026.json', import.meta.url), 'utf8'));

/** The example poll, open from yesterday for a month, with changes. @param {Record<string, unknown>} [overrides] */
export function pollDefinition(overrides = {}) {
  return {
    ...EXAMPLE,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    ...overrides,
  };
}

export const POLL = 'day-centres-2026';
export const CLOSED = 'closed-poll';
export const UPCOMING = 'upcoming-poll';
export const NO_STATEMENTS = 'no-statements';
export const POLICY = { en: 'We publish statements about the service.', cy: 'Rydym yn cyhoeddi datganiadau am y gwasanaeth.' };

/**
 * A collector with the open example poll and closed, upcoming and statement-less ones.
 * @param {Record<string, unknown>} [overrides]
 */
export function startPollCollector(overrides = {}) {
  const past = (/** @type {number} */ days) => new Date(Date.now() - days * DAY).toISOString();
  const future = (/** @type {number} */ days) => new Date(Date.now() + days * DAY).toISOString();
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

/** A poll answer as the browser sends it. @param {Record<string, unknown>} answers  @param {Record<string, unknown>} [overrides] */
export function pollAnswer(answers, overrides = {}) {
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

/** @param {string} participant  @param {string} question  @param {string} choice  @param {Record<string, unknown>} [overrides] */
export const vote = (participant, question, choice, overrides = {}) => pollAnswer({ question, choice }, { participant, ...overrides });

/** @param {string} participant  @param {string} text  @param {Record<string, unknown>} [overrides] */
export const statement = (participant, text, overrides = {}) => pollAnswer({ statement: text }, { participant, signals: { honeypot: false, fillMs: 9000 }, ...overrides });

/** GET /v1/polls/{id}. @param {string} url  @param {string} id  @param {{ site?: string, participant?: string, origin?: string }} [query] */
export async function getPoll(url, id, { site = 'adult-social-care', participant, origin = ORIGIN } = {}) {
  const params = new URLSearchParams({ site, ...(participant ? { participant } : {}) });
  const response = await fetch(`${url}/v1/polls/${encodeURIComponent(id)}?${params}`, { headers: origin ? { origin } : {} });
  return { status: response.status, headers: response.headers, json: /** @type {any} */ (await response.json()) };
}

/** The counts of one question in a GET body. @param {any} body  @param {string} question */
export const countsOf = (body, question) => body.questions.find((/** @type {any} */ q) => q.id === question)?.results;
