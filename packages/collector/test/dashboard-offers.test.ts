// Offers of help in the staff dashboard over real HTTP and SQLite, each offer sent as a resident
// sends it (POST /v1/submissions, contact sealed by the collector): counts by way, area and
// time of week; the list with contact details masked; an offer's page with them in full;
// moving an offer on (CSRF, errors); a withdrawn offer; CSV without contact details.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { referenceOf } from '@tandem/core/protocol.js';
import { readCsv } from '../test-support/csv.js';
import { browserish, startDashboard } from '../test-support/dashboard.js';
import { examplePledgeList, makeOffer, ORIGIN, post, TEST_CONTACT_KEY } from '../test-support/helpers.js';
import { contactSealer } from '../src/pledges/contact-sealing.js';
import { loggedPath } from '../src/server.js';
import { maskedContact, openContact } from '../src/dashboard/offers/contact.js';
import { OFFER_CSV_HEADERS } from '../src/dashboard/offers/csv.js';

let collector: Awaited<ReturnType<typeof startDashboard>>;
let staff: ReturnType<typeof browserish>;

const JO = { name: 'Jo Bloggs', email: 'jo.bloggs@example.com', phone: '07700 900982', prefer: 'phone' };
const offers = {
  jo: makeOffer({ contact: JO }),
  sam: makeOffer({
    answers: { ways: ['litter-picks', 'lunch-club'], areas: ['north', 'south'], when: ['weekends-mornings', 'weekdays-evenings'], often: 'weekly', age: 'adult', note: '=HYPERLINK("http://evil.example")' },
    contact: { name: 'Sam Okafor', email: 'sam.okafor@example.com', prefer: 'email' },
  }),
  young: makeOffer({
    answers: { ways: ['garden-tidy-ups'], areas: ['villages'], when: ['now-and-then'], often: 'once', age: 'young' },
    contact: { name: 'Alex Young', email: 'alex@example.com', prefer: 'email', guardianEmail: 'parent@example.com' },
  }),
};
const path = (id: string) => `/dashboard/offers/${id}`;

before(async () => {
  collector = await startDashboard({ pledges: [examplePledgeList()], contactKey: TEST_CONTACT_KEY });
  for (const offer of Object.values(offers)) {
    const sent = await post(collector.url, offer);
    assert.equal(sent.status, 201, sent.text);
  }
  staff = browserish(collector.url);
  await staff.signIn();
});
after(() => collector.close());

/** The number in the cell of `column` (counting from 1 after the row's heading) of the row headed `way`. */
function cell(page: string, captionId: string, way: string, column: number) {
  const table = page.slice(page.indexOf(`id="${captionId}"`), page.indexOf('</table>', page.indexOf(`id="${captionId}"`)));
  const row = new RegExp(`<th scope="row">${way}</th>((?:<td[^>]*>.*?</td>\\s*)+)</tr>`, 's').exec(table)?.[1] ?? '';
  return [...row.matchAll(/<td class="numeric">(\d+)<\/td>/g)].map((m) => Number(m[1]))[column - 1];
}

