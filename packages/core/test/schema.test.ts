import { expect } from '@esm-bundle/chai';
import { checkSubmission, MAX_ANSWER_NUMBER, MAX_FILL_MS, MAX_SUBMISSION_BYTES } from '../src/schema.js';

const valid = () => ({
  id: '0b6a2f7e-3c1d-4e5f-8a9b-0c1d2e3f4a5b',
  site: 'adult-social-care',
  widget: 'feedback',
  instance: 'feedback',
  page: { url: 'https://www.example.gov.uk/adult-social-care/help-at-home', title: 'Help at home' },
  lang: 'cy',
  answers: { reason: 'problem', trying: 'Find a care home', wrong: 'The list was empty' } as Record<string, unknown>,
  signals: { honeypot: false, fillMs: 5200 },
  clientTime: '2026-11-26T09:00:00.000Z',
  sdkVersion: '0.1.0',
});

const problemsOf = (value: unknown) => {
  const result = checkSubmission(value);
  return result.ok ? [] : [...new Set(result.problems.map((p) => p.field))];
};

describe('submission schema', () => {
  it('accepts a well-formed submission', () => {
    expect(checkSubmission(valid()).ok).to.equal(true);
  });

  for (const key of ['constructor', 'toString', 'hasOwnProperty', 'prototype', '__proto__', 'two words', '']) {
    it(`refuses the answer key ${JSON.stringify(key)} rather than dropping it`, () => {
      const submission = valid();
      submission.answers = JSON.parse(`{"useful": true, ${JSON.stringify(key)}: "x"}`);
      expect(problemsOf(submission)).to.deep.equal(['answers']);
    });
  }

  for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'https://www.example.gov.uk/page?name=Jane', 'https://www.example.gov.uk/page#top', '/relative']) {
    it(`refuses the page address ${url}`, () => {
      const submission = valid();
      submission.page.url = url;
      expect(problemsOf(submission)).to.deep.equal(['page.url']);
    });
  }

  it(`refuses a submission over ${MAX_SUBMISSION_BYTES} bytes as UTF-8 JSON, though each answer is in limits`, () => {
    const submission = valid();
    // 30 answers of 2,000 characters is allowed field by field, but 'é' is two bytes each.
    submission.answers = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, 'é'.repeat(2000)]));
    const result = checkSubmission(submission);
    expect(result.ok).to.equal(false);
    expect(result.ok ? '' : result.problems[0]!.message).to.contain(`${MAX_SUBMISSION_BYTES} bytes`);
  });

  it(`refuses a submission over ${MAX_SUBMISSION_BYTES} bytes once its text is escaped as JSON`, () => {
    const submission = valid();
    // 12,000 characters of text, but each control character is six bytes in JSON (\u0001).
    submission.answers = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, '\u0001'.repeat(400)]));
    expect(problemsOf(submission)).to.deep.equal(['(body)']);
  });

  it(`accepts a submission just under ${MAX_SUBMISSION_BYTES} bytes, counted in bytes rather than characters`, () => {
    const submission = valid();
    // About 58,800 bytes in some 29,800 characters: too many characters to pass on length alone.
    submission.answers = Object.fromEntries(Array.from({ length: 29 }, (_, i) => [`a${i}`, 'é'.repeat(1000)]));
    expect(checkSubmission(submission).ok).to.equal(true);
  });

  it('accepts a poll participant id only in the shape the collector issues (a version 4 UUID and its signature)', () => {
    const uuid = '7d3f1c2e-9a4b-4c5d-8e6f-1a2b3c4d5e6f';
    expect(checkSubmission({ ...valid(), widget: 'poll', participant: `${uuid}.${'A'.repeat(43)}` }).ok).to.equal(true);
    for (const participant of [uuid, `${uuid}.short`, 'someone@example.com']) {
      expect(problemsOf({ ...valid(), widget: 'poll', participant }), participant).to.deep.equal(['participant']);
    }
  });

  it('bounds every number to what every store keeps exactly', () => {
    const withSignals = (fillMs: number) => ({ ...valid(), signals: { honeypot: false, fillMs } });
    expect(problemsOf(withSignals(MAX_FILL_MS))).to.deep.equal([]);
    for (const fillMs of [MAX_FILL_MS + 1, 1e20, 2 ** 53 + 2, 2.5, Infinity, NaN]) expect(problemsOf(withSignals(fillMs)), String(fillMs)).to.deep.equal(['signals.fillMs']);
    const withAnswer = (value: number) => ({ ...valid(), answers: { value } });
    for (const value of [MAX_ANSWER_NUMBER, -MAX_ANSWER_NUMBER, 0, -0, 0.25]) expect(problemsOf(withAnswer(value)), String(value)).to.deep.equal([]);
    for (const value of [MAX_ANSWER_NUMBER + 1, -1e308, Infinity, NaN]) expect(problemsOf(withAnswer(value)), String(value)).to.deep.equal(['answers.value']);
  });

  it('names every field that is wrong', () => {
    const submission = { ...valid(), site: 'Adult Social Care', widget: 'survey', signals: { honeypot: 'no', fillMs: -1 } };
    expect(problemsOf(submission)).to.have.members(['site', 'widget', 'signals.honeypot', 'signals.fillMs']);
  });
});
