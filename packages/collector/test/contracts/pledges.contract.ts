// The pledges part's contract: ways to help lists from files, offers stored with their answer
// (once, whatever the retries), lists that never carry contact details, staff moving offers
// on, residents withdrawing theirs (contact deleted at once), and contact details forgotten
// past retention. Offers arrive through the submissions part (record.offer), as from residents.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkPledgeList } from '../../src/pledges/definition.js';
import { offerRecord, PLEDGE_LIST_ID } from './records.js';
import { DAY, MINUTE, NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { PledgeList, PledgeStore, Store, SubmissionStore } from '../../src/store/store.js';

type Parts = { submissions: SubmissionStore, pledges: PledgeStore, purgeBefore: Store['purgeBefore'] };
const OFFICER = 'volunteering@example.gov.uk';

function exampleList(overrides: Partial<PledgeList> = {}): PledgeList {
  const checked = checkPledgeList(JSON.parse(readFileSync(new URL('../../config/pledges/help-your-neighbourhood.json', import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return { ...checked.list, ...overrides };
}

export function pledgesContract(name: string, open: OpenStore<Parts>) {
  describe(`${name}: pledges`, () => {
    it('answers undefined, nothing or false for a list or offer it does not have', () =>
      withStore(open, async ({ pledges }) => {
        assert.equal(await pledges.getList('no-list'), undefined);
        assert.deepEqual(await pledges.listLists(), []);
        assert.equal(await pledges.getOffer('0f8fad5b-d9cb-469f-a165-70867728950e'), undefined);
        assert.deepEqual(await pledges.listOffers({}, { limit: 10, offset: 0 }), { rows: [], total: 0 });
        assert.equal(await pledges.setOfferStatus('0f8fad5b-d9cb-469f-a165-70867728950e', { status: 'contacted', by: OFFICER, at: NOW }), false);
        assert.equal(await pledges.withdraw('TDM-2222-2222-2222', NOW), false);
      }));

    it('keeps the lists the configuration names, as they are now, by site', () =>
      withStore(open, async ({ pledges }) => {
        const list = exampleList();
        await pledges.syncFiles([list, exampleList({ id: 'libraries-help', site: 'libraries' })], NOW);
        assert.deepEqual(await pledges.getList(PLEDGE_LIST_ID), list);
        assert.deepEqual((await pledges.listLists()).map((l) => l.id), ['help-your-neighbourhood', 'libraries-help']);
        assert.deepEqual((await pledges.listLists('libraries')).map((l) => l.id), ['libraries-help']);
        const renamed = exampleList({ title: { en: 'Volunteer near you' } });
        await pledges.syncFiles([renamed], NOW + DAY);
        assert.deepEqual((await pledges.getList(PLEDGE_LIST_ID))?.title, { en: 'Volunteer near you' });
        // A list no longer named stays, with its offers.
        assert.ok(await pledges.getList('libraries-help'));
      }));

    it('stores an offer once with its answer, however often it is sent, with its sealed contact', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const record = offerRecord({ ways: ['litter-picks', 'garden-tidy-ups'], areas: ['north', 'home'], note: 'I have a car' });
        const outcomes = await Promise.all([record, record, record].map((r) => submissions.save(r)));
        assert.deepEqual(outcomes.sort(), ['created', 'duplicate', 'duplicate']);
        const offer = await pledges.getOffer(record.id);
        assert.deepEqual(offer, {
          ...record.offer, id: record.id, site: 'adult-social-care', status: 'new', hasContact: true, createdAt: NOW, lastActivityAt: NOW,
          notes: '', statusChangedBy: null, statusChangedAt: null,
        });
        assert.equal((await pledges.listOffers({}, { limit: 10, offset: 0 })).total, 1);
      }));

    it('lists offers newest first by site, list, status, way and area, never with their contact', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const a = offerRecord({ ways: ['litter-picks'], areas: ['north'] }, { receivedAt: NOW });
        const b = offerRecord({ ways: ['befriending-calls'], areas: ['home'] }, { receivedAt: NOW + MINUTE });
        const c = offerRecord({ ways: ['litter-picks', 'lunch-club'], areas: ['south'] }, { receivedAt: NOW + 2 * MINUTE });
        const other = offerRecord({ listId: 'libraries-help' }, { receivedAt: NOW + 3 * MINUTE, site: 'libraries' });
        for (const record of [a, b, c, other]) assert.equal(await submissions.save(record), 'created');
        const ids = async (filter: Parameters<PledgeStore['listOffers']>[0]) => (await pledges.listOffers(filter, { limit: 10, offset: 0 })).rows.map((row) => row.id);
        assert.deepEqual(await ids({}), [other.id, c.id, b.id, a.id]);
        assert.deepEqual(await ids({ site: 'adult-social-care' }), [c.id, b.id, a.id]);
        assert.deepEqual(await ids({ listId: 'libraries-help' }), [other.id]);
        assert.deepEqual(await ids({ ways: ['litter-picks'], site: 'adult-social-care' }), [c.id, a.id]);
        assert.deepEqual(await ids({ ways: ['lunch-club', 'befriending-calls'] }), [c.id, b.id]);
        assert.deepEqual(await ids({ ways: [] }), []);
        assert.deepEqual(await ids({ area: 'home' }), [b.id]);
        assert.deepEqual(await ids({ receivedBefore: NOW + 2 * MINUTE }), [b.id, a.id]);
        const page = await pledges.listOffers({ site: 'adult-social-care' }, { limit: 2, offset: 1 });
        assert.deepEqual([page.rows.map((row) => row.id), page.total], [[b.id, a.id], 3]);
        for (const row of page.rows) {
          assert.equal('sealedContact' in row, false);
          assert.equal(row.hasContact, true);
        }
      }));

    it('takes offers by time of the week, and current ones (not withdrawn, not found not suitable) apart from the rest', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const evenings = offerRecord({ when: ['weekdays-evenings', 'weekends-evenings'] }, { receivedAt: NOW });
        const nowAndThen = offerRecord({ when: ['now-and-then'] }, { receivedAt: NOW + MINUTE });
        const unsuitable = offerRecord({ when: ['weekdays-evenings'] }, { receivedAt: NOW + 2 * MINUTE });
        const withdrawn = offerRecord({}, { receivedAt: NOW + 3 * MINUTE });
        for (const record of [evenings, nowAndThen, unsuitable, withdrawn]) await submissions.save(record);
        await pledges.setOfferStatus(unsuitable.id, { status: 'not-suitable', by: OFFICER, at: NOW + DAY });
        await pledges.withdraw(withdrawn.offer!.reference, NOW + DAY);
        const ids = async (filter: Parameters<PledgeStore['listOffers']>[0]) => (await pledges.listOffers(filter, { limit: 10, offset: 0 })).rows.map((row) => row.id);
        assert.deepEqual(await ids({ slot: 'weekdays-evenings' }), [unsuitable.id, evenings.id]);
        assert.deepEqual(await ids({ slot: 'now-and-then' }), [nowAndThen.id]);
        assert.deepEqual(await ids({ status: 'current' }), [nowAndThen.id, evenings.id]);
        assert.deepEqual(await ids({ status: 'not-suitable' }), [unsuitable.id]);
        assert.equal((await pledges.listOffers({ status: 'current', slot: 'weekdays-evenings' }, { limit: 10, offset: 0 })).total, 1);
      }));

    it('counts offers by way, by way and area and by way and time of week, once each, with the filter applied', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const records = [
          offerRecord({ ways: ['litter-picks', 'lunch-club'], areas: ['north', 'south'], when: ['weekends-mornings', 'weekends-afternoons'] }),
          offerRecord({ ways: ['litter-picks'], areas: ['north'], when: ['weekends-mornings'] }),
          offerRecord({ ways: ['befriending-calls'], areas: ['home'], when: ['now-and-then'] }),
          offerRecord({ listId: 'libraries-help', ways: ['litter-picks'] }, { site: 'libraries' }),
        ];
        for (const record of records) await submissions.save(record);
        const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
        const counts = await pledges.countOffers({ site: 'adult-social-care' });
        assert.deepEqual(sorted(counts.byWay), sorted([{ way: 'litter-picks', offers: 2 }, { way: 'lunch-club', offers: 1 }, { way: 'befriending-calls', offers: 1 }]));
        assert.deepEqual(sorted(counts.byWayAndArea), sorted([
          { way: 'litter-picks', area: 'north', offers: 2 }, { way: 'litter-picks', area: 'south', offers: 1 },
          { way: 'lunch-club', area: 'north', offers: 1 }, { way: 'lunch-club', area: 'south', offers: 1 }, { way: 'befriending-calls', area: 'home', offers: 1 },
        ]));
        assert.deepEqual(sorted(counts.byWayAndSlot), sorted([
          { way: 'litter-picks', slot: 'weekends-mornings', offers: 2 }, { way: 'litter-picks', slot: 'weekends-afternoons', offers: 1 },
          { way: 'lunch-club', slot: 'weekends-mornings', offers: 1 }, { way: 'lunch-club', slot: 'weekends-afternoons', offers: 1 },
          { way: 'befriending-calls', slot: 'now-and-then', offers: 1 },
        ]));
        assert.deepEqual((await pledges.countOffers({ site: 'adult-social-care', area: 'south' })).byWay.map((row) => JSON.stringify(row)).sort(), sorted([{ way: 'litter-picks', offers: 1 }, { way: 'lunch-club', offers: 1 }]));
        assert.deepEqual(await pledges.countOffers({ site: 'nowhere' }), { byWay: [], byWayAndArea: [], byWayAndSlot: [] });
      }));

    it('gives lists the sealed contact details of the offers they show that still have them, and no others', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const [kept, withdrawn, unasked] = [offerRecord(), offerRecord(), offerRecord()];
        for (const record of [kept, withdrawn, unasked]) await submissions.save(record);
        await pledges.withdraw(withdrawn.offer!.reference, NOW + MINUTE);
        const sealed = await pledges.sealedContacts([kept.id, withdrawn.id, 'no-such-offer']);
        assert.deepEqual([...sealed], [[kept.id, kept.offer!.sealedContact]]);
        assert.equal((await pledges.sealedContacts([])).size, 0);
      }));

    it('keeps no offer for a quarantined answer (a bot filling the hidden field)', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const record = { ...offerRecord({}, { honeypot: true }), quarantine: 'honeypot' as const };
        assert.equal(await submissions.save(record), 'created');
        assert.equal(await pledges.getOffer(record.id), undefined);
      }));

    it('lets staff move an offer on with notes, and keeps a withdrawn offer withdrawn', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const record = offerRecord();
        await submissions.save(record);
        assert.equal(await pledges.setOfferStatus(record.id, { status: 'contacted', notes: 'Rang, left a message', by: OFFICER, at: NOW + DAY }), true);
        assert.equal(await pledges.setOfferStatus(record.id, { status: 'active', by: OFFICER, at: NOW + 2 * DAY }), true);
        const moved = await pledges.getOffer(record.id);
        assert.deepEqual([moved?.status, moved?.notes, moved?.statusChangedBy, moved?.statusChangedAt, moved?.lastActivityAt], ['active', 'Rang, left a message', OFFICER, NOW + 2 * DAY, NOW + 2 * DAY]);
        assert.equal(await pledges.withdraw(record.offer!.reference, NOW + 3 * DAY), true);
        assert.equal(await pledges.setOfferStatus(record.id, { status: 'thanked', by: OFFICER, at: NOW + 4 * DAY }), false);
        assert.equal((await pledges.getOffer(record.id))?.status, 'withdrawn');
      }));

    it('deletes the contact details at once when the resident withdraws, by reference only', () =>
      withStore(open, async ({ submissions, pledges }) => {
        const mine = offerRecord();
        const theirs = offerRecord();
        await submissions.save(mine);
        await submissions.save(theirs);
        assert.equal(await pledges.withdraw(mine.offer!.reference, NOW + MINUTE), true);
        const withdrawn = await pledges.getOffer(mine.id);
        assert.deepEqual([withdrawn?.status, withdrawn?.sealedContact, withdrawn?.hasContact], ['withdrawn', null, false]);
        assert.equal((await pledges.getOffer(theirs.id))?.sealedContact, theirs.offer!.sealedContact);
        // Again: nothing left to withdraw.
        assert.equal(await pledges.withdraw(mine.offer!.reference, NOW + 2 * MINUTE), false);
      }));

    it('forgets contact details of offers last active before the retention date, keeping what was offered', () =>
      withStore(open, async ({ submissions, pledges, purgeBefore }) => {
        const old = offerRecord({}, { receivedAt: NOW - 400 * DAY });
        const oldButActive = offerRecord({}, { receivedAt: NOW - 400 * DAY });
        const recent = offerRecord({}, { receivedAt: NOW - DAY });
        for (const record of [old, oldButActive, recent]) await submissions.save(record);
        await pledges.setOfferStatus(oldButActive.id, { status: 'active', by: OFFICER, at: NOW - 10 * DAY });
        await purgeBefore(NOW - 365 * DAY, NOW);
        assert.equal((await pledges.getOffer(old.id))?.sealedContact, null);
        assert.deepEqual((await pledges.getOffer(old.id))?.ways, ['litter-picks']);
        assert.equal((await pledges.getOffer(oldButActive.id))?.sealedContact, oldButActive.offer!.sealedContact);
        assert.equal((await pledges.getOffer(recent.id))?.sealedContact, recent.offer!.sealedContact);
      }));
  });
}
