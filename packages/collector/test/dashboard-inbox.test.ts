// The feedback inbox over real HTTP and SQLite: counts, filters, search, paging, review,
// delete, quarantine, CSV export, retention, and escaping.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CSV_HEADERS, neutralise, spreadsheetCsv } from '../src/dashboard/csv.js';
import { escapeHtml, html } from '../src/dashboard/html.js';
import { hashPassword } from '../src/dashboard/passwords.js';
import { hashId } from '../src/dashboard/sessions.js';
import { checkConfig, DEFAULTS } from '../src/config.js';
import { databaseFile, startCollector } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { browserish, startDashboard, storeAnswer } from '../test-support/dashboard.js';
import { FORMULA, readCsv, readCsvRows } from '../test-support/csv.js';
import { tempDir } from '../test-support/helpers.js';
import type { SubmissionRecord } from '../src/store/store.js';

const SITE = 'https://www.example-council.gov.uk';
const PAGE_A = `${SITE}/adult-social-care/`;
const PAGE_B = `${SITE}/home-care/`;
const PAGE_C = `${SITE}/carers/`;

let collector: Awaited<ReturnType<typeof startDashboard>>;
let client: ReturnType<typeof browserish>;
const seeded: Record<string, SubmissionRecord> = {};

before(async () => {
  collector = await startDashboard();
  const { store } = collector;
  const vote = (useful: boolean, daysAgo: number, url = PAGE_A) => storeAnswer(store, { answers: { useful }, daysAgo, url });
  await vote(true, 3);
  await vote(true, 3);
  await vote(false, 10);
  await vote(true, 60);
  await vote(false, 100); // outside every window
  seeded.problem = await storeAnswer(store, { url: PAGE_B, title: 'Home care', daysAgo: 1, answers: { reason: 'problem', trying: 'Find out about home care costs', wrong: '=HYPERLINK("http://evil.example","click")' } });
  seeded.more = await storeAnswer(store, { url: PAGE_B, title: 'Home care', daysAgo: 5, answers: { reason: 'more', trying: 'Book a carers assessment (50% off?)' } });
  seeded.notUseful = await storeAnswer(store, { url: PAGE_B, title: 'Home care', daysAgo: 2, answers: { reason: 'not-useful', trying: '+44 nothing here', wrong: '@SUM(1+1)' } });
  seeded.other = await storeAnswer(store, { site: 'other-site', url: 'https://other-council.example/help/', title: 'Help', answers: { reason: 'problem', trying: 'Other council thing', wrong: '-1' } });
  seeded.spam = await storeAnswer(store, { url: PAGE_B, honeypot: true, answers: { reason: 'problem', trying: 'QUARANTINED spam text', wrong: 'buy now' } });
  seeded.xss = await storeAnswer(store, { url: PAGE_B, daysAgo: 20, answers: { reason: 'problem', trying: '<script>alert(1)</script>', wrong: '<img src=x onerror=alert(1)>' } });
  for (let i = 0; i < 26; i++) await storeAnswer(store, { url: PAGE_C, title: 'Carers', daysAgo: 30 + i, answers: { reason: 'more', trying: `Carer question ${i}` } });
  client = browserish(collector.url);
  await client.signIn();
});
after(() => collector.close());

/** The ids of the answers a page lists, from its action links. */
const idsIn = (text: string) => [...text.matchAll(/\/dashboard\/answers\/([0-9a-f-]+)\/delete/g)].map((m) => m[1]);
const inbox = async (query: string = '') => {
  const response = await client.request(`/dashboard${query}`);
  assert.equal(response.status, 200, response.text);
  return response.text;
};

describe('votes per page', () => {
  it('counts Yes and No over the last 7, 30 and 90 days', async () => {
    const counts = await collector.store.dashboard.pageCounts({}, Date.now());
    const a = counts.find((c) => c.pageUrl === PAGE_A);
    assert.deepEqual(a && { yes: a.yes, no: a.no }, { yes: { 7: 2, 30: 2, 90: 3 }, no: { 7: 0, 30: 1, 90: 1 } });
    const page = await inbox();
    assert.match(page, /<caption class="table__caption" id="counts-caption">Yes and No votes per page over the last 7, 30 and 90 days<\/caption>/);
    const row = /<tr>\s*<th scope="row"><span class="page-title">Adult social care<\/span> <span class="page-url">https:\/\/www\.example-council\.gov\.uk\/adult-social-care\/<\/span><\/th>([\s\S]*?)<\/tr>/.exec(page);
    assert.ok(row);
    assert.deepEqual([...(row[1] ?? '').matchAll(/<td class="numeric">(\d+)<\/td>/g)].map((m) => Number(m[1])), [2, 0, 2, 1, 3, 1]);
  });
});

