// Poll answers' rate limits: per participant and per client address, 429 with Retry-After, and
// generous enough by default for a day centre's residents answering from one office connection.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { postFrom } from '../test-support/from-address.js';
import { post } from '../test-support/helpers.js';
import { countsOf, getPoll, POLL, startPollCollector, statement, vote } from '../test-support/polls.js';
import type { ApiAnswer } from '../test-support/helpers.js';

function assertLimited(response: { status: number, headers: Headers, json?: ApiAnswer }) {
  assert.equal(response.status, 429);
  const after = Number(response.headers.get('retry-after'));
  assert.ok(Number.isInteger(after) && after >= 1 && after <= 60, `Retry-After: ${response.headers.get('retry-after')}`);
  assert.equal(typeof response.json!.error, 'string');
}

describe('poll rate limits', () => {
  it('limits one participant, leaving others on the same address alone', async () => {
    const collector = await startPollCollector({ limits: { perIpPerMinute: 1000, perSitePerMinute: 1000, perParticipantPerMinute: 3 } });
    try {
      const me = collector.newParticipant();
      for (const choice of ['1', '2', '3']) assert.equal((await post(collector.url, vote(me, 'overall', choice))).status, 201);
      const limited = await post(collector.url, vote(me, 'overall', '4'));
      assertLimited(limited);
      assert.equal(limited.json!.code, 'rate-limited');
      assert.equal(limited.json!.field, 'participant');
      assertLimited(await post(collector.url, statement(me, 'One statement too many from me')));
      assert.equal((await post(collector.url, vote(collector.newParticipant(), 'overall', '4'))).status, 201);
      // The refused answer did not count.
      assert.equal((await getPoll(collector.url, POLL, { participant: me })).json.mine!.answers.overall, '3');
    } finally {
      await collector.close();
    }
  });

  it('limits one client address across participants who make new ids', async () => {
    const collector = await startPollCollector({ limits: { perIpPerMinute: 5, perSitePerMinute: 1000 } });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await post(collector.url, vote(collector.newParticipant(), 'mood', '3'))).status, 201);
      assertLimited(await post(collector.url, vote(collector.newParticipant(), 'mood', '3')));
      assert.equal(countsOf((await getPoll(collector.url, POLL)).json, 'mood')!.total, 5);
    } finally {
      await collector.close();
    }
  });

  // 300 near-identical statements from one address all went to moderation before.
  it('limits the statements one address, and one device, may add to a poll in an hour', async () => {
    const collector = await startPollCollector({ limits: { perIpPerMinute: 1000, perSitePerMinute: 1000, statementsPerAddressPerHour: 3, statementsPerParticipantPerHour: 2 } });
    try {
      const [me, neighbour, third] = [collector.newParticipant(), collector.newParticipant(), collector.newParticipant()];
      const say = (who: string, n: number, from = '127.0.0.1') => postFrom(from, collector.url, statement(who, `Open the day centre on Saturdays, please (${n})`));
      assert.deepEqual([(await say(me, 1)).status, (await say(me, 2)).status], [201, 201]);
      const mine = await say(me, 3);
      assert.deepEqual([mine.status, mine.json?.code, mine.json?.field], [429, 'rate-limited', 'answers.statement']);
      assert.ok(Number(mine.retryAfter) > 60 && Number(mine.retryAfter) <= 3600, `Retry-After: ${mine.retryAfter}`);
      // A neighbour on the same connection may still add one: the address has had two of three.
      assert.equal((await say(neighbour, 4)).status, 201);
      const crowded = await say(third, 5);
      assert.deepEqual([crowded.status, crowded.json?.field], [429, 'answers.statement']);
      // Another address is not held back, and votes are not statements.
      assert.equal((await say(third, 6, '127.0.0.2')).status, 201);
      assert.equal((await postFrom('127.0.0.1', collector.url, vote(third, 'overall', '4'))).status, 201);
      const pending = await collector.store.polls.countStatements(POLL);
      assert.equal(pending.pending, 4);
    } finally {
      await collector.close();
    }
  });

  // By script from one address, about 600 new participants a minute were counted, and nothing flagged it.
  it('limits the new participants one address brings a poll in an hour, and records the burst without the address', async () => {
    const collector = await startPollCollector({ limits: { perIpPerMinute: 1000, perSitePerMinute: 1000, newParticipantsPerAddressPerHour: 3 } });
    const hourOf = (ms: number) => Math.floor(ms / 3600000) * 3600000;
    const started = Date.now();
    try {
      const stuffer = Array.from({ length: 5 }, () => collector.newParticipant());
      const statuses = [];
      for (const me of stuffer) statuses.push((await postFrom('127.0.0.2', collector.url, vote(me, 'overall', '5'))).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const refused = await postFrom('127.0.0.2', collector.url, vote(collector.newParticipant(), 'overall', '5'));
      assert.deepEqual([refused.json?.code, refused.json?.field], ['rate-limited', 'participant']);
      assert.ok(Number(refused.retryAfter) > 60 && Number(refused.retryAfter) <= 3600, `Retry-After: ${refused.retryAfter}`);
      // Those already in the poll change their answers; a neighbour on another address joins.
      assert.equal((await postFrom('127.0.0.2', collector.url, vote(stuffer[0]!, 'overall', '1'))).status, 201);
      assert.equal((await postFrom('127.0.0.3', collector.url, vote(collector.newParticipant(), 'overall', '2'))).status, 201);
      assert.equal(countsOf((await getPoll(collector.url, POLL)).json, 'overall')!.total, 4);

      // The clock hour the burst came in: the test's own, even if it ran across an hour's end.
      const [burst, ...more] = await collector.store.polls.listBursts(POLL);
      assert.ok([hourOf(started), hourOf(Date.now())].includes(burst?.hourStart as number), String(burst?.hourStart));
      assert.deepEqual([burst?.participants, more.length], [6, 0]);
      assert.doesNotMatch(JSON.stringify(burst), /127\.0\.0/);
    } finally {
      await collector.close();
    }
  });

  it('is generous by default: 40 residents on one connection answer everything, change answers and add statements', async () => {
    const collector = await startPollCollector({ limits: { perIpPerMinute: 600, perSitePerMinute: 6000 } });
    try {
      const statuses = [];
      for (let person = 0; person < 40; person++) {
        const me = collector.newParticipant();
        for (const [question, choice] of [['overall', '4'], ['mood', '5'], ['visits', 'weekly'], ['transport', 'agree'], ['overall', '3']]) {
          statuses.push((await post(collector.url, vote(me, question, choice))).status);
        }
        if (person % 4 === 0) statuses.push((await post(collector.url, statement(me, `Statement number ${person} from the day centre`))).status);
      }
      assert.equal(statuses.filter((status) => status === 429).length, 0);
      assert.deepEqual(new Set(statuses), new Set([201]));
      assert.equal(countsOf((await getPoll(collector.url, POLL)).json, 'overall')!.counts['3'], 40);
    } finally {
      await collector.close();
    }
  });
});
