// The polls part's contract: definitions from files and the dashboard, results that agree
// with the votes that count, statements and their moderation, and site policies. Votes and
// statements arrive through the submissions part (record.poll), as they do from residents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pollDefinition } from '../../test-support/poll-answers.js';
import { participant, POLL_ID, statementRecord, voteRecord } from './records.js';
import { DAY, MINUTE, NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { PollStore, SubmissionStore } from '../../src/store/store.js';

type Parts = { submissions: SubmissionStore, polls: PollStore };
const OFFICER = 'officer@example.gov.uk';

/** The example poll from its file, and `count` statements written a minute apart. */
async function pollWithStatements(parts: Parts, count: number) {
  await parts.polls.syncFiles([pollDefinition()], NOW);
  for (let i = 0; i < count; i++) {
    assert.equal(await parts.submissions.save(statementRecord(participant(), `Statement number ${i} about the centres`, { receivedAt: NOW + i * MINUTE })), 'created');
  }
  return (await parts.polls.listStatements(POLL_ID, { limit: 100, offset: 0 })).map((row) => row.id);
}

export function pollsContract(name: string, open: OpenStore<Parts>) {
  describe(`${name}: polls`, () => {
    it('answers undefined, null or false for a poll or statement it does not have', () =>
      withStore(open, async ({ polls }) => {
        assert.equal(await polls.get('no-poll'), undefined);
        assert.equal(await polls.read('no-poll', participant()), undefined);
        assert.deepEqual(await polls.list(), []);
        assert.equal(await polls.update(pollDefinition({ id: 'no-poll' }), OFFICER, NOW), false);
        assert.equal(await polls.setResponse('no-poll', { en: 'Thanks' }, OFFICER, NOW), false);
        assert.equal(await polls.getStatement(1), undefined);
        assert.deepEqual(await polls.listStatements('no-poll', { limit: 10, offset: 0 }), []);
        assert.deepEqual(await polls.countStatements('no-poll'), { pending: 0, published: 0, rejected: 0 });
        assert.equal(await polls.moderateStatement('no-poll', 1, { status: 'published', reason: null, by: OFFICER, at: NOW }), false);
        assert.equal(await polls.replyToStatement('no-poll', 1, { en: 'Done' }, OFFICER, NOW), false);
        assert.equal(await polls.deleteStatement('no-poll', 1), false);
        assert.equal(await polls.getSitePolicy('adult-social-care'), null);
      }));

    it('keeps counters equal to the votes that count, through changes and retries at once', () =>
      withStore(open, async ({ submissions, polls }) => {
        await polls.syncFiles([pollDefinition()], NOW);
        const people = Array.from({ length: 200 }, () => participant());
        const first = people.map((p, i) => voteRecord(p, 'overall', String((i % 5) + 1)));
        const changed = people.slice(0, 50).map((p) => voteRecord(p, 'overall', '5', { receivedAt: NOW + MINUTE }));
        // All at once, with retries of the same ids and changed answers mixed in.
        const outcomes = await Promise.all([...first, ...first, ...changed].map((record) => submissions.save(record)));
        assert.deepEqual(outcomes, [...new Array(200).fill('created'), ...new Array(200).fill('duplicate'), ...new Array(50).fill('created')]);
        const counts = (await polls.read(POLL_ID))?.counts.overall ?? {};
        // 40 each of 1–5; the first 50 people (10 of each) then chose 5.
        const nonZero = Object.fromEntries(Object.entries(counts).filter(([, votes]) => votes > 0));
        assert.deepEqual(nonZero, { 1: 30, 2: 30, 3: 30, 4: 30, 5: 80 });
      }));

    it('keeps a newer answer when an older one arrives late, and lets quarantined answers change nothing', () =>
      withStore(open, async ({ submissions, polls }) => {
        await polls.syncFiles([pollDefinition()], NOW);
        const me = participant();
        await submissions.save(voteRecord(me, 'visits', 'weekly', { receivedAt: NOW, clientTime: new Date(NOW).toISOString() }));
        // Sent a minute before, arriving after (from an outbox).
        await submissions.save(voteRecord(me, 'visits', 'never', { receivedAt: NOW + MINUTE, clientTime: new Date(NOW - MINUTE).toISOString() }));
        await submissions.save(voteRecord(participant(), 'visits', 'never', { honeypot: true }));
        const reading = await polls.read(POLL_ID, me);
        assert.deepEqual(reading?.mine?.votes, { visits: 'weekly' });
        assert.equal(reading?.counts.visits?.weekly, 1);
        assert.ok(!reading?.counts.visits?.never, 'neither the late nor the quarantined vote counts');
      }));

    it('gives a participant their own answers and statements, and no one else’s', () =>
      withStore(open, async ({ submissions, polls }) => {
        await polls.syncFiles([pollDefinition()], NOW);
        const me = participant();
        await submissions.save(voteRecord(me, 'overall', '4'));
        await submissions.save(voteRecord(participant(), 'overall', '2'));
        await submissions.save(statementRecord(me, 'More opening hours at weekends'));
        const mine = (await polls.read(POLL_ID, me))?.mine;
        assert.deepEqual(mine?.votes, { overall: '4' });
        assert.deepEqual(mine?.statements.map((s) => [s.text, s.status, s.participant]), [['More opening hours at weekends', 'pending', me]]);
        assert.deepEqual((await polls.read(POLL_ID, participant()))?.mine, { votes: {}, statements: [] });
        assert.equal((await polls.read(POLL_ID))?.mine, undefined);
      }));

    it('refuses the second of two same statements sent at once, storing nothing for it; a rejected one does not block', () =>
      withStore(open, async ({ submissions, polls }) => {
        await polls.syncFiles([pollDefinition()], NOW);
        const a = statementRecord(participant(), 'The garden needs more benches');
        const b = statementRecord(participant(), 'the garden needs more benches!');
        assert.deepEqual(await Promise.all([submissions.save(a), submissions.save(b)]), ['created', 'duplicate-statement']);
        assert.equal(await submissions.get(b.id), undefined);
        assert.equal((await polls.countStatements(POLL_ID)).pending, 1);
        const [stored] = await polls.listStatements(POLL_ID, { limit: 10, offset: 0 });
        await polls.moderateStatement(POLL_ID, stored?.id as number, { status: 'rejected', reason: 'off topic', by: OFFICER, at: NOW });
        assert.equal(await submissions.save(statementRecord(participant(), 'The garden needs more benches.')), 'created');
      }));

    it('replaces a file’s poll at start, keeping its counts and staff response; releases it to the dashboard when its file goes', () =>
      withStore(open, async ({ submissions, polls }) => {
        await polls.syncFiles([pollDefinition()], NOW);
        await submissions.save(voteRecord(participant(), 'visits', 'weekly'));
        assert.equal(await polls.setResponse(POLL_ID, { en: 'Thanks' }, OFFICER, NOW), true);
        await polls.syncFiles([pollDefinition({ title: { en: 'Renamed' } })], NOW + DAY);
        const reading = await polls.read(POLL_ID);
        assert.equal(reading?.poll.definition.title.en, 'Renamed');
        assert.equal(reading?.poll.source, 'file');
        assert.deepEqual(reading?.poll.response, { en: 'Thanks' });
        assert.equal(reading?.counts.visits?.weekly, 1);
        assert.equal(await polls.update(pollDefinition(), OFFICER, NOW), false, 'a file poll is not edited in the dashboard');
        // Its file no longer named: the poll stays, with its answers, for the dashboard to manage.
        await polls.syncFiles([], NOW + 2 * DAY);
        const released = await polls.read(POLL_ID);
        assert.equal(released?.poll.source, 'dashboard');
        assert.equal(released?.counts.visits?.weekly, 1);
        assert.equal(await polls.update(pollDefinition({ title: { en: 'Edited here' } }), OFFICER, NOW + 3 * DAY), true);
        const edited = await polls.get(POLL_ID);
        assert.deepEqual([edited?.definition.title.en, edited?.updatedBy, edited?.updatedAt], ['Edited here', OFFICER, NOW + 3 * DAY]);
      }));

    it('creates dashboard polls (false when the id is taken) and lists them newest first, by site, with statements waiting', () =>
      withStore(open, async ({ submissions, polls }) => {
        assert.equal(await polls.create(pollDefinition({ id: 'first-poll' }), OFFICER, NOW), true);
        assert.equal(await polls.create(pollDefinition({ id: 'second-poll' }), OFFICER, NOW + 1), true);
        assert.equal(await polls.create(pollDefinition({ id: 'elsewhere', site: 'other-site' }), OFFICER, NOW + 2), true);
        assert.equal(await polls.create(pollDefinition({ id: 'first-poll', title: { en: 'Again' } }), OFFICER, NOW + 3), false);
        await submissions.save(statementRecord(participant(), 'A statement waiting', { pollId: 'first-poll' }));
        const listed = await polls.list('adult-social-care');
        assert.deepEqual(listed.map((p) => [p.definition.id, p.source, p.pending]), [['second-poll', 'dashboard', 0], ['first-poll', 'dashboard', 1]]);
        assert.notEqual(listed[1]?.definition.title.en, 'Again');
        assert.deepEqual((await polls.list()).map((p) => p.definition.id), ['elsewhere', 'second-poll', 'first-poll']);
        const made = await polls.get('first-poll');
        assert.deepEqual([made?.createdAt, made?.updatedBy, made?.response], [NOW, OFFICER, null]);
      }));

    it('sets and clears staff’s response', () =>
      withStore(open, async ({ polls }) => {
        await polls.syncFiles([pollDefinition()], NOW);
        await polls.setResponse(POLL_ID, { en: 'We heard you', cy: 'Clywsom chi' }, OFFICER, NOW);
        assert.deepEqual((await polls.get(POLL_ID))?.response, { en: 'We heard you', cy: 'Clywsom chi' });
        assert.equal(await polls.setResponse(POLL_ID, null, OFFICER, NOW + 1), true);
        assert.equal((await polls.get(POLL_ID))?.response, null);
      }));

    it('lists statements pending first, then oldest first, by status, a page at a time', () =>
      withStore(open, async (parts) => {
        const [a, b, c, d] = await pollWithStatements(parts, 4);
        const { polls } = parts;
        await polls.moderateStatement(POLL_ID, a as number, { status: 'published', reason: null, by: OFFICER, at: NOW + DAY });
        await polls.moderateStatement(POLL_ID, c as number, { status: 'rejected', reason: 'names a person', by: OFFICER, at: NOW + DAY });
        const list = async (query: Parameters<PollStore['listStatements']>[1]) => (await polls.listStatements(POLL_ID, query)).map((s) => s.id);
        assert.deepEqual(await list({ limit: 10, offset: 0 }), [b, d, a, c]);
        assert.deepEqual(await list({ limit: 2, offset: 1 }), [d, a]);
        assert.deepEqual(await list({ status: 'pending', limit: 10, offset: 0 }), [b, d]);
        assert.deepEqual(await list({ status: 'rejected', limit: 10, offset: 0 }), [c]);
        assert.deepEqual(await polls.countStatements(POLL_ID), { pending: 2, published: 1, rejected: 1 });
      }));

    it('publishes and rejects statements with who and why; only the published are read out, oldest first', () =>
      withStore(open, async (parts) => {
        const [a, b, c] = await pollWithStatements(parts, 3);
        const { polls } = parts;
        assert.equal(await polls.moderateStatement('other-poll', a as number, { status: 'published', reason: null, by: OFFICER, at: NOW }), false, 'not in that poll');
        for (const id of [c, a]) assert.equal(await polls.moderateStatement(POLL_ID, id as number, { status: 'published', reason: null, by: OFFICER, at: NOW + DAY }), true);
        await polls.moderateStatement(POLL_ID, b as number, { status: 'rejected', reason: 'off topic', by: OFFICER, at: NOW + DAY });
        assert.deepEqual((await polls.read(POLL_ID))?.published.map((s) => s.id), [a, c]);
        const rejected = await polls.getStatement(b as number);
        assert.deepEqual([rejected?.status, rejected?.reason, rejected?.moderatedBy, rejected?.moderatedAt, rejected?.pollId], ['rejected', 'off topic', OFFICER, NOW + DAY, POLL_ID]);
        const published = await polls.getStatement(a as number);
        assert.deepEqual([published?.createdAt, published?.lang, published?.reply], [NOW, 'en', null]);
      }));

    it('replies to a statement (“you said, we did”) and clears the reply', () =>
      withStore(open, async (parts) => {
        const [a] = await pollWithStatements(parts, 1);
        const { polls } = parts;
        assert.equal(await polls.replyToStatement('other-poll', a as number, { en: 'Done' }, OFFICER, NOW), false);
        assert.equal(await polls.replyToStatement(POLL_ID, a as number, { en: 'Benches arrive in May', cy: 'Meinciau ym mis Mai' }, OFFICER, NOW + DAY), true);
        const replied = await polls.getStatement(a as number);
        assert.deepEqual([replied?.reply, replied?.moderatedBy, replied?.moderatedAt], [{ en: 'Benches arrive in May', cy: 'Meinciau ym mis Mai' }, OFFICER, NOW + DAY]);
        await polls.replyToStatement(POLL_ID, a as number, null, OFFICER, NOW + 2 * DAY);
        assert.equal((await polls.getStatement(a as number))?.reply, null);
      }));

    it('deletes a statement on its author’s request, with its answer and the votes on it', () =>
      withStore(open, async (parts) => {
        const [a, b] = await pollWithStatements(parts, 2);
        const { submissions, polls } = parts;
        const statementRow = await polls.getStatement(a as number);
        for (const id of [a, b]) await polls.moderateStatement(POLL_ID, id as number, { status: 'published', reason: null, by: OFFICER, at: NOW });
        const voter = participant();
        await submissions.save(voteRecord(voter, `s-${a}`, 'agree'));
        await submissions.save(voteRecord(voter, `s-${b}`, 'agree'));
        assert.equal(await polls.deleteStatement('other-poll', a as number), false, 'not in that poll');
        assert.equal(await polls.deleteStatement(POLL_ID, a as number), true);
        assert.equal(await polls.getStatement(a as number), undefined);
        assert.equal(await submissions.get(statementRow?.submissionId as string), undefined);
        const reading = await polls.read(POLL_ID, voter);
        assert.equal(reading?.counts[`s-${a}`], undefined);
        assert.equal(reading?.counts[`s-${b}`]?.agree, 1);
        assert.deepEqual(reading?.mine?.votes, { [`s-${b}`]: 'agree' });
        assert.equal(await polls.deleteStatement(POLL_ID, a as number), false);
      }));

    it('keeps a site’s moderation policy from the dashboard until it is cleared', () =>
      withStore(open, async ({ polls }) => {
        await polls.setSitePolicy('adult-social-care', { en: 'We publish statements about the service.' }, OFFICER, NOW);
        await polls.setSitePolicy('adult-social-care', { en: 'Changed', cy: 'Newidiwyd' }, OFFICER, NOW + 1);
        assert.deepEqual(await polls.getSitePolicy('adult-social-care'), { en: 'Changed', cy: 'Newidiwyd' });
        assert.equal(await polls.getSitePolicy('other-site'), null);
        await polls.setSitePolicy('adult-social-care', null, OFFICER, NOW + 2);
        assert.equal(await polls.getSitePolicy('adult-social-care'), null);
      }));

    it('keeps one participant secret for the database, and tells whether a participant has answered a poll', () =>
      withStore(open, async ({ submissions, polls }) => {
        const secret = await polls.participantSecret();
        assert.equal(secret.length, 32);
        assert.deepEqual(await polls.participantSecret(), secret);
        await polls.syncFiles([pollDefinition(), pollDefinition({ id: 'other-poll' })], NOW);
        const [voter, writer] = [participant(), participant()];
        assert.equal(await polls.hasAnswered(POLL_ID, voter), false);
        await submissions.save(voteRecord(voter, 'overall', '4'));
        await submissions.save(statementRecord(writer, 'More opening hours at weekends'));
        assert.deepEqual(
          [await polls.hasAnswered(POLL_ID, voter), await polls.hasAnswered(POLL_ID, writer), await polls.hasAnswered('other-poll', voter), await polls.hasAnswered(POLL_ID, participant())],
          [true, true, false, false],
        );
      }));

    it('keeps the busiest burst of each hour of a poll, oldest first', () =>
      withStore(open, async ({ polls }) => {
        const HOUR = 60 * MINUTE;
        assert.deepEqual(await polls.listBursts(POLL_ID), []);
        await polls.recordBurst({ pollId: POLL_ID, hourStart: NOW + HOUR, participants: 60 });
        await polls.recordBurst({ pollId: POLL_ID, hourStart: NOW, participants: 75 });
        await polls.recordBurst({ pollId: POLL_ID, hourStart: NOW, participants: 60 });
        await polls.recordBurst({ pollId: 'other-poll', hourStart: NOW, participants: 300 });
        assert.deepEqual(await polls.listBursts(POLL_ID), [
          { pollId: POLL_ID, hourStart: NOW, participants: 75 },
          { pollId: POLL_ID, hourStart: NOW + HOUR, participants: 60 },
        ]);
      }));
  });
}
