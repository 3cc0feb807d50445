// Poll protocol v1 end to end against a real collector and SQLite: GET /v1/polls/{id}, votes and
// statements through POST /v1/submissions, and every refusal the contract names.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PARTICIPANT } from '@tandem/core/protocol.js';
import { after, before, describe, it } from 'node:test';
import { ORIGIN, OTHER_ORIGIN, post, random } from '../test-support/helpers.js';
import { CLOSED, countsOf, getPoll, NO_STATEMENTS, POLICY, POLL, pollAnswer, pollDefinition, startPollCollector, statement, UPCOMING, vote } from '../test-support/polls.js';
import type { ApiAnswer } from '../test-support/helpers.js';
import type { Submission } from '@tandem/core/schema.js';

let collector: Awaited<ReturnType<typeof startPollCollector>>;
before(async () => {
  collector = await startPollCollector();
});
after(() => collector.close());

function assertRefused(response: { status: number, json?: ApiAnswer }, status: number, code: string, field?: string) {
  assert.equal(response.status, status, JSON.stringify(response.json));
  assert.equal(response.json!.code, code);
  assert.equal(typeof response.json!.error, 'string');
  if (field) assert.equal(response.json!.field, field);
}

describe('GET /v1/polls/{id}', () => {
  it('serves the definition, its status, the site policy and empty results, never cached', async () => {
    const { status, headers, json } = await getPoll(collector.url, POLL);
    assert.equal(status, 200);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(json.id, POLL);
    assert.equal(json.site, 'adult-social-care');
    assert.equal(json.status, 'open');
    assert.equal(json.allowStatements, true);
    assert.deepEqual(json.policy, POLICY);
    assert.equal(json.response, null);
    assert.deepEqual(json.title, { en: 'Day centres in 2026', cy: 'Canolfannau dydd yn 2026' });
    assert.deepEqual(json.questions.map((q) => [q.id, q.type, q.origin]), [
      ['overall', 'rating', 'staff'], ['mood', 'faces', 'staff'], ['visits', 'choice', 'staff'], ['transport', 'statement', 'staff'],
    ]);
    assert.deepEqual(countsOf(json, 'overall'), { total: 0, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
    const transport = json.questions[3];
    assert.deepEqual(transport.options, [{ id: 'agree', label: null }, { id: 'disagree', label: null }, { id: 'unsure', label: null }]);
    assert.deepEqual(transport.results, { total: 0, counts: { agree: 0, disagree: 0, unsure: 0 } });
    assert.equal(json.questions[0].options[4].label!.cy, 'Da iawn');
    assert.equal('mine' in json, false, 'mine only with a participant');
  });

  it('gives upcoming and closed status', async () => {
    assert.equal((await getPoll(collector.url, UPCOMING)).json.status, 'upcoming');
    assert.equal((await getPoll(collector.url, CLOSED)).json.status, 'closed');
  });

  it('answers 404 for an unknown poll, another site, or no site; 400 for a bad participant', async () => {
    assert.equal((await getPoll(collector.url, 'no-such-poll')).status, 404);
    const other = await getPoll(collector.url, POLL, { site: 'other-site', origin: OTHER_ORIGIN });
    assert.equal(other.status, 404);
    assert.equal(typeof other.json.error, 'string');
    assert.equal((await getPoll(collector.url, POLL, { site: '' })).status, 404);
    assert.equal((await getPoll(collector.url, 'BAD_ID!')).status, 404);
    const bad = await getPoll(collector.url, POLL, { participant: 'not-a-uuid' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.field, 'participant');
  });

  it('lets only the site’s own origins read it', async () => {
    const foreign = await getPoll(collector.url, POLL, { origin: OTHER_ORIGIN });
    assert.equal(foreign.status, 200);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.match(foreign.headers.get('vary') ?? '', /Origin/);
  });

  it('takes no votes by GET or any method but POST', async () => {
    const response = await fetch(`${collector.url}/v1/polls/${POLL}?site=adult-social-care`, { method: 'POST', headers: { origin: ORIGIN } });
    assert.equal(response.status, 404);
  });
});

describe('votes', () => {
  it('counts a vote once, exactly once for a retry, and shows it in mine', async () => {
    const me = collector.newParticipant();
    const answer = vote(me, 'overall', '4');
    assert.equal((await post(collector.url, answer)).status, 201);
    assert.equal((await post(collector.url, answer)).status, 200);
    const { json } = await getPoll(collector.url, POLL, { participant: me });
    assert.equal(countsOf(json, 'overall')!.counts['4'], 1);
    assert.equal(countsOf(json, 'overall')!.total, 1);
    assert.deepEqual(json.mine!.answers, { overall: '4' });
    assert.deepEqual(json.mine!.statements, []);
    const stored = await collector.store.submissions.get(answer.id);
    assert.equal(stored?.participant, me);
    assert.equal(stored?.quarantine, null, 'a one-click vote is never "too fast"');
  });

  it('moves the count when an answer is changed, and never counts a second vote', async () => {
    const me = collector.newParticipant();
    const before = countsOf((await getPoll(collector.url, POLL)).json, 'visits');
    assert.equal((await post(collector.url, vote(me, 'visits', 'weekly'))).status, 201);
    assert.equal((await post(collector.url, vote(me, 'visits', 'weekly'))).status, 201, 'the same vote again (a new id) is stored');
    assert.equal((await post(collector.url, vote(me, 'visits', 'monthly'))).status, 201);
    const { json } = await getPoll(collector.url, POLL, { participant: me });
    const after = countsOf(json, 'visits');
    assert.equal(after!.counts.weekly, before!.counts.weekly);
    assert.equal(after!.counts.monthly, before!.counts.monthly + 1);
    assert.equal(after!.total, before!.total + 1);
    assert.equal(json.mine!.answers.visits, 'monthly');
  });

  it('keeps the newer answer when an older one arrives late', async () => {
    const me = collector.newParticipant();
    const older = vote(me, 'mood', '2', { clientTime: new Date(Date.now() - 60000).toISOString() });
    assert.equal((await post(collector.url, vote(me, 'mood', '5'))).status, 201);
    assert.equal((await post(collector.url, older)).status, 201);
    assert.equal((await getPoll(collector.url, POLL, { participant: me })).json.mine!.answers.mood, '5');
  });

  it('counts many participants answering at once exactly', async () => {
    const before = countsOf((await getPoll(collector.url, POLL)).json, 'mood');
    const people = Array.from({ length: 60 }, () => collector.newParticipant());
    const statuses = await Promise.all(people.map((p, i) => post(collector.url, vote(p, 'mood', String((i % 5) + 1))).then((r) => r.status)));
    assert.deepEqual(new Set(statuses), new Set([201]));
    // and each changes their mind, at once
    await Promise.all(people.map((p) => post(collector.url, vote(p, 'mood', '3'))));
    const after = countsOf((await getPoll(collector.url, POLL)).json, 'mood');
    assert.equal(after!.total, before!.total + 60);
    assert.deepEqual(after!.counts, { ...before!.counts, 3: before!.counts['3'] + 60 });
  });

  it('refuses a closed or upcoming poll with 409 poll-closed', async () => {
    assertRefused(await post(collector.url, vote(collector.newParticipant(), 'overall', '3', { instance: CLOSED })), 409, 'poll-closed');
    assertRefused(await post(collector.url, vote(collector.newParticipant(), 'overall', '3', { instance: UPCOMING })), 409, 'poll-closed');
  });

  it('refuses unknown questions, options, polls and answer shapes with 422', async () => {
    const me = collector.newParticipant();
    assertRefused(await post(collector.url, vote(me, 'nope', '1')), 422, 'unknown-question', 'answers.question');
    assertRefused(await post(collector.url, vote(me, 's-99999', 'agree')), 422, 'unknown-question', 'answers.question');
    assertRefused(await post(collector.url, vote(me, 'overall', '6')), 422, 'unknown-option', 'answers.choice');
    assertRefused(await post(collector.url, vote(me, 'transport', 'maybe')), 422, 'unknown-option', 'answers.choice');
    assertRefused(await post(collector.url, vote(me, 'visits', 'constructor')), 422, 'unknown-option');
    assertRefused(await post(collector.url, vote(me, 'overall', '1', { instance: 'no-such-poll' })), 422, 'unknown-poll', 'instance');
    assertRefused(await post(collector.url, vote(me, 'overall', '1', { site: 'other-site' }), { origin: OTHER_ORIGIN }), 422, 'unknown-poll');
    assertRefused(await post(collector.url, pollAnswer({ question: 'overall', choice: '1', extra: 'x' }, { participant: me })), 422, 'invalid-answer', 'answers');
    assertRefused(await post(collector.url, pollAnswer({ question: 'overall', choice: 5 }, { participant: me })), 422, 'invalid-answer');
    assert.equal(countsOf((await getPoll(collector.url, POLL, { participant: me })).json, 'overall')!.counts['6'], undefined);
  });

  // One person stuffed a poll by making new ids in the browser: 5 of 5 votes counted.
  it('issues each new device a signed participant id, and refuses ids it did not issue (422)', async () => {
    const ones = countsOf((await getPoll(collector.url, POLL)).json, 'overall')!.counts['1'];
    const first = (await getPoll(collector.url, POLL)).json.participant!;
    const second = (await getPoll(collector.url, POLL)).json.participant!;
    assert.match(first, PARTICIPANT);
    assert.notEqual(first, second);
    assert.equal((await post(collector.url, vote(first, 'overall', '4'))).status, 201);
    const known = (await getPoll(collector.url, POLL, { participant: first })).json;
    assert.deepEqual([known.participant, known.mine?.answers.overall], [undefined, '4']);

    const [, signature] = first.split('.');
    const madeUp = `${randomUUID()}.${signature}`;
    assertRefused(await post(collector.url, vote(madeUp, 'overall', '1')), 422, 'unknown-participant', 'participant');
    const plain = await post(collector.url, vote(randomUUID(), 'overall', '1'));
    assert.deepEqual([plain.status, plain.json?.problems?.[0]?.field], [422, 'participant']);
    // A device holding an id from elsewhere is treated as new: no answers, a fresh id.
    const stranger = (await getPoll(collector.url, POLL, { participant: madeUp })).json;
    assert.deepEqual([stranger.mine, typeof stranger.participant], [undefined, 'string']);
    assert.equal(countsOf((await getPoll(collector.url, POLL)).json, 'overall')!.counts['1'], ones);
  });

  it('refuses a poll answer without a participant, naming it (422)', async () => {
    const answer: Partial<Submission> = vote(collector.newParticipant(), 'overall', '1');
    delete answer.participant;
    assertRefused(await post(collector.url, answer), 422, 'participant-required', 'participant');
    const malformed = await post(collector.url, { ...answer, participant: 'abc' });
    assert.equal(malformed.status, 422);
    assert.deepEqual(malformed.json!.problems!.map((p) => p.field), ['participant']);
  });

  it('quarantines a honeypot vote, which never counts', async () => {
    const me = collector.newParticipant();
    const before = countsOf((await getPoll(collector.url, POLL)).json, 'overall')!.total;
    const bot = vote(me, 'overall', '1', { signals: { honeypot: true, fillMs: 10 } });
    assert.equal((await post(collector.url, bot)).status, 201);
    assert.equal((await collector.store.submissions.get(bot.id))?.quarantine, 'honeypot');
    const { json } = await getPoll(collector.url, POLL, { participant: me });
    assert.equal(countsOf(json, 'overall')!.total, before);
    assert.deepEqual(json.mine!.answers, {});
  });
});

describe('statements', () => {
  it('keeps a statement pending, shows it in mine only, redacted again on the server', async () => {
    const me = collector.newParticipant();
    const answer = statement(me, '  The minibus is late; email me at jo.bloggs@example.com  ');
    assert.equal((await post(collector.url, answer)).status, 201);
    const mine = (await getPoll(collector.url, POLL, { participant: me })).json;
    assert.equal(mine.mine!.statements.length, 1);
    const [own] = mine.mine!.statements;
    assert.match(own.id, /^s-\d+$/);
    assert.equal(own.text, 'The minibus is late; email me at [email]');
    assert.deepEqual({ status: own.status, reason: own.reason, reply: own.reply }, { status: 'pending', reason: null, reply: null });
    const others = (await getPoll(collector.url, POLL)).json;
    assert.ok(!others.questions.some((q) => q.origin === 'resident'), 'pending statements are not questions');
    assert.equal((await collector.store.submissions.get(answer.id))?.answers.statement, '  The minibus is late; email me at [email]  ');
  });

  it('takes 10 to 280 characters after trimming (422 statement-length otherwise)', async () => {
    assertRefused(await post(collector.url, statement(collector.newParticipant(), '   Too short  ')), 422, 'statement-length', 'answers.statement');
    assertRefused(await post(collector.url, statement(collector.newParticipant(), 'x'.repeat(281))), 422, 'statement-length');
    assert.equal((await post(collector.url, statement(collector.newParticipant(), '  Ten chars!  '))).status, 201);
    assert.equal((await post(collector.url, statement(collector.newParticipant(), `${'é'.repeat(279)}!`))).status, 201);
    // An emoji is one character, as a person counts.
    assert.equal((await post(collector.url, statement(collector.newParticipant(), `${'🙂'.repeat(279)}.`))).status, 201);
  });

  it('refuses the same statement again, ignoring case, punctuation and spaces (409)', async () => {
    assert.equal((await post(collector.url, statement(collector.newParticipant(), 'The cafe should open at weekends'))).status, 201);
    const again = statement(collector.newParticipant(), '  the CAFÉ... should open at week-ends!!');
    // "é" differs from "e": only case, punctuation and spaces are ignored.
    assert.equal((await post(collector.url, again)).status, 201);
    assertRefused(await post(collector.url, statement(collector.newParticipant(), 'THE CAFE SHOULD OPEN, AT WEEKENDS.')), 409, 'duplicate-statement', 'answers.statement');
    // A retry of a stored statement is still exactly-once, not a duplicate.
    assert.equal((await post(collector.url, again)).status, 200);
  });

  it('refuses statements where the poll takes none, and on a closed poll', async () => {
    assertRefused(await post(collector.url, statement(collector.newParticipant(), 'A statement for a poll without them', { instance: NO_STATEMENTS })), 422, 'statements-closed', 'answers.statement');
    assertRefused(await post(collector.url, statement(collector.newParticipant(), 'A statement for a closed poll', { instance: CLOSED })), 409, 'poll-closed');
  });

  it('holds back a statement typed in under two seconds, or with the honeypot, from moderation', async () => {
    const me = collector.newParticipant();
    const fast = statement(me, 'Typed by a machine in no time', { signals: { honeypot: false, fillMs: 300 } });
    assert.equal((await post(collector.url, fast)).status, 201);
    assert.equal((await collector.store.submissions.get(fast.id))?.quarantine, 'too-fast');
    assert.deepEqual((await getPoll(collector.url, POLL, { participant: me })).json.mine!.statements, []);
    const pending = await collector.store.polls.listStatements(POLL, { status: 'pending', limit: 1000, offset: 0 });
    assert.ok(!pending.some((s) => s.submissionId === fast.id));
  });

  it('once published, is a resident question others vote on; rejected, its author sees why', async () => {
    const author = collector.newParticipant();
    assert.equal((await post(collector.url, statement(author, 'The minibus is often late'))).status, 201);
    assert.equal((await post(collector.url, statement(author, 'Mrs Jones on reception is rude'))).status, 201);
    const [late, rude] = (await getPoll(collector.url, POLL, { participant: author })).json.mine!.statements;
    const lateId = Number(late.id.slice(2));
    assert.equal((await post(collector.url, vote(collector.newParticipant(), late.id, 'agree'))).status, 422, 'not a question while pending');
    await collector.store.polls.moderateStatement(POLL, lateId, { status: 'published', reason: null, by: 'officer@example', at: Date.now() });
    await collector.store.polls.moderateStatement(POLL, Number(rude.id.slice(2)), { status: 'rejected', reason: 'It names a member of staff.', by: 'officer@example', at: Date.now() });
    await collector.store.polls.replyToStatement(POLL, lateId, { en: 'We have spoken to the transport team.' }, 'officer@example', Date.now());

    const voter = collector.newParticipant();
    assert.equal((await post(collector.url, vote(voter, late.id, 'agree'))).status, 201);
    assert.equal((await post(collector.url, vote(voter, late.id, 'unsure'))).status, 201);
    assert.equal((await post(collector.url, vote(collector.newParticipant(), late.id, 'agree'))).status, 201);
    const seen = (await getPoll(collector.url, POLL, { participant: voter })).json;
    const question = seen.questions.find((q) => q.id === late.id);
    assert.deepEqual({ ...question, results: undefined }, {
      id: late.id, type: 'statement', origin: 'resident', text: { en: 'The minibus is often late' },
      options: [{ id: 'agree', label: null }, { id: 'disagree', label: null }, { id: 'unsure', label: null }], results: undefined,
    });
    assert.deepEqual(question!.results, { total: 2, counts: { agree: 1, disagree: 0, unsure: 1 } });
    assert.equal(seen.mine!.answers[late.id], 'unsure');
    assert.ok(!seen.questions.some((q) => q.id === rude.id));
    // Residents' questions come after staff's, oldest first.
    const origins = seen.questions.map((q) => q.origin);
    assert.equal(origins.lastIndexOf('staff'), 3);

    const mine = (await getPoll(collector.url, POLL, { participant: author })).json.mine!.statements;
    assert.deepEqual(mine.map((s) => [s.status, s.reason, s.reply]), [
      ['published', null, { en: 'We have spoken to the transport team.' }],
      ['rejected', 'It names a member of staff.', null],
    ]);
    // A rejected statement no longer blocks the same words.
    assert.equal((await post(collector.url, statement(collector.newParticipant(), 'Mrs Jones on reception is rude!'))).status, 201);
  });
});

describe('closing', () => {
  it('shows staff’s response only once the poll has closed', async () => {
    await collector.store.polls.setResponse(POLL, { en: 'Open poll response' }, 'officer@example', Date.now());
    await collector.store.polls.setResponse(CLOSED, { en: 'You said the minibus was late, we changed the route.', cy: 'Dywedoch chi…' }, 'officer@example', Date.now());
    assert.equal((await getPoll(collector.url, POLL)).json.response, null);
    assert.deepEqual((await getPoll(collector.url, CLOSED)).json.response, { en: 'You said the minibus was late, we changed the route.', cy: 'Dywedoch chi…' });
  });

  it('still answers 200 to the retry of a vote stored before the poll closed', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const closing = await startPollCollector({ polls: [pollDefinition({ closesAt: soon })] });
    try {
      const answer = vote(closing.newParticipant(), 'overall', '5');
      assert.equal((await post(closing.url, answer)).status, 201);
      await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50));
      assert.equal((await post(closing.url, answer)).status, 200);
      assertRefused(await post(closing.url, vote(closing.newParticipant(), 'overall', '1')), 409, 'poll-closed');
    } finally {
      await closing.close();
    }
  });
});