describe('answers, filters and search', () => {
  it('lists the newest first, leaving quarantined answers out', async () => {
    const ids = idsIn(await inbox());
    assert.equal(ids[0], seeded.other?.id);
    assert.ok(!ids.includes(seeded.spam?.id));
    const { rows } = await collector.store.dashboard.listAnswers({}, { limit: 1000, offset: 0 });
    const times = rows.map((r) => r.receivedAt);
    assert.deepEqual(times, [...times].sort((x, y) => y - x));
  });

  it('filters by answer', async () => {
    assert.deepEqual(idsIn(await inbox(`?answer=problem&url=${encodeURIComponent(PAGE_B)}`)), [seeded.problem?.id, seeded.xss?.id]);
    assert.deepEqual(idsIn(await inbox(`?answer=more&url=${encodeURIComponent(PAGE_B)}`)), [seeded.more?.id]);
    // Names every object has are not answers or statuses: the filter is ignored, not a 500.
    const all = idsIn(await inbox(`?url=${encodeURIComponent(PAGE_B)}`));
    for (const odd of ['constructor', 'toString', '__proto__']) {
      assert.deepEqual(idsIn(await inbox(`?answer=${odd}&status=${odd}&url=${encodeURIComponent(PAGE_B)}`)), all, odd);
    }
    const no = await collector.store.dashboard.listAnswers({ answer: 'no' }, { limit: 100, offset: 0 });
    assert.equal(no.total, 3, 'two No votes and one "not useful" form');
    assert.equal((await collector.store.dashboard.listAnswers({ answer: 'yes' }, { limit: 100, offset: 0 })).total, 3);
  });

  it('filters by site, page and date range', async () => {
    assert.deepEqual(idsIn(await inbox('?site=other-site')), [seeded.other?.id]);
    const pageB = idsIn(await inbox(`?url=${encodeURIComponent(PAGE_B)}`));
    assert.deepEqual(new Set(pageB), new Set([seeded.problem?.id, seeded.more?.id, seeded.notUseful?.id, seeded.xss?.id]));
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86400e3).toISOString().slice(0, 10);
    const ranged = idsIn(await inbox(`?url=${encodeURIComponent(PAGE_B)}&from=${day(6)}&to=${day(2)}`));
    assert.deepEqual(ranged, [seeded.notUseful?.id, seeded.more?.id]);
    // An unknown site is ignored rather than showing nothing.
    assert.equal(idsIn(await inbox('?site=nope')).length, 25);
  });

  it('reports an impossible date in an error summary and ignores it', async () => {
    const page = await inbox('?from=2026-02-31');
    assert.match(page, /<title>Error: Feedback inbox/);
    assert.match(page, /<a href="#from">Enter the &quot;from&quot; date as a real date/);
    assert.match(page, /aria-describedby="from-error"/);
  });

  it('searches what people wrote, case-insensitively, with % and _ taken literally', async () => {
    assert.deepEqual(idsIn(await inbox('?q=CARERS+ASSESSMENT')), [seeded.more?.id]);
    assert.deepEqual(idsIn(await inbox('?q=50%25')), [seeded.more?.id]);
    assert.deepEqual(idsIn(await inbox('?q=%25%25%25')), []);
    assert.deepEqual(idsIn(await inbox('?q=spam')), [], 'quarantined answers are not searched outside their view');
  });

  it('pages through 25 at a time', async () => {
    const query = `?url=${encodeURIComponent(PAGE_C)}`;
    const first = await inbox(query);
    assert.equal(idsIn(first).length, 25);
    assert.match(first, /1 to 25 of 26/);
    assert.match(first, /Page 1 of 2/);
    const next = /<a class="link-button" rel="next" href="([^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(next);
    const second = await client.request(next);
    assert.equal(idsIn(second.text).length, 1);
    assert.match(second.text, /26 to 26 of 26/);
  });
});

