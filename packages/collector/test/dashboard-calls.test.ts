// Calls for help in the staff dashboard over real HTTP and SQLite, with offers sent as residents
// send them: creating a call (errors named by field), the residents it proposes fairly (their
// contact masked), recording whom staff asked under the monthly cap, answers and hours, the
// business case, closing a call, CSRF, and the volunteering data export with no personal data.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserish, startDashboard } from '../test-support/dashboard.js';
import { examplePledgeList, makeOffer, post, TEST_CONTACT_KEY } from '../test-support/helpers.js';

let collector: Awaited<ReturnType<typeof startDashboard>>;
let staff: ReturnType<typeof browserish>;
let token: string;

const litter = (name: string, email: string, when = ['weekends-mornings']) =>
  makeOffer({ answers: { ways: ['litter-picks'], areas: ['north'], when, often: 'monthly', age: 'adult' }, contact: { name, email, prefer: 'email' } });
const offers = { ann: litter('Ann Smith', 'ann@example.com'), bob: litter('Bob Jones', 'bob@example.com', ['now-and-then']), cat: litter('Cat Lee', 'cat@example.com', ['weekdays-evenings']) };
const YEAR = new Date().getUTCFullYear() + 1;
/** The first Saturday of May next year: a call then falls on a weekend morning or afternoon. */
const saturday = (() => {
  for (let day = 1; day <= 7; day++) if (new Date(Date.UTC(YEAR, 4, day)).getUTCDay() === 6) return `${YEAR}-05-0${day}`;
  throw new Error('no Saturday in a week');
})();
const FORM = { way: 'litter-picks', area: 'north', date: saturday, start: '10:00', end: '12:30', people: '2', details: 'Meet at the library car park' };

before(async () => {
  collector = await startDashboard({ pledges: [examplePledgeList()], contactKey: TEST_CONTACT_KEY, valuePerVolunteerHour: 12.6, limits: { perIpPerMinute: 100000, perSitePerMinute: 100000, newParticipantsPerAddressPerHour: 100000, asksPerPersonPerMonth: 1 } });
  for (const offer of Object.values(offers)) assert.equal((await post(collector.url, offer)).status, 201);
  staff = browserish(collector.url);
  await staff.signIn();
  token = staff.tokenIn((await staff.request('/dashboard/offers/calls/new')).text);
});
after(() => collector.close());

const submit = (path: string, form: Record<string, string>) => staff.request(path, { method: 'POST', form: { _csrf: token, ...form } });
const callIdOf = (location: string | null) => /\/dashboard\/offers\/calls\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

