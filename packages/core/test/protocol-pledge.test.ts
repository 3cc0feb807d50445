import { expect } from '@esm-bundle/chai';
import { checkOffer, isPhoneNumber } from '../src/protocol/offer-check.js';
import { NOW_AND_THEN, partnerOf, WHEN_SLOTS } from '../src/protocol/pledge.js';
import type { OfferAnswers, OfferContact, PledgeListView, WayToHelp } from '../src/protocol/pledge.js';

const way = (id: string, overrides: Partial<WayToHelp> = {}): WayToHelp => ({
  id,
  title: { en: id },
  description: { en: `What ${id} involves` },
  tier: 1,
  boundaries: [],
  areas: ['north'],
  fromHome: false,
  openToYoungPeople: false,
  partner: null,
  ...overrides,
});

const LIST: PledgeListView = {
  id: 'help-your-neighbourhood',
  site: 'council',
  title: { en: 'Help in your neighbourhood' },
  intro: null,
  contactUse: { en: 'The volunteering team uses these to ask you about the ways to help you chose.' },
  areas: [{ id: 'north', name: { en: 'North' } }, { id: 'south', name: { en: 'South' } }],
  ways: [
    way('litter-pick', { tier: 2, openToYoungPeople: true }),
    way('befriending-calls', { fromHome: true, areas: [] }),
    way('lunch-club', { tier: 4, partner: { name: { en: 'Age Friendly Partnership' } } }),
  ],
};

const answers = (overrides: Partial<OfferAnswers> = {}): OfferAnswers => ({ ways: ['litter-pick'], areas: ['north'], when: ['weekends-mornings'], often: 'monthly', age: 'adult', ...overrides });
const contact = (overrides: Partial<OfferContact> = {}): OfferContact => ({ name: 'Siân Jones', email: 'sian@example.org', prefer: 'email', ...overrides });
const codes = (a: OfferAnswers, c: OfferContact) => checkOffer(a, c, LIST).map((problem) => `${problem.field} ${problem.code}`);

describe('offers of help: the rules the widget and the collector share', () => {
  it('takes a whole offer', () => {
    expect(codes(answers(), contact())).to.deep.equal([]);
    expect(codes(answers({ ways: ['befriending-calls', 'litter-pick'], areas: ['home', 'south'], when: [...WHEN_SLOTS], often: 'more', note: 'I have a car' }), contact({ email: undefined, phone: '07700 900 982', prefer: 'phone' }))).to.deep.equal([]);
  });

  it('asks for at least one way to help, from the list, each once', () => {
    expect(codes(answers({ ways: [] }), contact())).to.deep.equal(['answers.ways choose-a-way']);
    expect(codes(answers({ ways: ['knitting'] }), contact())).to.deep.equal(['answers.ways unknown-way']);
    expect(codes(answers({ ways: ['litter-pick', 'litter-pick'] }), contact())).to.deep.equal(['answers.ways unknown-way']);
  });

  it('asks where, from the council’s areas or from home', () => {
    expect(codes(answers({ areas: [] }), contact())).to.deep.equal(['answers.areas choose-an-area']);
    expect(codes(answers({ areas: ['east'] }), contact())).to.deep.equal(['answers.areas unknown-area']);
    expect(codes(answers({ areas: ['home'] }), contact())).to.deep.equal([]);
  });

  it('asks when: parts of the week, or "now and then" on its own', () => {
    expect(codes(answers({ when: [] }), contact())).to.deep.equal(['answers.when choose-when']);
    expect(codes(answers({ when: [NOW_AND_THEN] }), contact())).to.deep.equal([]);
    expect(codes(answers({ when: [NOW_AND_THEN, 'weekdays-evenings'] }), contact())).to.deep.equal(['answers.when now-and-then-alone']);
    expect(codes(answers({ when: ['weekdays-nights'] }), contact())).to.deep.equal(['answers.when choose-when']);
  });

  it('asks how often, from the set choices', () => {
    expect(codes(answers({ often: 'daily' as OfferAnswers['often'] }), contact())).to.deep.equal(['answers.often choose-how-often']);
  });

  it('lets a 16 or 17 year old offer only the ways open to them, with a guardian’s email', () => {
    expect(codes(answers({ age: 'young' }), contact())).to.deep.equal(['contact.guardianEmail guardian-required']);
    expect(codes(answers({ age: 'young' }), contact({ guardianEmail: 'not an email' }))).to.deep.equal(['contact.guardianEmail guardian-invalid']);
    expect(codes(answers({ age: 'young' }), contact({ guardianEmail: 'parent@example.org' }))).to.deep.equal([]);
    expect(codes(answers({ age: 'young', ways: ['litter-pick', 'lunch-club'] }), contact({ guardianEmail: 'parent@example.org' }))).to.deep.equal(['answers.ways not-open-to-young-people']);
    expect(codes(answers({ age: 'unknown' as OfferAnswers['age'] }), contact())).to.deep.equal(['answers.age choose-age']);
  });

  it('asks for a name and the way they would like to be contacted', () => {
    expect(codes(answers(), contact({ name: '  ' }))).to.deep.equal(['contact.name name-required']);
    expect(codes(answers(), contact({ name: 'a'.repeat(101) }))).to.deep.equal(['contact.name name-too-long']);
    expect(codes(answers(), contact({ email: undefined }))).to.deep.equal(['contact.email contact-required']);
    expect(codes(answers(), contact({ prefer: 'phone' }))).to.deep.equal(['contact.phone contact-required']);
    expect(codes(answers(), contact({ email: 'sian@', prefer: 'email' }))).to.deep.equal(['contact.email email-invalid']);
    expect(codes(answers(), contact({ phone: '12345', prefer: 'email' }))).to.deep.equal(['contact.phone phone-invalid']);
  });

  it('gives every problem at once, in the order the form asks', () => {
    expect(codes(answers({ ways: [], areas: [], when: [] }), contact({ name: '', email: '' }))).to.deep.equal([
      'answers.ways choose-a-way',
      'answers.areas choose-an-area',
      'answers.when choose-when',
      'contact.name name-required',
      'contact.email contact-required',
    ]);
  });

  it('knows phone numbers as people type them', () => {
    for (const typed of ['07700 900982', '+44 7700 900982', '(01632) 960 001', '0161-496-0000', '+353 1 234 5678']) expect(isPhoneNumber(typed), typed).to.equal(true);
    for (const typed of ['999', '07700 9009', 'call me', '+44 7700 900982 ext 2', '1234567890123456']) expect(isPhoneNumber(typed), typed).to.equal(false);
  });

  it('routes tier 3 and 4 tasks to their partner organisation, and no others', () => {
    expect(partnerOf(LIST.ways[2]!)?.name.en).to.equal('Age Friendly Partnership');
    expect(partnerOf(way('garden', { tier: 2, partner: { name: { en: 'Someone' } } }))).to.equal(null);
  });
});
