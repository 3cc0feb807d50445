// The fingerprint is stored with every answer and compared with each retry, so it must never
// change between versions: an answer sent before an upgrade and retried after it must still be
// a retry (200), not a clash (409). Pinned here to values worked out by the first version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprint, foldKey, redactAnswers, sortedAnswersJson, toRecord } from '../src/submission.js';
import type { Submission } from '@tandem/core/schema.js';

const PINNED: [Submission, string][] = [
  [
    {
      id: '7d3f1c2e-9a4b-4c5d-8e6f-1a2b3c4d5e6f', site: 'adult-social-care', widget: 'feedback', instance: 'page-feedback',
      page: { url: 'https://www.example-council.gov.uk/adult-social-care/', title: 'Adult social care – “help”' }, lang: 'en',
      answers: { wrong: 'The form would not send', reason: 'problem', trying: 'Find out about home care' },
      signals: { honeypot: false, fillMs: 12000 }, clientTime: '2026-11-26T09:30:00.000Z', sdkVersion: '0.1.0',
    },
    'sxzpog-HCeO4XngiCwxmCvgZngxYMMf1cSAxfBZw9S4',
  ],
  [
    {
      id: '7d3f1c2e-9a4b-4c5d-8e6f-1a2b3c4d5e70', site: 'parks', widget: 'poll', instance: 'park-poll',
      page: { url: 'http://localhost:8080/', title: 'Parks' }, lang: 'cy',
      answers: { question: 'ease', choice: 'agree', list: ['a', 'b'], n: 1.5, yes: true },
      signals: { honeypot: true, fillMs: 0 }, clientTime: '2026-11-26T09:30:00+01:00', sdkVersion: '0.2.0',
      participant: '7d3f1c2e-9a4b-4c5d-8e6f-1a2b3c4d5e71',
    },
    'BfWSh3TOkSA0dm3hIAyXYvZPQOY6f90U1AKclHHP4g8',
  ],
];

describe('fingerprint', () => {
  it('is the same in every version, for answers stored long ago', () => {
    for (const [submission, pinned] of PINNED) {
      assert.equal(fingerprint(submission), pinned);
      assert.equal(toRecord(submission, 0, null, sortedAnswersJson(submission.answers)).fingerprint, pinned);
    }
  });

  it('does not depend on the order of keys, and changes with any answer', () => {
    const [submission, pinned] = PINNED[0];
    const reordered = { ...submission, answers: Object.fromEntries(Object.entries(submission.answers).reverse()) };
    assert.equal(fingerprint(reordered), pinned);
    assert.notEqual(fingerprint({ ...submission, answers: { ...submission.answers, wrong: 'Something else' } }), pinned);
  });
});

describe('foldKey', () => {
  const [submission] = PINNED[0];
  it('is the same for the same words, page and address, whatever the id, time or key order', () => {
    const again = { ...submission, id: crypto.randomUUID(), clientTime: '2026-11-26T09:31:00.000Z', answers: { ...submission.answers } };
    assert.equal(foldKey(again, '192.0.2.1', 'secret'), foldKey(submission, '192.0.2.1', 'secret', sortedAnswersJson(submission.answers)));
  });

  it('differs with the address, the page or the secret', () => {
    const key = foldKey(submission, '192.0.2.1', 'secret');
    assert.notEqual(foldKey(submission, '192.0.2.2', 'secret'), key);
    assert.notEqual(foldKey({ ...submission, page: { ...submission.page, url: 'https://www.example-council.gov.uk/carers/' } }, '192.0.2.1', 'secret'), key);
    assert.notEqual(foldKey(submission, '192.0.2.1', 'another secret'), key);
  });
});

it('redacts every text answer and list item, and leaves the rest', () => {
  const redacted = redactAnswers({ trying: 'Call me on 07700 900123', list: ['a@example.com', 'b'], yes: true, n: 3 });
  assert.doesNotMatch(JSON.stringify(redacted), /07700|a@example/);
  assert.deepEqual([redacted.yes, redacted.n, (redacted.list as string[])[1]], [true, 3, 'b']);
});
