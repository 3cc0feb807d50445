// Records as the routes hand them to a store, built from submissions as browsers send them.
// No database here: the contracts must run against any store.
import { randomUUID } from 'node:crypto';
import { referenceOf } from '@tandem/core/protocol.js';
import { statementKey } from '../../src/polls/definition.js';
import { toRecord } from '../../src/submission.js';
import { statement, vote } from '../../test-support/poll-answers.js';
import { makeSubmission } from '../../test-support/submissions.js';
import { NOW } from './support.js';
import type { SubmissionRecord } from '../../src/store/store.js';
import type { Submission } from '@tandem/core/schema.js';

export const POLL_ID = 'day-centres-2026';

/** A feedback form answer (or, with overrides, any widget's) received at `receivedAt`. */
export const feedback = (overrides: Record<string, unknown> = {}, receivedAt = NOW): SubmissionRecord => toRecord(makeSubmission(overrides), receivedAt);

/** A one-click "Was this page useful?" vote. */
export const usefulVote = (useful: boolean, receivedAt = NOW, overrides: Record<string, unknown> = {}) =>
  feedback({ answers: { useful }, signals: { honeypot: false, fillMs: 800 }, ...overrides }, receivedAt);

/** A finder answer (a search, its choice, or "did this answer your need?"). */
export const finderAnswer = (answers: Record<string, string | number | boolean>, receivedAt: number, { url = 'https://www.example-council.gov.uk/adult-social-care/', site = 'adult-social-care', honeypot = false } = {}) =>
  feedback({ site, widget: 'finder', instance: 'finder', page: { url, title: 'Find help' }, answers, signals: { honeypot, fillMs: answers.need ? 15000 : 0 } }, receivedAt);

const pollRecord = (submission: Submission, poll: SubmissionRecord['poll'], receivedAt: number): SubmissionRecord => ({ ...toRecord(submission, receivedAt), poll });

/** A participant's vote, with the action the route would attach. */
export const voteRecord = (participant: string, question: string, choice: string, { pollId = POLL_ID, receivedAt = NOW, clientTime = new Date(receivedAt).toISOString(), honeypot = false } = {}) =>
  pollRecord(vote(participant, question, choice, { instance: pollId, clientTime, signals: { honeypot, fillMs: 400 } }), { kind: 'vote', pollId, question, choice }, receivedAt);

/** A participant's statement, with the action the route would attach. */
export const statementRecord = (participant: string, text: string, { pollId = POLL_ID, receivedAt = NOW } = {}) =>
  pollRecord(statement(participant, text, { instance: pollId, clientTime: new Date(receivedAt).toISOString() }), { kind: 'statement', pollId, text, key: statementKey(text) }, receivedAt);

export const participant = () => randomUUID();

export const PLEDGE_LIST_ID = 'help-your-neighbourhood';

/**
 * An offer of help with the action the route would attach; its contact is a stand-in for a
 * sealed value (the store keeps it as given, and cannot open it).
 */
export const offerRecord = (choices: Partial<NonNullable<SubmissionRecord['offer']>> = {}, { receivedAt = NOW, site = 'adult-social-care', honeypot = false } = {}): SubmissionRecord => {
  const id = randomUUID();
  const offer = {
    listId: PLEDGE_LIST_ID, reference: referenceOf(id), ways: ['litter-picks'], areas: ['north'], when: ['weekends-mornings'], often: 'monthly',
    age: 'adult' as const, note: '', prefer: 'email' as const, sealedContact: `c1.test.${id}`, ...choices,
  };
  const answers = { ways: offer.ways, areas: offer.areas, when: offer.when, often: offer.often, age: offer.age };
  const submission = makeSubmission({ id, site, widget: 'pledge', instance: offer.listId, answers, signals: { honeypot, fillMs: 60000 } });
  return { ...toRecord(submission, receivedAt), offer };
};
