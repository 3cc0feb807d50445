// The ways to help and open calls for help as Volunteering Data Standard JSON-LD
// (standard.volunteeringdata.io): organisations embedding their activities, roles and
// sessions, in English and Welsh, with stable ids and nothing about any resident.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { volunteeringOpportunities } from '../src/pledges/volunteering-data.js';
import type { CallForHelpSummary } from '../src/pledges/volunteering-data.js';
import { examplePledgeList } from '../test-support/helpers.js';

type Node = Record<string, any>;

const pageUrl = 'https://council.example/help-in-your-neighbourhood';
const publisher = { name: 'Example Council', url: 'https://council.example/' };
const at = (iso: string) => Date.parse(iso);
const calls: CallForHelpSummary[] = [
  { id: 'c-litter', wayId: 'litter-picks', area: 'north', startsAt: at('2026-06-06T09:00:00Z'), endsAt: at('2026-06-06T11:00:00Z'), peopleNeeded: 6, status: 'open' },
  { id: 'c-cards', wayId: 'welcome-letters', area: 'home', startsAt: at('2026-06-10T10:00:00Z'), endsAt: null, peopleNeeded: 3, status: 'open' },
  { id: 'c-sitting', wayId: 'sitting-service', area: 'villages', startsAt: at('2026-06-12T13:00:00Z'), endsAt: at('2026-06-12T16:00:00Z'), peopleNeeded: 1, status: 'open' },
  { id: 'c-done', wayId: 'litter-picks', area: 'south', startsAt: at('2026-05-01T09:00:00Z'), endsAt: null, peopleNeeded: 4, status: 'done' },
  { id: 'c-cancelled', wayId: 'garden-tidy-ups', area: 'north', startsAt: at('2026-06-20T09:00:00Z'), endsAt: null, peopleNeeded: 2, status: 'cancelled' },
  { id: 'c-unknown-way', wayId: 'no-such-way', area: 'north', startsAt: at('2026-06-21T09:00:00Z'), endsAt: null, peopleNeeded: 2, status: 'open' },
];
const exported = () => volunteeringOpportunities({ list: examplePledgeList(), calls, publisher, pageUrl });
const activities = (doc: Node): Node[] => doc['@graph'].flatMap((organisation: Node) => organisation.activity);
const byId = (doc: Node, id: string) => {
  const found = activities(doc).find((activity) => activity.id === `${pageUrl}#${id}`);
  assert.ok(found, `no activity ${id}`);
  return found;
};
const organiserOf = (doc: Node, id: string) => doc['@graph'].find((organisation: Node) => organisation.activity.some((activity: Node) => activity.id === `${pageUrl}#${id}`));
const english = (values: Node[]) => values.find((value) => value['@language'] === 'en')?.['@value'];
const welsh = (values: Node[]) => values.find((value) => value['@language'] === 'cy')?.['@value'];
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
const keys = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keys) : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)]) : [];

