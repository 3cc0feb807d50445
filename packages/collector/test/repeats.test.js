// Repeats: the same written answer sent again from the same address within minutes (a double
// press, a bot) is kept but folded into the first: answered as any answer, never counted twice.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../src/store/sqlite.js';
import { FOLD_WINDOW_MS, foldKey, toRecord } from '../src/submission.js';
import { makeSubmission, post, startTestCollector, tempDir } from '../test-support/helpers.js';

/** @type {Awaited<ReturnType<typeof startTestCollector>>} */
let collector;
before(async () => {
  collector = await startTestCollector({ trustProxy: '127.0.0.1' });
});
after(() => collector.close());

let n = 0;
/** A written answer no other test sends. */
const written = (/** @type {Record<string, any>} */ overrides = {}) =>
  makeSubmission({ answers: { reason: 'problem', trying: `Book a carer's assessment (${n++})`, wrong: 'The page timed out' }, ...overrides });

describe('repeats within minutes', () => {
  it('folds the same written answer from the same address into the first, answering 201 to both', async () => {
    const first = written();
    const again = { ...first, id: crypto.randomUUID(), signals: { honeypot: false, fillMs: 15000 } };
    const responses = [await post(collector.url, first), await post(collector.url, again)];
    assert.deepEqual(responses.map((response) => response.status), [201, 201]);
    assert.equal((await collector.store.getSubmission(first.id))?.quarantine, null);
    const repeat = await collector.store.getSubmission(again.id);
    assert.equal(repeat?.quarantine, 'repeat');
    assert.equal(repeat?.repeatOf, first.id);
    // Exactly once still holds for the repeat's own id.
    assert.equal((await post(collector.url, again)).status, 200);
  });

  it('shows a repeat only in the quarantine view, never in the inbox', async () => {
    const first = written();
    await post(collector.url, first);
    await post(collector.url, { ...first, id: crypto.randomUUID() });
    const text = /** @type {string} */ (first.answers.trying);
    const inbox = await collector.store.listAnswers({ text }, { limit: 10, offset: 0 });
    const held = await collector.store.listAnswers({ text, quarantined: true }, { limit: 10, offset: 0 });
    assert.deepEqual(inbox.rows.map((row) => row.id), [first.id]);
    assert.equal(held.rows.length, 1);
    assert.equal(held.rows[0]?.quarantine, 'repeat');
  });

  it('keeps answers that differ, come from other addresses, or carry no text', async () => {
    const first = written();
    const otherWords = { ...first, id: crypto.randomUUID(), answers: { ...first.answers, wrong: 'Something else went wrong' } };
    const otherPage = { ...first, id: crypto.randomUUID(), page: { url: 'https://www.example-council.gov.uk/carers/', title: 'Carers' } };
    const otherAddress = { ...first, id: crypto.randomUUID() };
    // Fifty people in one office each pressing Yes are fifty votes.
    const votes = Array.from({ length: 50 }, () => makeSubmission({ answers: { useful: true }, signals: { honeypot: false, fillMs: 800 } }));
    for (const submission of [first, otherWords, otherPage]) assert.equal((await post(collector.url, submission)).status, 201);
    assert.equal((await post(collector.url, otherAddress, { 'x-forwarded-for': '198.51.100.7' })).status, 201);
    for (const vote of votes) assert.equal((await post(collector.url, vote)).status, 201);
    for (const submission of [first, otherWords, otherPage, otherAddress, ...votes]) {
      assert.equal((await collector.store.getSubmission(submission.id))?.quarantine, null, submission.id);
    }
  });

  it('leaves poll answers to the poll, which keeps one answer per participant and question', () => {
    const vote = makeSubmission({ widget: 'poll', instance: 'day-centres-2026', participant: crypto.randomUUID(), answers: { question: 'overall', choice: '4' } });
    const secret = randomBytes(32).toString('base64url');
    assert.equal(foldKey(/** @type {any} */ (vote), '127.0.0.1', secret), null);
    assert.equal(foldKey(/** @type {any} */ (makeSubmission({ answers: { useful: false } })), '127.0.0.1', secret), null);
    assert.ok(foldKey(/** @type {any} */ (makeSubmission()), '127.0.0.1', secret));
  });
});

describe('the fold window', () => {
  const dir = tempDir('tandem-repeats-');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('folds only within the window, and forgets fold keys once past it', async () => {
    const store = openSqliteStore({ file: join(dir, 'window.sqlite') });
    try {
      const submission = /** @type {any} */ (written());
      const key = 'same-answer-same-address';
      const at = (/** @type {number} */ receivedAt) => ({ ...toRecord({ ...submission, id: crypto.randomUUID() }, receivedAt, key) });
      const start = Date.now() - 3 * FOLD_WINDOW_MS;
      const first = at(start);
      const within = at(start + FOLD_WINDOW_MS - 1);
      const past = at(start + FOLD_WINDOW_MS + 1000);
      for (const record of [first, within, past]) await store.saveSubmission(record);
      assert.equal((await store.getSubmission(first.id))?.quarantine, null);
      assert.equal((await store.getSubmission(within.id))?.repeatOf, first.id);
      assert.equal((await store.getSubmission(past.id))?.quarantine, null, 'past the window: a new answer');
      await store.purgeBefore(0);
      for (const record of [first, within, past]) assert.equal((await store.getSubmission(record.id))?.foldKey, null);
    } finally {
      await store.close();
    }
  });
});
