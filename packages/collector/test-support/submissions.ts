// Submissions as the browser sends them, for any test: no server, no database (the store
// contracts in test/contracts/ build on these, and must not touch SQLite).
import { randomUUID } from 'node:crypto';
import type { Submission } from '@tandem/core/schema.js';

export const ORIGIN = 'https://www.example-council.gov.uk';

/** A valid feedback form answer, as the browser sends it. */
export function makeSubmission(overrides: Record<string, unknown> = {}): Submission {
  // A test may override it into an invalid one on purpose: what it sends is for the server to judge.
  return {
    id: randomUUID(),
    site: 'adult-social-care',
    widget: 'feedback',
    instance: 'page-feedback',
    page: { url: 'https://www.example-council.gov.uk/adult-social-care/', title: 'Adult social care' },
    lang: 'en',
    answers: { reason: 'problem', trying: 'Find out about home care', wrong: 'The form would not send' },
    signals: { honeypot: false, fillMs: 12000 },
    clientTime: '2026-11-26T09:30:00.000Z',
    sdkVersion: '0.1.0',
    ...overrides,
  } as Submission;
}

/** The contact details of an offer of help; a test looks for them in the database file. */
export const OFFER_CONTACT = Object.freeze({ name: 'Gwenllian Parry-Okafor', email: 'gwen.parry.okafor@example.com', prefer: 'email' });

/**
 * A valid offer of help from the example list (config/pledges/help-your-neighbourhood.json),
 * as the pledge widget sends it: litter picks in the north on weekend mornings, monthly.
 */
export function makeOffer(overrides: Record<string, unknown> = {}): Submission {
  return makeSubmission({
    widget: 'pledge',
    instance: 'help-your-neighbourhood',
    answers: { ways: ['litter-picks'], areas: ['north'], when: ['weekends-mornings'], often: 'monthly', age: 'adult', note: 'I have a car' },
    contact: { ...OFFER_CONTACT },
    ...overrides,
  });
}