describe('ways to help as Volunteering Data Standard JSON-LD', () => {
  it('uses the standard\'s context, its metadata terms and its Organisation, Activity, Role and Session types', () => {
    const doc: Node = exported();
    assert.equal(doc['@context'][0], 'https://api.volunteeringdata.io/context/v1');
    assert.equal(doc.conformsTo, 'https://ns.volunteeringdata.io/');
    assert.equal(doc.publisher, publisher.url);
    assert.ok(doc['@graph'].every((organisation: Node) => organisation.type === 'Organisation'));
    for (const activity of activities(doc)) {
      assert.equal(activity.type, 'Activity');
      assert.ok(activity.role.every((role: Node) => role.type === 'Role' && role.applyLink === pageUrl));
      assert.ok((activity.session ?? []).every((session: Node) => session.type === 'Session'));
    }
    assert.deepEqual(doc['@graph'][0], { ...doc['@graph'][0], id: publisher.url, name: publisher.name, website: publisher.url });
  });

  it('gives one opportunity for each way to help and each open call, leaving out done, cancelled and unknown ones', () => {
    const doc: Node = exported();
    const ids = activities(doc).map((activity) => activity.id).sort();
    const expected = [...examplePledgeList().ways.map((way) => `${pageUrl}#way-${way.id}`), ...['c-litter', 'c-cards', 'c-sitting'].map((id) => `${pageUrl}#call-${id}`)].sort();
    assert.deepEqual(ids, expected);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  it('asks for 16 or over where young people may help, otherwise 18, and a DBS check only for tier 4', () => {
    const doc: Node = exported();
    for (const way of examplePledgeList().ways) {
      const [role] = byId(doc, `way-${way.id}`).role;
      assert.equal(role.minimumAge, way.openToYoungPeople ? '16' : '18', way.id);
      assert.deepEqual(role.requirement, way.tier === 4 ? [{ id: 'https://ns.volunteeringdata.io/DBSCheck' }] : undefined, way.id);
    }
    assert.equal(byId(doc, 'way-welcome-letters').role[0].minimumAge, '16');
    assert.equal(byId(doc, 'way-befriending-calls').role[0].minimumAge, '18');
    assert.equal(byId(doc, 'way-sitting-service').role[0].minimumAge, '18');
  });

  it('says which can be done from home, and names the areas of the rest in English and Welsh', () => {
    const doc: Node = exported();
    for (const way of examplePledgeList().ways) assert.equal(byId(doc, `way-${way.id}`).role[0].allowsRemoteParticipation, way.fromHome, way.id);
    assert.equal(byId(doc, 'way-befriending-calls').session, undefined, 'a from-home-only way has no place');
    const places = byId(doc, 'way-litter-picks').session[0].location;
    assert.deepEqual(places.map((place: Node) => english(place.name)), ['Town centre', 'North of the town', 'South of the town', 'The villages']);
    assert.deepEqual(places.map((place: Node) => welsh(place.name)), ['Canol y dref', 'Gogledd y dref', 'De\'r dref', 'Y pentrefi']);
    assert.ok(places.every((place: Node) => place.type === 'Location' && place.id.startsWith(`${pageUrl}#area-`)));
  });

  it('has the partner organise tiers 3 and 4, and the council tiers 1 and 2', () => {
    const doc: Node = exported();
    for (const way of examplePledgeList().ways) {
      const organiser = organiserOf(doc, `way-${way.id}`);
      const activity = byId(doc, `way-${way.id}`);
      assert.equal(activity.organisation, organiser.id, way.id);
      if (way.tier >= 3) {
        assert.notEqual(organiser.id, publisher.url, way.id);
        assert.equal(english(organiser.name), way.partner?.name.en, way.id);
        assert.equal(welsh(organiser.name), way.partner?.name.cy, way.id);
      } else assert.equal(organiser.id, publisher.url, way.id);
    }
    assert.equal(organiserOf(doc, 'way-repair-cafe').id, `${pageUrl}#partner-town-repair-cafe-community-group`);
    assert.equal(organiserOf(doc, 'call-c-sitting').id, organiserOf(doc, 'way-sitting-service').id, 'a call has its way\'s organiser');
    assert.equal(doc['@graph'].length, 1 + 4, 'the council and each partner once');
  });

  it('dates each call in ISO 8601 with OWL-Time, links it to its way and says how many people it needs', () => {
    const doc: Node = exported();
    const litter = byId(doc, 'call-c-litter');
    assert.equal(litter.isPartOf, `${pageUrl}#way-litter-picks`);
    assert.equal(litter.role[0].totalJobOpenings, 6);
    assert.deepEqual(litter.session[0].location.map((place: Node) => english(place.name)), ['North of the town']);
    assert.deepEqual(litter.session[0].time, [{
      type: 'Time',
      'rdfs:label': '2026-06-06T09:00:00.000Z/2026-06-06T11:00:00.000Z',
      hasBeginning: { inXSDDateTimeStamp: '2026-06-06T09:00:00.000Z' },
      hasEnd: { inXSDDateTimeStamp: '2026-06-06T11:00:00.000Z' },
    }]);
    const cards = byId(doc, 'call-c-cards');
    assert.equal(cards.role[0].allowsRemoteParticipation, true);
    assert.equal(cards.session[0].location, undefined, 'a call from home has no place');
    assert.deepEqual(cards.session[0].time[0].hasBeginning, { inXSDDateTimeStamp: '2026-06-10T10:00:00.000Z' });
    assert.equal('hasEnd' in cards.session[0].time[0], false, 'no end when the call has none');
    const context = doc['@context'][1];
    assert.equal(context.hasBeginning, 'http://www.w3.org/2006/time#hasBeginning');
    assert.equal(context.totalJobOpenings, 'https://schema.org/totalJobOpenings');
  });

  it('gives every text in English and Welsh as @language-tagged values, boundaries with the role', () => {
    const doc: Node = exported();
    for (const way of examplePledgeList().ways) {
      const activity = byId(doc, `way-${way.id}`);
      assert.deepEqual(activity.title, [{ '@value': way.title.en, '@language': 'en' }, { '@value': way.title.cy, '@language': 'cy' }]);
      assert.equal(welsh(activity.description), way.description.cy);
      for (const boundary of way.boundaries) {
        assert.ok(english(activity.role[0].description).includes(boundary.en), way.id);
        assert.ok(welsh(activity.role[0].description).includes(boundary.cy ?? ''), way.id);
      }
    }
    const list = examplePledgeList();
    list.ways[0] = { ...list.ways[0]!, title: { en: 'Befriending phone calls' } };
    const [first] = activities(volunteeringOpportunities({ list, calls: [], publisher, pageUrl }) as Node);
    assert.deepEqual(first?.title, [{ '@value': 'Befriending phone calls', '@language': 'en' }], 'no Welsh value where there is no Welsh');
  });

  it('is deterministic, keeps its ids stable and survives JSON', () => {
    const doc = exported();
    assert.deepEqual(exported(), doc);
    assert.equal(JSON.stringify(exported()), JSON.stringify(doc));
    assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc);
    const again = volunteeringOpportunities({ list: examplePledgeList(), calls: [...calls].reverse().filter((call) => call.id !== 'c-cards'), publisher, pageUrl: `${pageUrl}#widget` });
    assert.equal(byId(again as Node, 'way-lunch-club').id, byId(doc as Node, 'way-lunch-club').id, 'a way\'s id does not depend on the calls or a fragment');
    assert.equal(byId(again as Node, 'call-c-litter').id, `${pageUrl}#call-c-litter`);
  });

  it('holds no email address, phone number or contact field anywhere', () => {
    const doc = exported();
    const list = examplePledgeList();
    for (const value of strings(doc)) {
      assert.doesNotMatch(value, /[\w.+-]+@[\w-]+\.[\w.-]+/, value);
      // ISO timestamps are digits and dashes too; anything else with 8 or more digits in a row is suspect.
      assert.doesNotMatch(value.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, ''), /\+?\d[\d\s().-]{6,}\d/, value);
      assert.ok(!value.includes(list.contactUse.en), 'not even the note on contact details');
    }
    assert.deepEqual(keys(doc).filter((key) => /mail|phone|contact|guardian|offer/i.test(key)), []);
  });
});
