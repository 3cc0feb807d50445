// The calls part's contract: calls for help kept and listed soonest first with their counts;
// the offers that fit a call (its way, area, time of the week or "now and then"; current and
// reachable), fairest first (never asked, then asked longest ago, then the earliest offer);
// the monthly cap on asks, held when asking too; answers and hours given.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { offerRecord } from './records.js';
import { DAY, HOUR, MINUTE, NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { CallForHelp, CallStore, PledgeStore, SubmissionStore } from '../../src/store/store.js';

type Parts = { submissions: SubmissionStore, pledges: PledgeStore, calls: CallStore };
const OFFICER = 'volunteering@example.gov.uk';
const MONTH = 30 * DAY;
const fair = (at: number = NOW, cap = 2) => ({ since: at - MONTH, cap });

const call = (overrides: Partial<CallForHelp> = {}): CallForHelp => ({
  id: randomUUID(), listId: 'help-your-neighbourhood', site: 'adult-social-care', wayId: 'litter-picks', area: 'north', slot: 'weekends-mornings',
  startsAt: NOW + 7 * DAY, endsAt: NOW + 7 * DAY + 3 * HOUR, peopleNeeded: 4, details: 'Meet at the library car park', status: 'open', createdBy: OFFICER, createdAt: NOW, ...overrides,
});

export function callsContract(name: string, open: OpenStore<Parts>) {
  describe(`${name}: calls for help`, () => {
    it('keeps calls, lists them soonest first with who was asked, who said yes and the hours, and knows no other', () =>
      withStore(open, async ({ calls }) => {
        const later = call({ startsAt: NOW + 9 * DAY });
        const sooner = call({ startsAt: NOW + 2 * DAY, endsAt: null, wayId: 'befriending-calls', area: 'home', slot: 'weekdays-evenings' });
        await calls.create(later);
        await calls.create(sooner);
        assert.deepEqual(await calls.get(sooner.id), sooner);
        assert.equal(await calls.get(randomUUID()), undefined);
        assert.deepEqual(await calls.list({}), [{ ...sooner, asked: 0, yes: 0, hours: 0 }, { ...later, asked: 0, yes: 0, hours: 0 }]);
        assert.equal(await calls.setStatus(later.id, 'cancelled'), true);
        assert.deepEqual((await calls.list({ status: 'open' })).map((c) => c.id), [sooner.id]);
        assert.deepEqual(await calls.list({ listId: 'another-list' }), []);
        assert.equal(await calls.setStatus(randomUUID(), 'done'), false);
      }));

    it('proposes the current offers that fit the way, the area and the time, fairest first', () =>
      withStore(open, async ({ submissions, pledges, calls }) => {
        const early = offerRecord({}, { receivedAt: NOW - 3 * DAY });
        const late = offerRecord({}, { receivedAt: NOW - DAY });
        const anyTime = offerRecord({ when: ['now-and-then'] }, { receivedAt: NOW - 2 * DAY });
        const misfits = [
          offerRecord({ ways: ['lunch-club'] }), offerRecord({ areas: ['south'] }), offerRecord({ when: ['weekdays-mornings'] }),
          offerRecord({ listId: 'another-list' }),
        ];
        const unsuitable = offerRecord();
        const withdrawn = offerRecord();
        for (const record of [early, late, anyTime, ...misfits, unsuitable, withdrawn]) await submissions.save(record);
        await pledges.setOfferStatus(unsuitable.id, { status: 'not-suitable', by: OFFICER, at: NOW });
        await pledges.withdraw(withdrawn.offer!.reference, NOW);
        const pick = call();
        await calls.create(pick);
        assert.deepEqual((await calls.candidates(pick, fair(), 10)).map((c) => c.id), [early.id, anyTime.id, late.id]);
        assert.deepEqual((await calls.candidates(pick, fair(), 2)).map((c) => c.id), [early.id, anyTime.id]);
        const [first] = await calls.candidates(pick, fair(), 1);
        assert.deepEqual([first?.lastAskedAt, first?.asksSince, first?.hasContact, 'sealedContact' in (first ?? {})], [null, 0, true, false]);

        // Asked for another call a while ago: now proposed after those never asked.
        const earlier = call({ startsAt: NOW - 10 * DAY });
        await calls.create(earlier);
        assert.deepEqual(await calls.ask(earlier, [early.id], OFFICER, NOW - 12 * DAY, fair(NOW - 12 * DAY)), [early.id]);
        const order = await calls.candidates(pick, fair(), 10);
        assert.deepEqual(order.map((c) => c.id), [anyTime.id, late.id, early.id]);
        assert.deepEqual([order[2]?.lastAskedAt, order[2]?.asksSince], [NOW - 12 * DAY, 1]);
      }));

    it('asks each offer once per call, makes a new offer contacted, and holds the monthly cap when asking', () =>
      withStore(open, async ({ submissions, pledges, calls }) => {
        const busy = offerRecord();
        const free = offerRecord();
        for (const record of [busy, free]) await submissions.save(record);
        const [one, two, three] = [call(), call({ startsAt: NOW + 8 * DAY }), call({ startsAt: NOW + 9 * DAY })];
        for (const c of [one, two, three]) await calls.create(c);
        assert.deepEqual(await calls.ask(one, [busy.id, free.id], OFFICER, NOW, fair()), [busy.id, free.id]);
        assert.deepEqual(await calls.ask(one, [busy.id], OFFICER, NOW + MINUTE, fair()), [], 'not twice for one call');
        assert.equal((await pledges.getOffer(busy.id))?.status, 'contacted');
        assert.equal((await pledges.getOffer(busy.id))?.lastActivityAt, NOW);
        assert.deepEqual(await calls.ask(two, [busy.id], OFFICER, NOW + DAY, fair(NOW + DAY)), [busy.id]);
        // Two asks in the month: the cap of 2 is reached, so the third call neither proposes nor asks them.
        assert.deepEqual((await calls.candidates(three, fair(NOW + 2 * DAY), 10)).map((c) => c.id), [free.id]);
        assert.deepEqual(await calls.ask(three, [busy.id, free.id, randomUUID()], OFFICER, NOW + 2 * DAY, fair(NOW + 2 * DAY)), [free.id]);
        // A month on, the cap counts only the asks since.
        assert.deepEqual((await calls.candidates(three, fair(NOW + MONTH + 2 * DAY), 10)).map((c) => c.id), [busy.id]);
        assert.deepEqual((await calls.asks(one.id)).map((a) => [a.offerId, a.answer, a.hours, a.askedBy]).sort(), [[busy.id, 'waiting', null, OFFICER], [free.id, 'waiting', null, OFFICER]].sort());
      }));

    it('records who said yes and the hours given, and adds them up', () =>
      withStore(open, async ({ submissions, calls }) => {
        const [a, b] = [offerRecord(), offerRecord()];
        for (const record of [a, b]) await submissions.save(record);
        const [one, two] = [call(), call({ listId: 'another-list' })];
        for (const c of [one, two]) await calls.create(c);
        await calls.ask(one, [a.id, b.id], OFFICER, NOW, fair());
        assert.equal(await calls.answer(one.id, a.id, { answer: 'yes', hours: 2.5 }), true);
        assert.equal(await calls.answer(one.id, b.id, { answer: 'no', hours: null }), true);
        assert.equal(await calls.answer(two.id, a.id, { answer: 'yes', hours: 3 }), false, 'not asked for that call');
        const [listed] = await calls.list({ listId: one.listId });
        assert.deepEqual([listed?.asked, listed?.yes, listed?.hours], [2, 1, 2.5]);
        assert.deepEqual(await calls.hoursGiven({}), { hours: 2.5, people: 1 });
        assert.deepEqual(await calls.hoursGiven({ listId: 'another-list' }), { hours: 0, people: 0 });
      }));
  });
}
