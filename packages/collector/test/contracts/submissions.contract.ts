// The submissions part's contract: exactly once per id, what comes back, counts, reviews and
// removal. Any store runs it (test/sqlite-store.test.ts for SQLite).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedback } from './records.js';
import { NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { SubmissionStore } from '../../src/store/store.js';

const ABSENT_ID = '00000000-0000-4000-8000-000000000000';

export function submissionsContract(name: string, open: OpenStore<{ submissions: SubmissionStore }>) {
  describe(`${name}: submissions`, () => {
    it('saves once per id: created, then duplicate, or conflict for another body', () =>
      withStore(open, async ({ submissions }) => {
        const first = feedback();
        assert.equal(await submissions.save(first), 'created');
        assert.equal(await submissions.save({ ...first, receivedAt: first.receivedAt + 1000 }), 'duplicate');
        assert.equal(await submissions.save({ ...first, fingerprint: 'other' }), 'conflict');
        assert.equal(await submissions.count(), 1);
        // A conflict changes nothing: the first body stays.
        assert.deepEqual(await submissions.get(first.id), first);
      }));

    it('gives back exactly what it saved, and undefined for an id it never saw', () =>
      withStore(open, async ({ submissions }) => {
        const repeat = { ...feedback(), quarantine: 'repeat' as const, repeatOf: feedback().id };
        const bot = feedback({ signals: { honeypot: true, fillMs: 5000 } });
        const listed = feedback({ answers: { topics: ['bins', 'parking'], rating: 4, useful: false } });
        for (const record of [repeat, bot, listed]) {
          assert.equal(await submissions.save(record), 'created');
          assert.deepEqual(await submissions.get(record.id), record);
        }
        assert.equal(await submissions.get(ABSENT_ID), undefined);
      }));

    it('gives each of many saves at once its own outcome', () =>
      withStore(open, async ({ submissions }) => {
        const records = Array.from({ length: 300 }, () => feedback());
        const outcomes = await Promise.all([...records, ...records].map((record) => submissions.save(record)));
        assert.deepEqual(outcomes, [...new Array(300).fill('created'), ...new Array(300).fill('duplicate')]);
        assert.equal(await submissions.count(), 300);
      }));

    it('counts quarantined answers apart, and by site', () =>
      withStore(open, async ({ submissions }) => {
        assert.equal(await submissions.count(), 0);
        await submissions.save(feedback());
        await submissions.save(feedback({ signals: { honeypot: true, fillMs: 5000 } }));
        await submissions.save(feedback({ site: 'other-site' }));
        assert.equal(await submissions.count(), 3);
        assert.equal(await submissions.count({ quarantined: true }), 1);
        assert.equal(await submissions.count({ quarantined: false }), 2);
        assert.equal(await submissions.count({ site: 'other-site' }), 1);
        assert.equal(await submissions.count({ site: 'adult-social-care', quarantined: true }), 1);
        assert.equal(await submissions.count({ site: 'nowhere' }), 0);
      }));

    it('marks an answer reviewed; false for one it does not have', () =>
      withStore(open, async ({ submissions }) => {
        const record = feedback();
        await submissions.save(record);
        assert.equal(await submissions.markReviewed(record.id, 'officer@example.gov.uk', NOW), true);
        // Again (say, a second officer): still there, still true.
        assert.equal(await submissions.markReviewed(record.id, 'other@example.gov.uk', NOW + 1), true);
        assert.equal(await submissions.markReviewed(ABSENT_ID, 'officer@example.gov.uk', NOW), false);
      }));

    it('removes one answer on request; false once it is gone, and the id can be used again', () =>
      withStore(open, async ({ submissions }) => {
        const kept = feedback();
        const removed = feedback();
        await submissions.save(kept);
        await submissions.save(removed);
        assert.equal(await submissions.remove(removed.id), true);
        assert.equal(await submissions.get(removed.id), undefined);
        assert.equal(await submissions.remove(removed.id), false);
        assert.equal(await submissions.remove(ABSENT_ID), false);
        assert.deepEqual(await submissions.get(kept.id), kept);
        assert.equal(await submissions.count(), 1);
        assert.equal(await submissions.save(removed), 'created');
      }));
  });
}