describe('quarantine view', () => {
  it('shows only quarantined answers, with the reason', async () => {
    const page = await inbox('?view=quarantine');
    assert.match(page, /<h1>Quarantined answers<\/h1>/);
    assert.deepEqual(idsIn(page), [seeded.spam?.id]);
    assert.match(page, /QUARANTINED spam text/);
    assert.match(page, /<td>Hidden spam-trap field filled in<\/td>/);
    assert.doesNotMatch(await inbox(), /QUARANTINED spam text/);
  });
});

describe('reviewing and deleting', () => {
  it('marks an answer as reviewed, by whom, and goes back to the same filters', async () => {
    const back = `?url=${encodeURIComponent(PAGE_B)}&answer=problem`;
    const page = await inbox(back);
    const token = client.tokenIn(page);
    const response = await client.request(`/dashboard/answers/${seeded.problem?.id}/reviewed`, { method: 'POST', form: { _csrf: token, back: new URLSearchParams(back).toString() } });
    assert.equal(response.status, 303);
    assert.equal(response.location, `/dashboard?url=${encodeURIComponent(PAGE_B)}&answer=problem&done=reviewed`);
    const after = await client.request(response.location as string);
    assert.match(after.text, /The answer is marked as reviewed/);
    assert.deepEqual(idsIn(await inbox('?status=reviewed')), [seeded.problem?.id]);
    assert.ok(!idsIn(await inbox('?status=unreviewed')).includes(seeded.problem?.id));
    const { rows } = await collector.store.dashboard.listAnswers({ status: 'reviewed' }, { limit: 10, offset: 0 });
    assert.equal(rows[0]?.reviewedBy, 'officer@example-council.gov.uk');
  });

  it('never redirects anywhere but the dashboard', async () => {
    const token = client.tokenIn(await inbox());
    const response = await client.request(`/dashboard/answers/${seeded.more?.id}/reviewed`, { method: 'POST', form: { _csrf: token, back: '//evil.example/' } });
    assert.match(response.location as string, /^\/dashboard\?done=reviewed$/);
  });

  it('deletes one answer after a confirmation page', async () => {
    const target = await storeAnswer(collector.store, { url: PAGE_B, answers: { reason: 'problem', trying: 'Please delete my answer', wrong: 'x' } });
    const confirm = await client.request(`/dashboard/answers/${target.id}/delete?back=${encodeURIComponent('?site=adult-social-care')}`);
    assert.equal(confirm.status, 200);
    assert.match(confirm.text, /<h1>Delete this answer\?<\/h1>/);
    assert.match(confirm.text, /Please delete my answer/);
    assert.match(confirm.text, /href="\/dashboard\?site=adult-social-care">No, keep it/);
    assert.ok(await collector.store.submissions.get(target.id), 'the confirmation page deletes nothing');
    const response = await client.request(`/dashboard/answers/${target.id}/delete`, { method: 'POST', form: { _csrf: client.tokenIn(confirm.text), back: '?site=adult-social-care' } });
    assert.equal(response.status, 303);
    assert.equal(response.location, '/dashboard?site=adult-social-care&done=deleted');
    assert.equal(await collector.store.submissions.get(target.id), undefined);
    const again = await client.request(`/dashboard/answers/${target.id}/delete`, { method: 'POST', form: { _csrf: client.tokenIn(confirm.text) } });
    assert.equal(again.location, '/dashboard?done=missing');
  });
});

