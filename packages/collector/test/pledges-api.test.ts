// Offers of help over HTTP against a real collector and SQLite file: the ways to help list a
// widget reads, an offer stored once with its contact sealed (the database file holds no name,
// email or phone in clear), refusals that name the field, and withdrawal by reference.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { referenceOf } from '@tandem/core/protocol.js';
import { contactSealer, readContactKey } from '../src/pledges/contact-sealing.js';
import { examplePledgeList, makeOffer, makeSubmission, OFFER_CONTACT, ORIGIN, OTHER_ORIGIN, post, startTestCollector, TEST_CONTACT_KEY } from '../test-support/helpers.js';

const LIST = examplePledgeList();
let collector: Awaited<ReturnType<typeof startTestCollector>>;
before(async () => {
  collector = await startTestCollector({ pledges: [LIST], contactKey: TEST_CONTACT_KEY });
});
after(() => collector.close());

const withdraw = (body: unknown, origin: string = ORIGIN) =>
  fetch(`${collector.url}/v1/pledges/withdraw`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin }, body: JSON.stringify(body) });

/** Every byte SQLite has written (the database, its WAL and its shared memory), as text. */
const databaseBytes = () => readdirSync(collector.dir).map((name) => readFileSync(join(collector.dir, name)).toString('latin1')).join('\n');

describe('GET /v1/pledges/{list}', () => {
  it('gives the site\'s own origin the list as configured, and nobody\'s offers', async () => {
    const response = await fetch(`${collector.url}/v1/pledges/help-your-neighbourhood?site=adult-social-care`, { headers: { origin: ORIGIN } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    const list = await response.json();
    assert.deepEqual(list, JSON.parse(JSON.stringify(LIST)));
    assert.equal(list.ways.length, 9);
  });

  it('does not let another site\'s origin read it, and knows no list on another site', async () => {
    const other = await fetch(`${collector.url}/v1/pledges/help-your-neighbourhood?site=adult-social-care`, { headers: { origin: OTHER_ORIGIN } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    for (const path of ['help-your-neighbourhood?site=other-site', 'help-your-neighbourhood', 'no-such-list?site=adult-social-care', 'NOT%20A%20SLUG?site=adult-social-care']) {
      const response = await fetch(`${collector.url}/v1/pledges/${path}`, { headers: { origin: ORIGIN } });
      assert.equal(response.status, 404, path);
      assert.equal((await response.json()).code, 'unknown-list', path);
    }
  });
});

describe('an offer of help through POST /v1/submissions', () => {
  it('is stored once with its reference, its contact sealed to it, and nothing personal in clear in the database', async () => {
    const offer = makeOffer({ contact: { ...OFFER_CONTACT, phone: '07700 900982' } });
    const first = await post(collector.url, offer);
    assert.equal(first.status, 201, first.text);
    assert.deepEqual(first.json, { id: offer.id, reference: referenceOf(offer.id) });
    // A retry (the page was closed as it sent) is one offer, and is told its reference again.
    const retry = await post(collector.url, offer);
    assert.equal(retry.status, 200, retry.text);
    assert.deepEqual(retry.json, first.json);

    const { rows, total } = await collector.store.pledges.listOffers({ listId: LIST.id }, { limit: 10, offset: 0 });
    assert.equal(total, 1);
    assert.equal(rows[0]?.reference, referenceOf(offer.id));
    assert.deepEqual(rows[0]?.ways, ['litter-picks']);
    assert.equal(rows[0]?.hasContact, true);
    assert.equal('sealedContact' in (rows[0] ?? {}), false, 'lists never carry contact details');

    const stored = await collector.store.pledges.getOffer(rows[0]!.id);
    const sealer = contactSealer(readContactKey(TEST_CONTACT_KEY));
    assert.deepEqual(JSON.parse(sealer.open(stored!.sealedContact!, offer.id)), { name: OFFER_CONTACT.name, email: OFFER_CONTACT.email, phone: '07700 900982', prefer: 'email' });

    // Committed before the answer was sent, so on disk now.
    const bytes = databaseBytes();
    for (const personal of [OFFER_CONTACT.name, 'Parry-Okafor', OFFER_CONTACT.email, 'example.com', '07700 900982', '7700900982']) {
      assert.equal(bytes.includes(personal), false, `"${personal}" is in the database file in clear`);
    }
  });

  it('refuses an incomplete offer field by field, and stores nothing of it', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ answers: { ways: [], areas: ['north'], when: ['weekends-mornings'], often: 'monthly', age: 'adult' } }, 'answers.ways', 'Choose at least one way to help'],
      [{ answers: { ways: ['litter-picks'], areas: ['north'], when: ['now-and-then', 'weekends-mornings'], often: 'monthly', age: 'adult' } }, 'answers.when', '"Now and then" is chosen on its own'],
      [{ answers: { ways: ['sitting-service'], areas: ['north'], when: ['weekends-mornings'], often: 'monthly', age: 'young' }, contact: { ...OFFER_CONTACT, guardianEmail: 'parent@example.com' } }, 'answers.ways', 'Some of these ways to help are for people aged 18 or over'],
      [{ contact: { name: 'Sam', prefer: 'phone', email: 'sam@example.com' } }, 'contact.phone', 'Enter the email address or phone number you would like to be contacted on'],
      [{ contact: { name: 'Sam', prefer: 'email', email: 'sam at example' } }, 'contact.email', 'Enter an email address like name@example.com'],
      [{ contact: undefined }, 'contact', 'An offer of help needs a name and a way to contact the person'],
      [{ answers: { ways: ['litter-picks'], areas: ['north'], when: ['weekends-mornings'], often: 'monthly', age: 'adult', postcode: 'CF10 1AA' } }, 'answers', 'An offer\'s answers are ways, areas and when (lists of ids), often, age and an optional note'],
    ];
    for (const [overrides, field, message] of cases) {
      const reply = await post(collector.url, makeOffer(overrides));
      assert.equal(reply.status, 422, `${field}: ${reply.text}`);
      assert.equal(reply.json?.code, 'invalid-offer', field);
      assert.ok(reply.json?.problems?.some((problem) => problem.field === field && problem.message === message), `${field}: ${reply.text}`);
    }
    const unknown = await post(collector.url, makeOffer({ instance: 'no-such-list' }));
    assert.equal(unknown.status, 422);
    assert.equal(unknown.json?.code, 'unknown-list');
    const { total } = await collector.store.pledges.listOffers({}, { limit: 1, offset: 0 });
    assert.equal(total, 1, 'only the first test\'s offer');
  });

  it('keeps two offers alike from one page as two: each resident was given its own reference', async () => {
    const before = (await collector.store.pledges.listOffers({}, { limit: 1, offset: 0 })).total;
    const [first, second] = [makeOffer(), makeOffer()];
    assert.equal((await post(collector.url, first)).status, 201);
    assert.equal((await post(collector.url, second)).status, 201);
    const { rows, total } = await collector.store.pledges.listOffers({}, { limit: 10, offset: 0 });
    assert.equal(total, before + 2);
    for (const offer of [first, second]) assert.ok(rows.some((row) => row.reference === referenceOf(offer.id)), offer.id);
  });

  it('takes contact details only with an offer of help', async () => {
    const reply = await post(collector.url, makeSubmission({ contact: { ...OFFER_CONTACT } }));
    assert.equal(reply.status, 422, reply.text);
    assert.ok(reply.json?.problems?.some((problem) => problem.field === 'contact'), reply.text);
  });
});

