// One resident's odd answer never fails another's. Each odd-but-possible value (numbers at or
// past the schema's bounds, -0, NUL, lone surrogates, far-past and far-future times, the
// longest texts and lists) is sent in a burst of honest answers that share its batch: every
// honest one gets its 201, and the odd one a 201 or a 4xx naming the field, never a 5xx.
// Then hundreds of generated valid bodies near every limit are all stored, and a record the
// database would not take (a gap in the schema, injected below the route) is refused alone.
import type { Submission } from '@tandem/core/schema.js';
import type { SubmissionRecord } from '../src/store/store.js';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MAX_ANSWER_NUMBER, MAX_FILL_MS, MAX_SUBMISSION_BYTES, MAX_TEXT } from '@tandem/core/schema.js';
import { databaseFile } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { makeSubmission, ORIGIN, post, random, startTestCollector, tempDir } from '../test-support/helpers.js';
import { startPollCollector, statement, vote } from '../test-support/polls.js';

let collector: Awaited<ReturnType<typeof startPollCollector>>;
before(async () => {
  collector = await startPollCollector();
});
after(() => collector.close());

const honest = () => makeSubmission({ answers: { useful: true }, signals: { honeypot: false, fillMs: 3000 } });
const form = (answers: Record<string, unknown>, overrides: Record<string, unknown> = {}) => makeSubmission({ answers, ...overrides });
const EMOJI = '\u{1F600}';

// A poll answer's participant is issued by the collector, which starts before each case: so made then.
const ODD: [string, Submission | (() => Submission)][] = [
  ['fillMs past the day it may be', makeSubmission({ signals: { honeypot: false, fillMs: 1e20 } })],
  ['fillMs an unsafe integer', makeSubmission({ signals: { honeypot: false, fillMs: 2 ** 53 + 2 } })],
  ['fillMs a day exactly', makeSubmission({ signals: { honeypot: false, fillMs: MAX_FILL_MS } })],
  ['fillMs a fraction', makeSubmission({ signals: { honeypot: false, fillMs: 2500.5 } })],
  ['an answer of -0', form({ rating: -0 })],
  ['answers at the number bounds', form({ most: MAX_ANSWER_NUMBER, least: -MAX_ANSWER_NUMBER, tiny: 5e-324 })],
  ['an answer past the number bound', form({ rating: MAX_ANSWER_NUMBER + 1 })],
  ['an answer of 1e308', form({ rating: 1e308 })],
  ['an unsafe integer answer', form({ rating: Number.MAX_SAFE_INTEGER + 2 })],
  ['NUL in the answers, title and version', form({ trying: 'home\u0000care', wrong: '\u0000' }, { page: { url: `${ORIGIN}/a`, title: 'Care\u0000' }, sdkVersion: '0.1\u0000' })],
  ['lone surrogates everywhere', form({ trying: `x\ud800y${EMOJI.slice(0, 1)}`, wrong: '\udc00', list: ['\ud83d'] }, { page: { url: `${ORIGIN}/\ud800`, title: '\udfff' }, sdkVersion: '\ud800' })],
  ['a time in the year 0', makeSubmission({ clientTime: '0000-01-01T00:00:00.000Z' })],
  ['a time in the year 9999', makeSubmission({ clientTime: '9999-12-31T23:59:59.999Z' })],
  ['the 30th of February', makeSubmission({ clientTime: '2026-02-30T12:00:00Z' })],
  ['the longest text, in emoji', form({ trying: EMOJI.repeat(MAX_TEXT / 2), wrong: 'é'.repeat(MAX_TEXT) })],
  ['a text one past the limit', form({ trying: 'x'.repeat(MAX_TEXT + 1) })],
  ['the longest list', form({ list: Array.from({ length: 50 }, () => 'ŵ'.repeat(200)) })],
  ['30 answers to just under the byte limit', form(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, 'x'.repeat(Math.floor(MAX_SUBMISSION_BYTES / 30) - 40)])))],
  ['the longest page address and title', makeSubmission({ page: { url: `${ORIGIN}/${'a'.repeat(2048 - ORIGIN.length - 1)}`, title: 'T'.repeat(300) } })],
  ['a poll vote from the year 9999', () => vote(collector.newParticipant(), 'overall', '5', { clientTime: '9999-12-31T23:59:59.999Z' })],
  ['a poll statement with NUL and a lone surrogate', () => statement(collector.newParticipant(), `Open on Saturdays\u0000 please \ud800 ${randomUUID()}`)],
];

