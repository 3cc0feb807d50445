// Repeats: the same written answer sent again from the same address within minutes (a double
// press, a bot) is kept but folded into the first: answered as any answer, never counted twice.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { repeatTracker } from '../src/repeats.js';
import { FOLD_WINDOW_MS, foldKey } from '../src/submission.js';
import { makeSubmission, post, startTestCollector } from '../test-support/helpers.js';

let collector: Awaited<ReturnType<typeof startTestCollector>>;
before(async () => {
  collector = await startTestCollector({ trustProxy: '127.0.0.1' });
});
after(() => collector.close());

let n = 0;
/** A written answer no other test sends. */
const written = (overrides: Record<string, unknown> = {}) =>
  makeSubmission({ answers: { reason: 'problem', trying: `Book a carer's assessment (${n++})`, wrong: 'The page timed out' }, ...overrides });

describe('repeats within minutes', () => {
  it('folds the same written answer from the same address into the first, answering 201 to both', async () => {
    const first = written();
    const again = { ...first, id: crypto.randomUUID(), signals: { honeypot: false, fillMs: 15000 } };
    const responses = [await post(collector.url, first), await post(collector.url, again)];
    assert.deepEqual(responses.map((response) => response.status), [201, 201]);
    assert.equal((await collector.store.submissions.get(first.id))?.quarantine, null);
    const repeat = await collector.store.submissions.get(again.id);
    assert.equal(repeat?.quarantine, 'repeat');
    assert.equal(repeat?.repeatOf, first.id);
    // Exactly once still holds for the repeat's own id.
    assert.equal((await post(collector.url, again)).status, 200);
  });

  it('shows a repeat only in the quarantine view, never in the inbox', async () => {
    const first = written();
    await post(collector.url, first);
    await post(collector.url, { ...first, id: crypto.randomUUID() });
    const text = first.answers.trying as string;
    const inbox = await collector.store.dashboard.listAnswers({ text }, { limit: 10, offset: 0 });
    const held = await collector.store.dashboard.listAnswers({ text, quarantined: true }, { limit: 10, offset: 0 });
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
      assert.equal((await collector.store.submissions.get(submission.id))?.quarantine, null, submission.id);
    }
  });

  it('folds only the same person: the same words from two page loads behind one address (a library) are two answers', async () => {
    const [desk1, desk2] = [crypto.randomUUID(), crypto.randomUUID()];
    const first = written({ signals: { honeypot: false, fillMs: 15000, sender: desk1 } });
    const neighbour = { ...first, id: crypto.randomUUID(), signals: { ...first.signals, sender: desk2 } };
    const again = { ...first, id: crypto.randomUUID() };
    for (const submission of [first, neighbour, again]) assert.equal((await post(collector.url, submission)).status, 201);
    assert.deepEqual(
      await Promise.all([first, neighbour, again].map(async ({ id }) => (await collector.store.submissions.get(id))?.quarantine)),
      [null, null, 'repeat'],
    );
    // The sender id only tells people apart: it is not kept.
    assert.doesNotMatch(JSON.stringify(await collector.store.submissions.get(first.id)), new RegExp(desk1));
  });

  it('leaves poll answers to the poll, which keeps one answer per participant and question', () => {
    const vote = makeSubmission({ widget: 'poll', instance: 'day-centres-2026', participant: crypto.randomUUID(), answers: { question: 'overall', choice: '4' } });
    const secret = randomBytes(32).toString('base64url');
    assert.equal(foldKey(vote, '127.0.0.1', secret), null);
    assert.equal(foldKey(makeSubmission({ answers: { useful: false } }), '127.0.0.1', secret), null);
    assert.ok(foldKey(makeSubmission(), '127.0.0.1', secret));
  });
});

describe('remembering which answer came first', () => {
  it('folds within the window only, and never takes a retry for a repeat', () => {
    const repeats = repeatTracker({ windowMs: FOLD_WINDOW_MS });
    const start = 1_000_000;
    assert.equal(repeats.firstOf('same words, same address', 'first', start), null);
    assert.equal(repeats.firstOf('same words, same address', 'first', start + 1000), null, 'a retry of the first');
    assert.equal(repeats.firstOf('same words, same address', 'second', start + FOLD_WINDOW_MS - 1), 'first');
    assert.equal(repeats.firstOf('other words', 'third', start + 2000), null);
    // Past the window the same words are a new answer, and the first from then on.
    assert.equal(repeats.firstOf('same words, same address', 'later', start + FOLD_WINDOW_MS + 1), null);
    assert.equal(repeats.firstOf('same words, same address', 'later still', start + FOLD_WINDOW_MS + 2), 'later');
  });

  it('forgets an answer that could not be stored, so its retry is not a repeat of itself', () => {
    const repeats = repeatTracker();
    assert.equal(repeats.firstOf('key', 'unstored', 0), null);
    repeats.forget('key', 'unstored');
    assert.equal(repeats.firstOf('key', 'other', 1), null);
  });

  it('keeps its memory bounded under a flood of different answers', () => {
    const repeats = repeatTracker({ max: 1000 });
    for (let i = 0; i < 5000; i++) repeats.firstOf(`answer ${i}`, `id ${i}`, i);
    assert.ok(repeats.size <= 1001, `${repeats.size} remembered`);
    assert.equal(repeats.firstOf('answer 4999', 'again', 5000), 'id 4999', 'the newest are kept');
  });
});