describe('CSV export', () => {
  const csvText = async (query: string) => {
    const response = await client.request(`/dashboard/export.csv${query}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') as string, /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition') as string, /^attachment; filename="tandem-feedback(-quarantine)?-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.equal(response.text[0], '\ufeff');
    return response.text.slice(1);
  };

  it('has headers, and neutralises cells a spreadsheet would run as a formula', async () => {
    const text = await csvText(`?url=${encodeURIComponent(PAGE_B)}`);
    const rows = readCsv(text);
    assert.deepEqual(readCsvRows(text)[0], CSV_HEADERS);
    const problem = rows.find((row) => row.Id === seeded.problem?.id);
    assert.equal(problem?.['What went wrong'], `'=HYPERLINK("http://evil.example","click")`);
    const notUseful = rows.find((row) => row.Id === seeded.notUseful?.id);
    assert.deepEqual([notUseful?.['What they were trying to do'], notUseful?.['What went wrong']], ["'+44 nothing here", "'@SUM(1+1)"]);
    for (const separator of [',', ';', '\t']) {
      for (const cell of readCsvRows(text, separator).flat()) assert.doesNotMatch(cell, FORMULA, cell);
    }
  });

  it('holds exactly the answers the page lists for the same filters (every page of them)', async () => {
    for (const query of ['?answer=problem', '?site=other-site', `?url=${encodeURIComponent(PAGE_C)}`, '?q=carers+assessment', '?view=quarantine']) {
      const lines = readCsvRows(await csvText(query));
      const { filter } = (await import('../src/dashboard/filters.js')).parseFilters(Object.fromEntries(new URLSearchParams(query)), ['adult-social-care', 'other-site']);
      const { rows, total } = await collector.store.dashboard.listAnswers(filter, { limit: 1000, offset: 0 });
      assert.equal(lines.length - 1, total, query);
      assert.deepEqual(lines.slice(1).map((cells) => cells.at(-1)), rows.map((r) => r.id), query);
      const page = await inbox(query);
      assert.match(page, new RegExp(`Download these ${total} answers as CSV`));
      assert.deepEqual(idsIn(page), rows.slice(0, 25).map((r) => r.id), query);
    }
  });

  it('neutralises every risky first character, after spaces too', () => {
    for (const risky of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx', ' =x', '  +1']) assert.equal(neutralise(risky), `'${risky}`);
    for (const fine of ['1', 'a=b', 'x;=1', '']) assert.equal(neutralise(fine), fine);
  });

  // Opened with ";" or a tab as the separator (as a spreadsheet set for another locale does),
  // an unquoted ";=1+1" or "note\t=1+1" would split into a formula cell.
  it('quotes every cell, so no separator a spreadsheet may use splits a formula out of one', () => {
    const text = spreadsheetCsv([['Said'], [';=1+1'], ['note\t=1+1'], ['a|=1'], ['fine, "quoted"']]);
    for (const separator of [',', ';', '\t', '|']) {
      for (const cell of readCsvRows(text, separator).flat()) assert.doesNotMatch(cell, FORMULA, `${JSON.stringify(separator)}: ${cell}`);
    }
    assert.deepEqual(readCsvRows(text).flat(), ['Said', ';=1+1', 'note\t=1+1', 'a|=1', 'fine, "quoted"']);
  });
});

describe('escaping', () => {
  it('sends resident text as text', async () => {
    const page = await inbox(`?url=${encodeURIComponent(PAGE_B)}&answer=problem`);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(page, /<script|<img/);
  });

  it('escapes every interpolation unless it is html', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const evil = '"><script>alert(1)</script>';
    assert.equal(String(html`<p title="${evil}">${evil}${[evil, html`<b>ok</b>`]}${null}${false}</p>`),
      `<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;<b>ok</b></p>`);
  });
});

describe('retention', () => {
  it('a start purges answers past retentionDays, expired sessions and old sign-in failures; the inbox no longer lists them', async () => {
    const dir = tempDir();
    const store = openSqliteStore({ file: databaseFile(dir) });
    try {
      const old = await storeAnswer(store, { daysAgo: 31, answers: { reason: 'problem', trying: 'old', wrong: 'old' } });
      const recent = await storeAnswer(store, { daysAgo: 29, answers: { reason: 'problem', trying: 'recent', wrong: 'recent' } });
      await store.staff.saveUser('a@example.gov.uk', await hashPassword('a long password'), Date.now());
      const user = await store.staff.findUser('a@example.gov.uk');
      await store.staff.createSession({ idHash: hashId('expired'), userId: user?.id as number, csrfToken: 't', createdAt: 0, expiresAt: Date.now() - 1 });
      await store.staff.recordSignInFailure({ email: 'a@example.gov.uk', address: '192.0.2.1' }, Date.now() - 2 * 86400e3);
      const config = checkConfig({ ...DEFAULTS, port: 0, dataDir: dir, logLevel: 'silent', retentionDays: 30, sites: [{ id: 'adult-social-care', origins: [SITE] }] });
      const { app } = await startCollector(config, { store });
      try {
        assert.equal(await store.submissions.get(old.id), undefined);
        assert.ok(await store.submissions.get(recent.id));
        assert.deepEqual(await store.staff.recentSignInFailures({ email: 'a@example.gov.uk' }, 0, 10), []);
        assert.equal(await store.staff.findSession(hashId('expired'), 0, Infinity), undefined);
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