describe('calls for help in the dashboard', () => {
  it('needs a signed-in session, and the form\'s token to change anything', async () => {
    const anonymous = browserish(collector.url);
    for (const page of ['/dashboard/offers/calls', '/dashboard/offers/calls/new', '/dashboard/offers/volunteering.jsonld']) {
      assert.deepEqual([(await anonymous.request(page)).status], [303], page);
    }
    assert.equal((await staff.request('/dashboard/offers/calls/new', { method: 'POST', form: FORM })).status, 403);
  });

  it('names each problem with a new call, in the form\'s order', async () => {
    const refused = await submit('/dashboard/offers/calls/new', { way: 'lunch-club', area: 'villages', date: '2020-01-01', start: '9am', end: '', people: '0', details: '' });
    assert.equal(refused.status, 422);
    const links = [...refused.text.matchAll(/<li><a href="#([a-z]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(links, [
      ['area', 'Lunch club helper is not done there: choose one of its areas'],
      ['date', 'The date must be today or in the future'],
      ['start', 'Enter the time it starts, like 09:30'],
      ['people', 'Enter how many people it needs, from 1 to 1000'],
    ]);
    assert.match(refused.text, /<option value="lunch-club" selected>/);
    // What was typed is checked, not a cut of it.
    const cut = await submit('/dashboard/offers/calls/new', { ...FORM, date: `${saturday}T99`, start: '10:00:99' });
    assert.deepEqual([...cut.text.matchAll(/<li><a href="#([a-z]+)">/g)].map((m) => m[1]), ['date', 'start']);
  });

  it('proposes the offers that fit, fairly, records whom staff asked, and holds the monthly cap', async () => {
    const created = await submit('/dashboard/offers/calls/new', FORM);
    assert.equal(created.status, 303);
    const id = callIdOf(created.location);
    const page = (await staff.request(created.location as string)).text;
    assert.match(page, /The call for help has been created\./);
    assert.match(page, new RegExp(`${saturday} 10:00 to 12:30 UK time \\(Weekend mornings\\)`));
    // Ann (weekend mornings) and Bob (now and then) fit; Cat (weekday evenings) does not. Never asked: earliest offer first.
    const proposed = [...page.matchAll(/name="offer" type="checkbox" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
    assert.deepEqual(proposed, [offers.ann.id, offers.bob.id]);
    assert.match(page, /A\. S\., a…@example\.com \(prefers email\): offered [\d-]+ [\d:]+, never asked, asked 0 times in 30 days/);
    assert.ok(!page.includes('Ann Smith') && !page.includes('ann@example.com'));

    const nobody = await submit(`/dashboard/offers/calls/${id}/ask`, {});
    assert.equal(nobody.status, 422);
    assert.match(nobody.text, /<a href="#offers-first">Choose whom you asked<\/a>/);
    assert.match(nobody.text, /<fieldset class="fieldset" id="offers" aria-describedby="proposed-hint offers-error">/);
    const asked = await submit(`/dashboard/offers/calls/${id}/ask`, { offer: offers.ann.id });
    assert.deepEqual([asked.status, asked.location], [303, `/dashboard/offers/calls/${id}?done=asked#asked-heading`]);
    const after = (await staff.request(`/dashboard/offers/calls/${id}`)).text;
    assert.deepEqual([...after.matchAll(/name="offer" type="checkbox" value="([0-9a-f-]{36})"/g)].map((m) => m[1]), [offers.bob.id]);
    assert.match(after, /<th scope="row"><a href="\/dashboard\/offers\/[0-9a-f-]{36}">A\. S\., a…@example\.com \(prefers email\)<\/a><\/th>/);
    assert.equal((await collector.store.pledges.getOffer(offers.ann.id))?.status, 'contacted');

    // A second call the same month: Ann, asked once (the cap here), is neither proposed nor askable.
    const second = callIdOf((await submit('/dashboard/offers/calls/new', { ...FORM, start: '14:00', end: '' })).location);
    const secondPage = (await staff.request(`/dashboard/offers/calls/${second}`)).text;
    assert.deepEqual([...secondPage.matchAll(/name="offer" type="checkbox" value="([0-9a-f-]{36})"/g)].map((m) => m[1]), [offers.bob.id]);
    const refused = await submit(`/dashboard/offers/calls/${second}/ask`, { offer: offers.ann.id });
    assert.equal(refused.location, `/dashboard/offers/calls/${second}?done=not-asked#asked-heading`);
    assert.deepEqual(await collector.store.calls.asks(second), []);
  });

  it('records answers and hours, adds them to the business case, and closes the call', async () => {
    const [call] = await collector.store.calls.list({ status: 'open' });
    assert.ok(call);
    const wrong = await submit(`/dashboard/offers/calls/${call.id}/answer`, { offer: offers.ann.id, answer: 'yes', hours: 'two' });
    assert.equal(wrong.status, 422);
    assert.match(wrong.text, new RegExp(`<a href="#hours-${offers.ann.id}">Enter the hours given as a number`));
    assert.match(wrong.text, new RegExp(`id="hours-${offers.ann.id}" name="hours" type="text" inputmode="decimal" value="two" aria-describedby="hours-${offers.ann.id}-error"`), 'shown again as typed, described by its error');
    const unanswered = await submit(`/dashboard/offers/calls/${call.id}/answer`, { offer: offers.ann.id, answer: 'maybe', hours: '' });
    assert.equal(unanswered.status, 422);
    assert.match(unanswered.text, new RegExp(`<a href="#answer-${offers.ann.id}">Choose their answer: yes, no or not answered yet</a>`));
    assert.equal((await submit(`/dashboard/offers/calls/${call.id}/answer`, { offer: 'not-an-offer', answer: 'yes', hours: '1' })).status, 404);
    const saved = await submit(`/dashboard/offers/calls/${call.id}/answer`, { offer: offers.ann.id, answer: 'yes', hours: '2.5' });
    assert.equal(saved.status, 303);
    assert.equal((await submit(`/dashboard/offers/calls/${call.id}/answer`, { offer: offers.cat.id, answer: 'yes', hours: '1' })).status, 404, 'Cat was not asked');
    const closed = await submit(`/dashboard/offers/calls/${call.id}/status`, { status: 'done' });
    assert.equal(closed.location, `/dashboard/offers/calls/${call.id}?done=done`);
    const page = (await staff.request(closed.location as string)).text;
    assert.match(page, /This call is done\./);
    // Done is final: it cannot be cancelled afterwards, nor its hours struck from the business case.
    assert.equal((await submit(`/dashboard/offers/calls/${call.id}/status`, { status: 'cancelled' })).status, 303);
    assert.equal((await collector.store.calls.get(call.id))?.status, 'done');
    assert.ok(!(await staff.request(`/dashboard/offers/calls/${call.id}?done=constructor`)).text.includes('class="notice"'), 'no notice from the prototype');
    assert.ok(!page.includes('name="offer" type="checkbox"'), 'a closed call proposes nobody');
    const list = (await staff.request('/dashboard/offers/calls')).text;
    assert.match(list, /<tr><th scope="row">Hours given on calls for help<\/th><td class="numeric">2\.5 hours<\/td><\/tr>/);
    assert.match(list, /<tr><th scope="row">Worth, at £12\.60 an hour<\/th><td class="numeric">£31\.50<\/td><\/tr>/);
    assert.match(list, /Contacts the finder avoided, last 90 days \(estimate\)/);
    assert.match(list, /<td class="numeric">2<\/td><td class="numeric">1<\/td><td class="numeric">1<\/td><td class="numeric">2\.5<\/td>\s*<td>Done<\/td>/);
  });

  it('exports the ways to help and the open calls in the volunteering data standard, without personal data', async () => {
    const response = await staff.request('/dashboard/offers/volunteering.jsonld');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/ld\+json/);
    const document = JSON.parse(response.text);
    assert.deepEqual(document['@context'][0], 'https://api.volunteeringdata.io/context/v1');
    const text = response.text;
    for (const detail of ['Ann', 'ann@', 'Bob', 'bob@', 'Cat Lee', 'TDM-', 'Meet at the library']) assert.ok(!text.includes(detail), detail);
    const [open] = await collector.store.calls.list({ status: 'open' });
    assert.ok(open && text.includes(`#call-${open.id}`), 'the open call is listed');
    const done = (await collector.store.calls.list({ status: 'done' }))[0];
    assert.ok(done && !text.includes(`#call-${done.id}`), 'a done call is not');
  });
});
