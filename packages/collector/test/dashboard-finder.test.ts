// The finder's dashboard page over real HTTP and SQLite: needs counted once when a search is
// sent again with its choice, needs with no answer, answers that did not help (in residents'
// own words, as text), the answered rate, contacts avoided at the configured cost, 7/30/90
// days, the site filter, CSV that a spreadsheet cannot run, and the cost's configuration.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConfig, DEFAULTS, fromEnvironment } from '../src/config.js';
import { toRecord } from '../src/submission.js';
import { NEED_GAP_MS } from '../src/store/dashboard-store.js';
import { browserish, startDashboard } from '../test-support/dashboard.js';
import { makeSubmission, post } from '../test-support/helpers.js';
import { FORMULA, readCsvRows } from '../test-support/csv.js';

const SITE = 'https://www.example-council.gov.uk';
const HELP = `${SITE}/adult-social-care/`;
const CARERS = `${SITE}/carers/`;
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

let collector: Awaited<ReturnType<typeof startDashboard>>;
let client: ReturnType<typeof browserish>;

/**
 * Stores a finder submission as if it had arrived `ago` ms ago. Searches and Yes / No take no
 * time to send; "What did you need?" takes a person 15 seconds to write.
 */
async function finder(answers: Record<string, string | number | boolean>, { ago = 0, url = HELP, site = 'adult-social-care', honeypot = false }: { ago?: number, url?: string, site?: string, honeypot?: boolean } = {}) {
  const submission = makeSubmission({ site, widget: 'finder', instance: 'finder', page: { url, title: 'Find help' }, answers, signals: { honeypot, fillMs: answers.need ? 15000 : 0 } });
  await collector.store.submissions.save(toRecord(submission, Date.now() - ago));
}

before(async () => {
  collector = await startDashboard({ costPerContact: 4.5 });
  // 1. A need settled, then its result chosen two minutes later: one need, chosen.
  await finder({ query: 'blue badge', results: 3 }, { ago: 2 * DAY });
  await finder({ query: 'blue badge', results: 3, chosen: 'blue-badge' }, { ago: 2 * DAY - 2 * MINUTE });
  await finder({ query: 'blue badge', chosen: 'blue-badge', helped: true }, { ago: 2 * DAY - 3 * MINUTE });
  // 2. Chosen before it settled: only the search with its choice. One need, chosen, then No.
  await finder({ query: 'Blue Badge', results: 2, chosen: 'blue-badge' }, { ago: 1 * DAY });
  await finder({ query: 'Blue Badge', chosen: 'blue-badge', helped: false, need: '=HYPERLINK("http://evil.example","renew mine")' }, { ago: 1 * DAY - MINUTE });
  // 3. The same words later in the day, with no choice: another need.
  await finder({ query: 'blue badge', results: 3 }, { ago: 1 * DAY - 5 * 60 * MINUTE });
  // 4. Chosen long after the same words were searched: its own need.
  await finder({ query: 'meals on wheels', results: 4 }, { ago: 3 * DAY });
  await finder({ query: 'meals on wheels', results: 4, chosen: 'meals-at-home' }, { ago: 3 * DAY - NEED_GAP_MS - MINUTE });
  // 5. Nothing found, twice, and once on another page.
  await finder({ query: 'bin collection', results: 0 }, { ago: 4 * DAY });
  await finder({ query: 'bin collection', results: 0 }, { ago: 4 * DAY - 30 * MINUTE, url: CARERS });
  await finder({ query: '<script>alert(1)</script>', results: 0 }, { ago: 5 * DAY });
  // 6. Older: 20 and 60 days, and outside every window.
  await finder({ query: 'respite', results: 2, chosen: 'carers-break' }, { ago: 20 * DAY });
  await finder({ query: 'respite', chosen: 'carers-break', helped: false, need: 'A sitter for one evening a week' }, { ago: 20 * DAY - MINUTE });
  await finder({ query: 'falls', results: 2 }, { ago: 60 * DAY });
  await finder({ query: 'falls', results: 2 }, { ago: 100 * DAY });
  // 7. Another site, and likely spam: neither counts here.
  await finder({ query: 'parking permit', results: 0 }, { ago: DAY, site: 'other-site', url: 'https://other-council.example/find/' });
  await finder({ query: 'cheap pills', results: 0 }, { ago: DAY, honeypot: true });
  client = browserish(collector.url);
  await client.signIn();
});
after(() => collector.close());

