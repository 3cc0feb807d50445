import { expect } from '@esm-bundle/chai';
import { characters, pollStatus, RESIDENT_QUESTION, statementKey, statementLengthProblem, STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH } from '../src/protocol/poll.js';

describe('poll protocol: the rules the widget and the collector share', () => {
  it('counts characters as a person does, an emoji as one', () => {
    expect(characters('\u{1F44D} good')).to.equal(6);
    expect(characters('Siân')).to.equal(4);
  });

  it('takes statements of 10 to 280 characters after trimming', () => {
    expect(statementLengthProblem(`  ${'a'.repeat(STATEMENT_MIN_LENGTH - 1)}  `)).to.equal('too-short');
    expect(statementLengthProblem('a'.repeat(STATEMENT_MIN_LENGTH))).to.equal(undefined);
    expect(statementLengthProblem('\u{1F600}'.repeat(STATEMENT_MAX_LENGTH))).to.equal(undefined);
    expect(statementLengthProblem('a'.repeat(STATEMENT_MAX_LENGTH + 1))).to.equal('too-long');
  });

  it('finds two statements the same whatever their case, punctuation, spacing or compatibility forms', () => {
    expect(statementKey('Open on Saturdays, please!')).to.equal(statementKey('open on   SATURDAYS please'));
    // Full-width letters (as some phone keyboards type them) and a ligature.
    expect(statementKey('Ｏｐｅｎ on Saturdays')).to.equal(statementKey('open on saturdays'));
    expect(statementKey('ﬁx the lift')).to.equal(statementKey('fix the lift'));
    expect(statementKey('Mwy o fysiau')).not.to.equal(statementKey('Mwy o fysiau i Aber'));
  });

  it('tells upcoming, open and closed from the poll times', () => {
    const poll = { opensAt: '2026-11-01T00:00:00Z', closesAt: '2026-11-30T23:59:59Z' };
    expect(pollStatus(poll, Date.parse('2026-10-31T23:59:59Z'))).to.equal('upcoming');
    expect(pollStatus(poll, Date.parse('2026-11-01T00:00:00Z'))).to.equal('open');
    expect(pollStatus(poll, Date.parse('2026-11-30T23:59:59Z'))).to.equal('open');
    expect(pollStatus(poll, Date.parse('2026-12-01T00:00:00Z'))).to.equal('closed');
  });

  it('knows a published resident statement by its question id', () => {
    expect(RESIDENT_QUESTION.exec('s-42')?.[1]).to.equal('42');
    expect(RESIDENT_QUESTION.test('overall')).to.equal(false);
    expect(RESIDENT_QUESTION.test('s-')).to.equal(false);
  });
});
