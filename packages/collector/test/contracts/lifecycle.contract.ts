// The whole store's contract: the retention purge across its parts, the health check, and
// close (pending writes finished, every call after it refused).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pollDefinition } from '../../test-support/poll-answers.js';
import { feedback, participant, statementRecord, voteRecord } from './records.js';
import { DAY, HOUR, NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { Store } from '../../src/store/store.js';

const iso = (at: number) => new Date(at).toISOString();

export function lifecycleContract(name: string, open: OpenStore<Store>) {
  describe(`${name}: lifecycle`, () => {
    it('purges answers received before the cut-off, saying how many', () =>
      withStore(open, async ({ submissions, purgeBefore }) => {
        const old = feedback({}, NOW - 400 * DAY);
        const edge = feedback({}, NOW - 365 * DAY);
        const recent = feedback({}, NOW - DAY);
        for (const record of [old, edge, recent]) await submissions.save(record);
        assert.equal(await purgeBefore(NOW - 365 * DAY, NOW), 1);
        assert.equal(await submissions.get(old.id), undefined);
        assert.ok(await submissions.get(edge.id), 'the cut-off itself is kept');
        assert.ok(await submissions.get(recent.id));
        assert.equal(await purgeBefore(NOW - 365 * DAY, NOW), 0);
      }));

    it('drops expired sessions and sign-in failures over a day old, keeping the rest', () =>
      withStore(open, async ({ staff, purgeBefore }) => {
        await staff.saveUser('a@example.gov.uk', 'hash', NOW - 2 * DAY);
        const user = await staff.findUser('a@example.gov.uk');
        await staff.createSession({ idHash: 'expired', userId: user?.id as number, csrfToken: 't', createdAt: NOW - 9 * HOUR, expiresAt: NOW - 1 });
        await staff.createSession({ idHash: 'current', userId: user?.id as number, csrfToken: 't', createdAt: NOW - HOUR, expiresAt: NOW + 7 * HOUR });
        await staff.recordSignInFailure({ email: 'a@example.gov.uk', address: '192.0.2.1' }, NOW - 2 * DAY);
        await staff.recordSignInFailure({ email: 'a@example.gov.uk', address: '192.0.2.1' }, NOW - HOUR);
        await purgeBefore(NOW - 30 * DAY, NOW);
        assert.deepEqual(await staff.recentSignInFailures({ email: 'a@example.gov.uk' }, 0, 10), [NOW - HOUR]);
        // Looked for as of long ago, with no idle limit: only the purge could have removed it.
        assert.equal(await staff.findSession('expired', NOW - 2 * HOUR, Infinity), undefined);
        assert.ok(await staff.findSession('current', NOW, Infinity));
      }));

    it('after the retention period from a poll’s close, keeps its counts but not who answered or wrote what', () =>
      withStore(open, async ({ submissions, polls, purgeBefore }) => {
        const old = pollDefinition({ id: 'old-poll', opensAt: iso(NOW - 500 * DAY), closesAt: iso(NOW - 400 * DAY) });
        await polls.syncFiles([pollDefinition(), old], NOW - 500 * DAY);
        const oldVoter = participant();
        await submissions.save(voteRecord(oldVoter, 'overall', '4', { pollId: 'old-poll', receivedAt: NOW - 450 * DAY }));
        await submissions.save(statementRecord(oldVoter, 'An old statement about it', { pollId: 'old-poll', receivedAt: NOW - 450 * DAY }));
        const voter = participant();
        await submissions.save(voteRecord(voter, 'overall', '2', { receivedAt: NOW }));
        await purgeBefore(NOW - 365 * DAY, NOW);
        const oldReading = await polls.read('old-poll', oldVoter);
        assert.equal(oldReading?.counts.overall?.['4'], 1);
        assert.deepEqual(oldReading?.mine, { votes: {}, statements: [] });
        assert.deepEqual(await polls.countStatements('old-poll'), { pending: 0, published: 0, rejected: 0 });
        assert.deepEqual((await polls.read('day-centres-2026', voter))?.mine?.votes, { overall: '2' });
      }));

    it('passes its health check while open', () =>
      withStore(open, async ({ check, checkWrite }) => {
        await check();
        await checkWrite();
      }));

    it('finishes pending writes when closed, then refuses every call', async () => {
      const store = await open();
      const late = feedback();
      const pending = store.submissions.save(late);
      await store.close();
      assert.equal(await pending, 'created');
      await assert.rejects(store.submissions.save(feedback()), /closed/);
      await assert.rejects(store.submissions.get(late.id), /closed/);
      await assert.rejects(store.check(), /closed/);
      await assert.rejects(store.checkWrite(), /closed/);
      // Closing again changes nothing.
      await store.close();
    });
  });
}