describe('offers of help in the dashboard', () => {
  it('needs a signed-in session for every page and the export', async () => {
    const anonymous = browserish(collector.url);
    for (const page of ['/dashboard/offers', path(offers.jo.id), '/dashboard/offers/export.csv']) {
      const response = await anonymous.request(page);
      assert.deepEqual([response.status, response.location], [303, '/dashboard/sign-in'], page);
    }
  });

  it('counts current offers by way, by way and area, and by way and time of week', async () => {
    const page = (await staff.request('/dashboard/offers')).text;
    assert.match(page, /<a class="header__link" href="\/dashboard\/offers" aria-current="page">Offers of help<\/a>/);
    assert.equal(cell(page, 'by-way-caption', 'Litter picks', 1), 2);
    assert.equal(cell(page, 'by-way-caption', 'Lunch club helper', 1), 1);
    assert.equal(cell(page, 'by-way-caption', 'Befriending phone calls', 1), 0);
    // Columns: town centre, north, south, villages, from home.
    assert.equal(cell(page, 'by-area-caption', 'Litter picks', 2), 2);
    assert.equal(cell(page, 'by-area-caption', 'Litter picks', 3), 1);
    assert.equal(cell(page, 'by-area-caption', 'Garden tidy-ups', 4), 1);
    // Columns: weekday mornings … weekend evenings, now and then.
    assert.equal(cell(page, 'by-time-caption', 'Litter picks', 4), 2);
    assert.equal(cell(page, 'by-time-caption', 'Litter picks', 3), 1);
    assert.equal(cell(page, 'by-time-caption', 'Garden tidy-ups', 7), 1);
    // The bars are drawn for eyes only: the numbers are the chart's text.
    assert.match(page, /<span class="bar bar--100" aria-hidden="true"><\/span>/);
  });

  it('lists offers with their contact details masked, never in full', async () => {
    const page = (await staff.request('/dashboard/offers')).text;
    assert.match(page, /J\. B\., j…@example\.com, phone ending 982 \(prefers phone\)/);
    assert.match(page, /S\. O\., s…@example\.com \(prefers email\)/);
    for (const detail of ['Jo Bloggs', 'jo.bloggs@', '900982', 'Sam Okafor', 'parent@example.com', referenceOf(offers.jo.id)]) assert.ok(!page.includes(detail), detail);
    assert.match(page, /Guardian to confirm/);
    assert.match(page, /Age Friendly Partnership/);
    assert.match(page, new RegExp(`href="${path(offers.jo.id)}"`));
  });

  it('filters by partner, area and time of week, and ignores values it does not know', async () => {
    const listed = async (query: string) => {
      const page = (await staff.request(`/dashboard/offers?${query}`)).text;
      return Object.entries(offers).filter(([, offer]) => page.includes(`href="${path(offer.id)}"`)).map(([name]) => name).sort();
    };
    assert.deepEqual(await listed('partner=Age+Friendly+Partnership'), ['sam']);
    assert.deepEqual(await listed('partner=council'), ['jo', 'sam', 'young']);
    assert.deepEqual(await listed('area=villages'), ['young']);
    assert.deepEqual(await listed('slot=weekdays-evenings'), ['sam']);
    assert.deepEqual(await listed('way=lunch-club&partner=council'), []);
    // Counted under the way filtered to alone, though Sam's offer names litter picks too.
    const lunch = (await staff.request('/dashboard/offers?way=lunch-club')).text;
    assert.equal(cell(lunch, 'by-way-caption', 'Lunch club helper', 1), 1);
    assert.equal(cell(lunch, 'by-way-caption', 'Litter picks', 1), undefined);
    assert.deepEqual(await listed('way=no-such-way&area=%3Cscript%3E&status=nonsense'), ['jo', 'sam', 'young']);
  });

  it('shows an offer\'s contact details in full on its own page, with who arranges each way', async () => {
    const jo = (await staff.request(path(offers.jo.id))).text;
    assert.match(jo, /<span class="resident-text">Jo Bloggs<\/span>/);
    assert.match(jo, /href="tel:07700900982">07700 900982<\/a>/);
    assert.match(jo, /<dt>Prefers to be contacted by<\/dt><dd>Phone<\/dd>/);
    assert.ok(jo.includes(referenceOf(offers.jo.id)));
    const sam = (await staff.request(path(offers.sam.id))).text;
    assert.match(sam, /Age Friendly Partnership gets in touch to arrange what the role needs/);
    assert.ok(sam.includes('=HYPERLINK(&quot;http://evil.example&quot;)'), 'the note is shown as text');
    const young = (await staff.request(path(offers.young.id))).text;
    assert.match(young, /<dt>Parent or guardian to confirm<\/dt><dd><a class="resident-text" href="mailto:parent@example.com">/);
    assert.equal((await staff.request(path('0f8fad5b-d9cb-469f-a165-70867728950e'))).status, 404);
    assert.equal((await staff.request(path('not-an-id'))).status, 404);
  });

  it('moves an offer on with notes, only with the form\'s token, and says what is missing', async () => {
    const page = (await staff.request(path(offers.jo.id))).text;
    const token = staff.tokenIn(page);
    const forged = await staff.request(path(offers.jo.id), { method: 'POST', form: { status: 'active', notes: 'forged' } });
    assert.equal(forged.status, 403);
    const missing = await staff.request(path(offers.jo.id), { method: 'POST', form: { _csrf: token, notes: 'Rang twice' } });
    assert.equal(missing.status, 422);
    assert.match(missing.text, /<a href="#status">Choose a status<\/a>/);
    assert.match(missing.text, />Rang twice<\/textarea>/);
    const saved = await staff.request(path(offers.jo.id), { method: 'POST', form: { _csrf: token, status: 'contacted', notes: 'Rang twice, will call back' } });
    assert.deepEqual([saved.status, saved.location], [303, `${path(offers.jo.id)}?done=saved`]);
    const after = (await staff.request(saved.location as string)).text;
    assert.match(after, /The status and notes have been saved\./);
    assert.match(after, /Status: <strong>Contacted<\/strong>/);
    assert.match(after, /id="status-contacted" name="status" type="radio" value="contacted" aria-describedby="status-contacted-hint" checked/);
    assert.match(after, />Rang twice, will call back<\/textarea>/);
    assert.match(after, /Last changed by officer@example-council\.gov\.uk/);
  });

  it('shows a withdrawn offer without contact details, and does not move it on', async () => {
    const withdrawn = await fetch(`${collector.url}/v1/pledges/withdraw`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN }, body: JSON.stringify({ site: 'adult-social-care', reference: referenceOf(offers.young.id) }) });
    assert.equal(withdrawn.status, 200);
    const page = (await staff.request(path(offers.young.id))).text;
    assert.match(page, /The contact details have been deleted: the resident withdrew the offer/);
    assert.ok(!page.includes('parent@example.com') && !page.includes('alex@example.com'));
    assert.ok(!page.includes('name="status"'), 'no status form');
    const moved = await staff.request(path(offers.young.id), { method: 'POST', form: { _csrf: staff.tokenIn(page), status: 'active', notes: '' } });
    assert.deepEqual([moved.status, moved.location], [303, `${path(offers.young.id)}?done=withdrawn`]);
    assert.equal((await collector.store.pledges.getOffer(offers.young.id))?.status, 'withdrawn');
    // No longer current: gone from the default list, there under "any status".
    assert.ok(!(await staff.request('/dashboard/offers')).text.includes(path(offers.young.id)));
    assert.match((await staff.request('/dashboard/offers?status=withdrawn')).text, /Deleted/);
  });

  it('exports what was offered as CSV, without contact details or references, safe in a spreadsheet', async () => {
    const response = await staff.request('/dashboard/offers/export.csv?status=all');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="tandem-offers-help-your-neighbourhood-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = readCsv(response.text.replace(/^\ufeff/, ''));
    assert.equal(rows.length, 3);
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...OFFER_CSV_HEADERS]);
    for (const detail of ['Jo Bloggs', 'jo.bloggs', '07700', 'Sam Okafor', 'parent@', 'TDM-']) assert.ok(!response.text.includes(detail), detail);
    const sam = rows.find((row) => row['Ways to help']?.includes('Lunch club helper'));
    assert.equal(sam?.['Ways to help'], 'Litter picks; Lunch club helper');
    assert.equal(sam?.['Anything else they said'], '\'=HYPERLINK("http://evil.example")');
    assert.equal(sam?.['Arranged by'], 'Age Friendly Partnership');
    assert.equal(rows.find((row) => row['Ways to help'] === 'Garden tidy-ups')?.['Contact details kept'], 'No (deleted)');
    // Nor the offers' ids, from which anyone could work out the references that withdraw them.
    for (const offer of Object.values(offers)) assert.ok(!response.text.includes(offer.id));
  });
});