describe('hostile poll answers', () => {
  it('answers every generated poll answer with 2xx or 4xx, never 5xx, and the results stay whole', async () => {
    const rng = random(5);
    const values = ['overall', 'mood', 's-1', 's-0', 's-999999999999999', '__proto__', 'constructor', '1', '5', '0', 'agree', '', ' ', 'x'.repeat(300), 3, true, ['a'], null];
    const keys = ['question', 'choice', 'statement', 'extra', 'toString'];
    const statuses = new Set();
    for (let i = 0; i < 300; i++) {
      const answers: Record<string, unknown> = {};
      for (let k = 0; k <= rng.int(3); k++) answers[rng.pick(keys)] = rng.pick(values);
      const response = await post(collector.url, pollAnswer(answers, { instance: rng.pick([POLL, CLOSED, 'nope', 'BAD']), participant: rng.pick([collector.newParticipant(), randomUUID(), undefined]) }));
      assert.ok(response.status < 500, `${response.status} for ${JSON.stringify(answers)}`);
      statuses.add(response.status);
    }
    assert.ok(statuses.has(422) && statuses.has(409), [...statuses].join());
    const { json } = await getPoll(collector.url, POLL);
    for (const question of json.questions) {
      const sum = Object.values(question.results.counts).reduce((a: number, b) => a + b, 0);
      assert.equal(sum, question.results.total, question.id);
      for (const count of Object.values(question.results.counts)) assert.ok((count as number) >= 0);
    }
  });
});