describe('an odd answer in a burst of honest ones', () => {
  for (const [name, made] of ODD) {
    it(name, async () => {
      const odd = typeof made === 'function' ? made() : made;
      const burst = [odd, ...Array.from({ length: 11 }, honest)];
      const replies = await Promise.all(burst.map((body) => post(collector.url, body)));
      assert.deepEqual(replies.slice(1).map((reply) => reply.status), Array(11).fill(201), 'every honest answer is stored');
      const [reply] = replies;
      assert.ok(reply && reply.status < 500, `the odd one is never a 5xx (got ${reply?.status} ${reply?.text})`);
      if (reply.status >= 400) {
        assert.equal(reply.status, 422);
        const problems = reply.json!.problems!;
        assert.ok(problems.length > 0 && problems.every((p) => typeof p.field === 'string' && p.field !== '(body)'), reply.text);
        return;
      }
      const stored = await collector.store.submissions.get(odd.id);
      assert.ok(stored, 'a 201 means it is stored');
      // What is stored is text every store can keep: no NUL, no lone surrogate.
      const text = JSON.stringify([stored.answers, stored.pageTitle, stored.pageUrl, stored.sdkVersion]);
      assert.doesNotMatch(text, /\\u0000|[\ud800-\udfff]/u);
    });
  }
});

describe('generated valid answers near every limit', () => {
  it('are all stored, 12 at a time', async () => {
    const rng = random(20261203);
    const texts = ['x', 'é', EMOJI, 'ŵ', '\u0000', '"', '\\', '\n'];
    const text = (most: number) => rng.pick(texts).repeat(1 + rng.int(most)).slice(0, most);
    const generate = () => {
      const answers: Record<string, unknown> = {};
      const count = 1 + rng.int(30);
      for (let i = 0; i < count; i++) {
        const kind = rng.int(4);
        answers[`a${i}`] = kind === 0 ? text(Math.floor(MAX_TEXT / count)) : kind === 1 ? rng.pick([MAX_ANSWER_NUMBER, -MAX_ANSWER_NUMBER, 0, -0, 0.5, 1]) : kind === 2 ? rng.pick([true, false]) : Array.from({ length: rng.int(51) }, () => text(200)).slice(0, Math.floor(50 / count) + 1);
      }
      return makeSubmission({
        answers,
        page: { url: `${ORIGIN}/${'p'.repeat(rng.int(2000))}`, title: text(300) },
        signals: { honeypot: false, fillMs: rng.pick([0, 1999, 2000, MAX_FILL_MS - 1, MAX_FILL_MS]) },
        clientTime: rng.pick(['0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-12-03T10:00:00+01:00', new Date().toISOString()]),
        sdkVersion: text(40),
        instance: rng.pick(['a', 'a'.repeat(63), 'page-feedback']),
      });
    };
    let stored = 0;
    for (let burst = 0; burst < 25; burst++) {
      const bodies = Array.from({ length: 12 }, generate);
      const replies = await Promise.all(bodies.map((body) => post(collector.url, body)));
      for (const [i, reply] of replies.entries()) {
        // A body over the byte limit is refused by the schema, naming it; anything else is stored.
        if (reply.status === 422) assert.match(reply.text, /bytes as JSON/, JSON.stringify(bodies[i]).slice(0, 200));
        else assert.equal(reply.status, 201, reply.text);
        if (reply.status === 201) stored++;
      }
    }
    assert.ok(stored > 250, `most generated answers fit (${stored} of 300)`);
  });
});

describe('a record the database would not take', () => {
  it('is refused alone with a 422 naming its field, and the rest of its batch is stored', async () => {
    const dir = tempDir();
    const real = openSqliteStore({ file: databaseFile(dir) });
    // A gap in the schema, simulated below the route: one instance's fill time becomes a
    // number no integer column holds.
    const store = { ...real, submissions: { ...real.submissions, save: (record: SubmissionRecord) => real.submissions.save(record.instance === 'broken' ? { ...record, fillMs: 1e20 } : record) } };
    const gap = await startTestCollector({}, { store });
    try {
      const odd = makeSubmission({ instance: 'broken' });
      const replies = await Promise.all([odd, ...Array.from({ length: 11 }, honest)].map((body) => post(gap.url, body)));
      assert.deepEqual(replies.map((reply) => reply.status), [422, ...Array(11).fill(201)]);
      assert.deepEqual(replies[0]?.json?.problems, [{ field: 'signals.fillMs', message: 'cannot be stored: a value here is outside what the collector keeps' }]);
      assert.equal(await real.submissions.get(odd.id), undefined);
      assert.equal(await real.submissions.count(), 11);
      // Sent again (as its outbox would not, a 4xx being final), it is refused again, not stored.
      assert.equal((await post(gap.url, odd)).status, 422);
    } finally {
      await gap.close();
    }
  });
});