describe('withdrawing an offer with its reference', () => {
  it('deletes its contact details at once, as typed by the resident; a second try finds nothing', async () => {
    const offer = makeOffer();
    assert.equal((await post(collector.url, offer)).status, 201);
    const reference = referenceOf(offer.id);
    // As a resident might type it from their email: lower case, spaces for dashes, no prefix.
    const typed = reference.slice(4).toLowerCase().replaceAll('-', ' ');
    const response = await withdraw({ site: 'adult-social-care', reference: typed });
    assert.equal(response.status, 200, `${typed}: ${await response.clone().text()}`);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.deepEqual(await response.json(), { reference, status: 'withdrawn' });
    const { rows } = await collector.store.pledges.listOffers({ status: 'withdrawn' }, { limit: 10, offset: 0 });
    const withdrawn = rows.find((row) => row.reference === reference);
    assert.equal(withdrawn?.hasContact, false);
    assert.equal((await collector.store.pledges.getOffer(withdrawn!.id))?.sealedContact, null);

    const again = await withdraw({ site: 'adult-social-care', reference });
    assert.equal(again.status, 404);
    assert.equal((await again.json()).code, 'unknown-reference');
  });

  it('answers a made-up reference as it does a withdrawn one, and refuses what cannot be a reference', async () => {
    const madeUp = await withdraw({ site: 'adult-social-care', reference: 'TDM-2222-2222-2222' });
    assert.equal(madeUp.status, 404);
    assert.equal((await madeUp.json()).code, 'unknown-reference');
    for (const [body, code] of [[{ site: 'adult-social-care', reference: 'TDM-0000-1111-OOOO' }, 'invalid-reference'], [{ site: 'adult-social-care' }, 'invalid-reference'], [{ site: 'nowhere', reference: 'TDM-2222-2222-2222' }, 'unknown-site']] as const) {
      const response = await withdraw(body);
      assert.equal(response.status, 422, JSON.stringify(body));
      assert.equal((await response.json()).code, code);
    }
  });

  it('answers a CORS preflight for the sites\' origins', async () => {
    const response = await fetch(`${collector.url}/v1/pledges/withdraw`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
  });
});

describe('a collector with no contact key', () => {
  it('shows its lists but takes no offers, saying so with 503 and Retry-After', async () => {
    const keyless = await startTestCollector({ pledges: [], contactKey: null });
    try {
      // With no list configured the key is not needed; a list synced earlier still answers.
      await keyless.store.pledges.syncFiles([LIST], Date.now());
      const reply = await post(keyless.url, makeOffer());
      assert.equal(reply.status, 503, reply.text);
      assert.equal(reply.json?.code, 'offers-unavailable');
      assert.ok(reply.headers.get('retry-after'));
    } finally {
      await keyless.close();
    }
  });
});

describe('withdrawals from one address', () => {
  it('are limited, so references cannot be guessed at speed', async () => {
    const limited = await startTestCollector({ pledges: [LIST], contactKey: TEST_CONTACT_KEY });
    try {
      const statuses = [];
      for (let i = 0; i < 12; i++) {
        const response = await fetch(`${limited.url}/v1/pledges/withdraw`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ site: 'adult-social-care', reference: 'TDM-2222-2222-2222' }) });
        statuses.push(response.status);
        if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0);
      }
      assert.deepEqual(statuses, [...Array(10).fill(404), 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