describe('the log', () => {
  it('keeps a request path without an offer\'s id, which would give away its reference', () => {
    const id = offers.jo.id;
    assert.equal(loggedPath(`/dashboard/offers/${id}?done=saved`), '/dashboard/offers/{id}');
    assert.equal(loggedPath(`/dashboard/offers/${id}/x`), '/dashboard/offers/{id}/x');
    assert.equal(loggedPath('/dashboard/offers/calls/new?list=a'), '/dashboard/offers/calls/new');
    assert.equal(loggedPath('/v1/submissions'), '/v1/submissions');
  });
});

describe('contact details as staff see them', () => {
  const sealer = contactSealer(Buffer.from(TEST_CONTACT_KEY, 'base64'));
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const sealed = sealer.seal(JSON.stringify(JO), id);

  it('opens only with the key and offer they were sealed for, and says so otherwise', () => {
    assert.deepEqual(openContact(sealer, sealed, id), { kind: 'open', contact: JO });
    assert.deepEqual(openContact(contactSealer(Buffer.alloc(32, 9)), sealed, id), { kind: 'unreadable' });
    assert.deepEqual(openContact(sealer, sealed, '1f8fad5b-d9cb-469f-a165-70867728950e'), { kind: 'unreadable' });
    assert.deepEqual(openContact(null, sealed, id), { kind: 'unreadable' });
    assert.deepEqual(openContact(sealer, null, id), { kind: 'none' });
  });

  it('masks a name to initials, an email to its first letter and domain, and a phone to its last three digits', () => {
    assert.equal(maskedContact(openContact(sealer, sealed, id)), 'J. B., j…@example.com, phone ending 982 (prefers phone)');
    assert.equal(maskedContact({ kind: 'open', contact: { name: '  élodie   de la cruz ', prefer: 'email', email: 'x@y.cymru' } }), 'É. D. L. C., x…@y.cymru (prefers email)');
    assert.equal(maskedContact({ kind: 'none' }), 'Deleted');
  });
});