async function page(query: string = '') {
  const response = await client.request(`/dashboard/finder${query}`);
  assert.equal(response.status, 200, response.text);
  return response.text;
}

/** The cells of the summary row whose header is `label`. */
function summaryRow(text: string, label: string) {
  const row = new RegExp(`<th scope="row">${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th>((?:<td class="numeric">[^<]*</td>){3})`).exec(text);
  assert.ok(row, `no row "${label}"`);
  return [...row[1].matchAll(/<td class="numeric">([^<]*)<\/td>/g)].map((m) => m[1]);
}

describe('the page', () => {
  it('shows needs, no answers, the answered rate and contacts avoided over 7, 30 and 90 days', async () => {
    const text = await page('?site=adult-social-care');
    assert.match(text, /<h1>Finder: what residents needed<\/h1>/);
    assert.match(text, /<a class="header__link" href="\/dashboard\/finder" aria-current="page">Finder<\/a>/);
    assert.deepEqual(summaryRow(text, 'Needs (searches)'), ['8', '9', '10']);
    assert.deepEqual(summaryRow(text, 'Needs with no answer (nothing found)'), ['3', '3', '3']);
    assert.deepEqual(summaryRow(text, 'Needs answered'), ['2', '2', '2']);
    assert.deepEqual(summaryRow(text, 'Answered rate'), ['25%', '22%', '20%']);
    assert.deepEqual(summaryRow(text, 'Contacts avoided (estimate)'), ['2', '2', '2']);
    assert.deepEqual(summaryRow(text, 'Saving at £4.50 a contact (estimate)'), ['£9.00', '£9.00', '£9.00']);
  });

  it('lists what did not help in residents’ own words, as text, newest first', async () => {
    const text = await page('?site=adult-social-care');
    const section = text.slice(text.indexOf('<h2>Answers that did not help</h2>'));
    assert.match(section, /1 to 2 of 2/);
    assert.ok(section.indexOf('renew mine') < section.indexOf('A sitter for one evening a week'));
    assert.match(section, /=HYPERLINK\(&quot;http:\/\/evil.example&quot;,&quot;renew mine&quot;\)/);
    assert.ok(!text.includes('<script>alert(1)</script>'), 'resident text is escaped');
    assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('keeps lists to the chosen period, and the summary to the site', async () => {
    const week = await page('?site=adult-social-care&period=7');
    assert.ok(!week.slice(week.indexOf('<h2>Answers that did not help</h2>')).includes('A sitter'), 'a 20-day-old answer is not in 7 days');
    const all = await page('?period=90');
    assert.deepEqual(summaryRow(all, 'Needs (searches)'), ['9', '10', '11']);
    assert.match(all, /parking permit/);
    // An unknown site or period is not an error: all sites, 30 days.
    const odd = await page('?site=nowhere&period=12');
    assert.match(odd, /<option value="30" selected>/);
    assert.match(odd, /<option value="" selected>All sites<\/option>/);
  });

  it('without a cost per contact shows no money, and says how to set one', async () => {
    const other = await startDashboard();
    try {
      const staff = browserish(other.url);
      await staff.signIn();
      const response = await staff.request('/dashboard/finder');
      assert.equal(response.status, 200);
      assert.ok(!response.text.includes('Saving at'));
      assert.match(response.text, /set <code>costPerContact<\/code>/);
      assert.match(response.text, /None yet/);
    } finally {
      await other.close();
    }
  });

  it('is for signed-in staff only', async () => {
    const stranger = browserish(collector.url);
    for (const path of ['/dashboard/finder', '/dashboard/finder/export.csv']) {
      const response = await stranger.request(path);
      assert.equal(response.status, 303);
      assert.equal(response.location, '/dashboard/sign-in');
    }
  });
});

describe('CSV', () => {
  it('exports answers that did not help with formulas neutralised', async () => {
    const response = await client.request('/dashboard/finder/export.csv?site=adult-social-care&period=30&list=not-helped');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /tandem-finder-not-helped-30-days-/);
    assert.equal(response.text[0], '\ufeff');
    const rows = readCsvRows(response.text.slice(1));
    assert.deepEqual(rows[0], ['Received (UK time)', 'Site', 'Page', 'Searched for', 'Answer chosen', 'What they needed']);
    assert.ok(rows.some((row) => row.includes(`'=HYPERLINK("http://evil.example","renew mine")`)));
    assert.ok(rows.some((row) => row.some((cell) => cell.includes('A sitter for one evening a week'))));
    for (const cell of rows.flat()) assert.doesNotMatch(cell, FORMULA);
  });

  it('exports needs and needs with no answer', async () => {
    const needs = await client.request('/dashboard/finder/export.csv?site=adult-social-care&list=needs');
    const [headers, first] = readCsvRows(needs.text.slice(1));
    assert.deepEqual(headers, ['Need (as typed)', 'Needs', 'Found nothing', 'Chose a result', 'Last (UK time)']);
    assert.deepEqual(first?.slice(0, 4), ['blue badge', '3', '0', '2']);
    const none = await client.request('/dashboard/finder/export.csv?site=adult-social-care&list=unanswered');
    assert.ok(readCsvRows(none.text.slice(1)).some((row) => row.slice(0, 4).join() === 'bin collection,2,2,0'));
    assert.ok(!none.text.includes('meals'));
  });
});

describe('answers from the finder in a browser', () => {
  it('are stored, not quarantined, however quickly a search settles or Yes is pressed', async () => {
    const search = makeSubmission({ widget: 'finder', instance: 'finder', answers: { query: 'stair lift', results: 2, chosen: 'stairlifts' }, signals: { honeypot: false, fillMs: 0 } });
    const yes = makeSubmission({ widget: 'finder', instance: 'finder', answers: { query: 'stair lift', chosen: 'stairlifts', helped: true }, signals: { honeypot: false, fillMs: 0 } });
    const hasty = makeSubmission({ widget: 'finder', instance: 'finder', answers: { query: 'stair lift', chosen: 'stairlifts', helped: false, need: 'x' }, signals: { honeypot: false, fillMs: 300 } });
    for (const submission of [search, yes, hasty]) assert.ok((await post(collector.url, submission)).status < 300);
    assert.equal((await collector.store.submissions.get(search.id))?.quarantine, null);
    assert.equal((await collector.store.submissions.get(yes.id))?.quarantine, null);
    assert.equal((await collector.store.submissions.get(hasty.id))?.quarantine, 'too-fast', '"What did you need?" is still a form');
  });
});

describe('costPerContact', () => {
  const config = (costPerContact: unknown) => ({ ...DEFAULTS, sites: [{ id: 'a', origins: ['https://a.example'] }], costPerContact });
  it('defaults to none, and takes pounds', () => {
    assert.equal(DEFAULTS.costPerContact, null);
    assert.equal(checkConfig(config(3.39)).costPerContact, 3.39);
    assert.equal(checkConfig(config(0)).costPerContact, 0);
  });
  it('refuses what is not an amount, by name', () => {
    assert.throws(() => checkConfig(config(-1)), /costPerContact: must be 0 or more/);
    assert.throws(() => checkConfig(config('8.62')), /costPerContact: must be a number of pounds/);
    assert.throws(() => checkConfig(config(1e6)), /costPerContact: must be at most 10000/);
  });
  it('reads TANDEM_COST_PER_CONTACT', () => {
    assert.deepEqual(fromEnvironment({ TANDEM_COST_PER_CONTACT: '4.50' }).values, { costPerContact: 4.5 });
    assert.match(fromEnvironment({ TANDEM_COST_PER_CONTACT: '£4' }).problems[0] ?? '', /TANDEM_COST_PER_CONTACT: must be an amount in pounds/);
  });
});
