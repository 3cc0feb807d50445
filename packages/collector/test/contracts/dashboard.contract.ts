// The dashboard part's contract: the inbox's answers (filters, order, paging), votes per page,
// the pages with feedback, and the finder's figures. Answers arrive through the submissions
// part, as they do from residents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NEED_GAP_MS } from '../../src/store/dashboard-store.js';
import { feedback, finderAnswer, usefulVote } from './records.js';
import { DAY, MINUTE, NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { DashboardStore, SubmissionRecord, SubmissionStore } from '../../src/store/store.js';

type Parts = { submissions: SubmissionStore, dashboard: DashboardStore };

const PAGE = { limit: 100, offset: 0 };
const HELP = 'https://www.example-council.gov.uk/adult-social-care/';
const CARERS = 'https://www.example-council.gov.uk/carers/';

async function saveAll(submissions: SubmissionStore, records: SubmissionRecord[]) {
  for (const record of records) assert.equal(await submissions.save(record), 'created');
  return records;
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

export function dashboardContract(name: string, open: OpenStore<Parts>) {
  describe(`${name}: dashboard answers`, () => {
    it('lists feedback answers newest first, unreviewed, leaving quarantined answers and other widgets out', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        assert.deepEqual(await dashboard.listAnswers({}, PAGE), { rows: [], total: 0 });
        const [older, newer] = await saveAll(submissions, [feedback({}, NOW - DAY), feedback({}, NOW)]);
        await saveAll(submissions, [
          feedback({ signals: { honeypot: true, fillMs: 5000 } }, NOW),
          finderAnswer({ query: 'blue badge', results: 2 }, NOW),
        ]);
        const { rows, total } = await dashboard.listAnswers({}, PAGE);
        assert.deepEqual(ids(rows), [newer?.id, older?.id]);
        assert.equal(total, 2);
        assert.deepEqual(rows[0], { ...newer, reviewedAt: null, reviewedBy: null });
      }));

    it('breaks a tie in time by id, highest first', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        const same = await saveAll(submissions, Array.from({ length: 5 }, () => feedback({}, NOW)));
        const { rows } = await dashboard.listAnswers({}, PAGE);
        assert.deepEqual(ids(rows), ids(same).sort().reverse());
      }));

    it('shows only quarantined answers when asked, with the reason', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        await saveAll(submissions, [feedback()]);
        const [bot] = await saveAll(submissions, [feedback({ signals: { honeypot: true, fillMs: 5000 } })]);
        const { rows, total } = await dashboard.listAnswers({ quarantined: true }, PAGE);
        assert.deepEqual([ids(rows), total, rows[0]?.quarantine], [[bot?.id], 1, 'honeypot']);
      }));

    it('filters by answer: yes, no (a No vote or the "not useful" form), problem, more', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        const [yes, noVote, notUseful, problem, more] = await saveAll(submissions, [
          usefulVote(true, NOW - 5),
          usefulVote(false, NOW - 4),
          feedback({ answers: { reason: 'not-useful', trying: 'x' } }, NOW - 3),
          feedback({ answers: { reason: 'problem', trying: 'x', wrong: 'y' } }, NOW - 2),
          feedback({ answers: { reason: 'more', trying: 'x' } }, NOW - 1),
        ]);
        const listed = async (answer: 'yes' | 'no' | 'problem' | 'more') => ids((await dashboard.listAnswers({ answer }, PAGE)).rows);
        assert.deepEqual(await listed('yes'), [yes?.id]);
        assert.deepEqual(await listed('no'), [notUseful?.id, noVote?.id]);
        assert.deepEqual(await listed('problem'), [problem?.id]);
        assert.deepEqual(await listed('more'), [more?.id]);
      }));

    it('filters by site, page and time: from inclusive, to exclusive', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        const [early, onTime, late, otherPage, otherSite] = await saveAll(submissions, [
          feedback({}, NOW - 2 * DAY),
          feedback({}, NOW - DAY),
          feedback({}, NOW),
          feedback({ page: { url: CARERS, title: 'Carers' } }, NOW - DAY),
          feedback({ site: 'other-site', page: { url: 'https://other-council.example/', title: 'Home' } }, NOW - DAY),
        ]);
        const listed = async (filter: Parameters<DashboardStore['listAnswers']>[0]) => ids((await dashboard.listAnswers(filter, PAGE)).rows);
        assert.deepEqual(await listed({ site: 'other-site' }), [otherSite?.id]);
        assert.deepEqual(await listed({ site: 'adult-social-care', pageUrl: CARERS }), [otherPage?.id]);
        assert.deepEqual(new Set(await listed({ site: 'adult-social-care', pageUrl: HELP, from: NOW - DAY })), new Set([onTime?.id, late?.id]));
        assert.deepEqual(await listed({ pageUrl: HELP, to: NOW - DAY }), [early?.id]);
        assert.deepEqual(await listed({ pageUrl: HELP, from: NOW - DAY, to: NOW }), [onTime?.id]);
      }));

    it('searches what people wrote, case-insensitively, with % and _ taken literally', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        const [percent, underscore, wrong] = await saveAll(submissions, [
          feedback({ answers: { reason: 'problem', trying: 'Pay 100% of the bill', wrong: 'x' } }, NOW - 3),
          feedback({ answers: { reason: 'problem', trying: 'file_name', wrong: 'x' } }, NOW - 2),
          feedback({ answers: { reason: 'problem', trying: 'Find a form', wrong: 'The PAGE Froze' } }, NOW - 1),
          feedback({ answers: { reason: 'problem', trying: 'filename 1000 of them', wrong: 'x' } }, NOW),
        ]);
        const found = async (text: string) => ids((await dashboard.listAnswers({ text }, PAGE)).rows);
        assert.deepEqual(await found('%'), [percent?.id]);
        assert.deepEqual(await found('_'), [underscore?.id]);
        assert.deepEqual(await found('page froze'), [wrong?.id]);
        assert.deepEqual(await found('nothing like it'), []);
      }));

    it('tells reviewed answers from unreviewed, with who reviewed and when', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        const [reviewed, waiting] = await saveAll(submissions, [feedback({}, NOW - 1), feedback({}, NOW)]);
        await submissions.markReviewed(reviewed?.id as string, 'officer@example.gov.uk', NOW + 5);
        const done = await dashboard.listAnswers({ status: 'reviewed' }, PAGE);
        assert.deepEqual([ids(done.rows), done.rows[0]?.reviewedAt, done.rows[0]?.reviewedBy], [[reviewed?.id], NOW + 5, 'officer@example.gov.uk']);
        assert.deepEqual(ids((await dashboard.listAnswers({ status: 'unreviewed' }, PAGE)).rows), [waiting?.id]);
        // Removed: in no list.
        await submissions.remove(reviewed?.id as string);
        assert.deepEqual(await dashboard.listAnswers({ status: 'reviewed' }, PAGE), { rows: [], total: 0 });
      }));

    it('pages by limit and offset, the total counting every match', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        const records = await saveAll(submissions, Array.from({ length: 7 }, (_, i) => feedback({}, NOW - i * MINUTE)));
        const first = await dashboard.listAnswers({}, { limit: 3, offset: 0 });
        const last = await dashboard.listAnswers({}, { limit: 3, offset: 6 });
        const beyond = await dashboard.listAnswers({}, { limit: 3, offset: 9 });
        assert.deepEqual([ids(first.rows), first.total], [ids(records.slice(0, 3)), 7]);
        assert.deepEqual([ids(last.rows), last.total], [ids(records.slice(6)), 7]);
        assert.deepEqual(beyond, { rows: [], total: 7 });
      }));
  });

  describe(`${name}: dashboard votes per page and pages`, () => {
    it('counts Yes and No over the last 7, 30 and 90 days, most votes first, leaving out quarantined and older votes', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        assert.deepEqual(await dashboard.pageCounts({}, NOW), []);
        const carers = { page: { url: CARERS, title: 'Carers' } };
        await saveAll(submissions, [
          usefulVote(true, NOW - DAY), usefulVote(true, NOW - 10 * DAY), usefulVote(false, NOW - 40 * DAY), usefulVote(false, NOW - 2 * DAY),
          usefulVote(true, NOW - 91 * DAY), usefulVote(true, NOW - DAY, { signals: { honeypot: true, fillMs: 800 } }),
          feedback({ answers: { reason: 'problem', trying: 'x', wrong: 'y' } }, NOW - DAY),
          usefulVote(true, NOW - DAY, carers),
          usefulVote(false, NOW - DAY, { site: 'other-site', page: { url: 'https://other-council.example/', title: 'Home' } }),
        ]);
        const counts = await dashboard.pageCounts({ site: 'adult-social-care' }, NOW);
        assert.deepEqual(counts, [
          { site: 'adult-social-care', pageUrl: HELP, pageTitle: 'Adult social care', yes: { 7: 1, 30: 2, 90: 2 }, no: { 7: 1, 30: 1, 90: 2 } },
          { site: 'adult-social-care', pageUrl: CARERS, pageTitle: 'Carers', yes: { 7: 1, 30: 1, 90: 1 }, no: { 7: 0, 30: 0, 90: 0 } },
        ]);
        assert.deepEqual((await dashboard.pageCounts({ pageUrl: CARERS }, NOW)).map((c) => c.pageUrl), [CARERS]);
        assert.equal((await dashboard.pageCounts({}, NOW)).length, 3);
        // Seen from 100 days on, every one of these votes is too old.
        assert.deepEqual(await dashboard.pageCounts({}, NOW + 100 * DAY), []);
      }));

    it('lists each page with feedback once, by site then address, for one site or all', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        assert.deepEqual(await dashboard.listPages(), []);
        await saveAll(submissions, [
          feedback({ page: { url: CARERS, title: 'Carers' } }), feedback(), feedback(),
          feedback({ site: 'other-site', page: { url: 'https://other-council.example/', title: 'Home' } }),
          finderAnswer({ query: 'x', results: 1 }, NOW, { url: 'https://www.example-council.gov.uk/find/' }),
        ]);
        assert.deepEqual(await dashboard.listPages(), [
          { site: 'adult-social-care', pageUrl: HELP },
          { site: 'adult-social-care', pageUrl: CARERS },
          { site: 'other-site', pageUrl: 'https://other-council.example/' },
        ]);
        assert.deepEqual(await dashboard.listPages('other-site'), [{ site: 'other-site', pageUrl: 'https://other-council.example/' }]);
        assert.deepEqual(await dashboard.listPages('nowhere'), []);
      }));
  });

  describe(`${name}: dashboard finder`, () => {
    /** Searches, choices and Yes / No, `ago` ms before NOW (see NEED_GAP_MS for how needs count). */
    async function finderFixture(submissions: SubmissionStore) {
      const at = (ago: number) => NOW - ago;
      await saveAll(submissions, [
        // 1. A need settled, then its result chosen two minutes later: one need, chosen.
        finderAnswer({ query: 'blue badge', results: 3 }, at(2 * DAY)),
        finderAnswer({ query: 'blue badge', results: 3, chosen: 'blue-badge' }, at(2 * DAY - 2 * MINUTE)),
        finderAnswer({ query: 'blue badge', chosen: 'blue-badge', helped: true }, at(2 * DAY - 3 * MINUTE)),
        // 2. Chosen before it settled: only the search with its choice. One need, chosen, then No.
        finderAnswer({ query: 'Blue Badge', results: 2, chosen: 'blue-badge' }, at(DAY)),
        finderAnswer({ query: 'Blue Badge', chosen: 'blue-badge', helped: false, need: 'renew mine' }, at(DAY - MINUTE)),
        // 3. The same words later in the day, with no choice: another need.
        finderAnswer({ query: 'blue badge', results: 3 }, at(DAY - 5 * 60 * MINUTE)),
        // 4. Chosen long after the same words were searched: its own need.
        finderAnswer({ query: 'meals on wheels', results: 4 }, at(3 * DAY)),
        finderAnswer({ query: 'meals on wheels', results: 4, chosen: 'meals-at-home' }, at(3 * DAY - NEED_GAP_MS - MINUTE)),
        // 5. Nothing found, twice, and once on another page.
        finderAnswer({ query: 'bin collection', results: 0 }, at(4 * DAY)),
        finderAnswer({ query: 'bin collection', results: 0 }, at(4 * DAY - 30 * MINUTE), { url: CARERS }),
        finderAnswer({ query: '<script>alert(1)</script>', results: 0 }, at(5 * DAY)),
        // 6. Older: 20 and 60 days, and outside every window.
        finderAnswer({ query: 'respite', results: 2, chosen: 'carers-break' }, at(20 * DAY)),
        finderAnswer({ query: 'respite', chosen: 'carers-break', helped: false, need: 'A sitter for one evening a week' }, at(20 * DAY - MINUTE)),
        finderAnswer({ query: 'falls', results: 2 }, at(60 * DAY)),
        finderAnswer({ query: 'falls', results: 2 }, at(100 * DAY)),
        // 7. Another site, and likely spam: neither counts for the site.
        finderAnswer({ query: 'parking permit', results: 0 }, at(DAY), { site: 'other-site', url: 'https://other-council.example/find/' }),
        finderAnswer({ query: 'cheap pills', results: 0 }, at(DAY), { honeypot: true }),
      ]);
    }

    it('counts a search and its choice as one need, and each "No" against the answered needs', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        await finderFixture(submissions);
        const summary = await dashboard.finderSummary({ site: 'adult-social-care' }, NOW);
        // 7 days: blue badge ×3, meals ×2 (chosen long after), bin collection ×2, the script text.
        assert.deepEqual(summary[7], { needs: 8, noAnswer: 3, chosen: 3, helpedYes: 1, helpedNo: 1, answered: 2, answeredRate: 2 / 8 });
        assert.deepEqual(summary[30], { needs: 9, noAnswer: 3, chosen: 4, helpedYes: 1, helpedNo: 2, answered: 2, answeredRate: 2 / 9 });
        assert.equal(summary[90].needs, 10);
        assert.equal(summary[90].answered, 2);
        assert.equal((await dashboard.finderSummary({}, NOW))[7].needs, 9, 'all sites include the other site, never the quarantined');
      }));

    it('answers zeros, and no rate, with no finder answers', () =>
      withStore(open, async ({ dashboard }) => {
        const none = { needs: 0, noAnswer: 0, chosen: 0, helpedYes: 0, helpedNo: 0, answered: 0, answeredRate: null };
        assert.deepEqual(await dashboard.finderSummary({}, NOW), { 7: none, 30: none, 90: none });
        const filter = { since: NOW - 30 * DAY, until: NOW };
        assert.deepEqual(await dashboard.finderTopNeeds(filter, 10), []);
        assert.deepEqual(await dashboard.finderUnanswered(filter, 10), []);
        assert.deepEqual(await dashboard.finderNotHelped(filter, PAGE), { rows: [], total: 0 });
      }));

    it('ranks needs by how often, in lower case, a tie to the most recent, and lists those that found nothing', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        await finderFixture(submissions);
        const filter = { site: 'adult-social-care', since: NOW - 30 * DAY, until: NOW + 1 };
        const top = await dashboard.finderTopNeeds(filter, 3);
        assert.deepEqual(top.map(({ query, needs, noResults, chosen }) => ({ query, needs, noResults, chosen })), [
          { query: 'blue badge', needs: 3, noResults: 0, chosen: 2 },
          // A tie goes to the need searched most recently.
          { query: 'meals on wheels', needs: 2, noResults: 0, chosen: 1 },
          { query: 'bin collection', needs: 2, noResults: 2, chosen: 0 },
        ]);
        assert.equal(top[0]?.lastAt, NOW - (DAY - 5 * 60 * MINUTE));
        const unanswered = await dashboard.finderUnanswered(filter, 10);
        assert.deepEqual(unanswered.map((n) => [n.query, n.needs]), [['bin collection', 2], ['<script>alert(1)</script>', 1]]);
        assert.deepEqual((await dashboard.finderUnanswered(filter, 1)).map((n) => n.query), ['bin collection']);
        const all = await dashboard.finderUnanswered({ since: NOW - 30 * DAY, until: NOW + 1 }, 10);
        assert.ok(all.some((n) => n.query === 'parking permit'), 'all sites include the other site');
        assert.ok(!all.some((n) => n.query === 'cheap pills'), 'quarantined answers never count');
        // until is exclusive: a window ending as the first bin search came leaves it out.
        const before = await dashboard.finderTopNeeds({ site: 'adult-social-care', since: NOW - 30 * DAY, until: NOW - 4 * DAY }, 10);
        assert.deepEqual(before.map((n) => n.query).sort(), ['<script>alert(1)</script>', 'respite']);
      }));

    it('lists the answers that did not help, in residents’ own words, newest first, a page at a time', () =>
      withStore(open, async ({ submissions, dashboard }) => {
        await finderFixture(submissions);
        const filter = { site: 'adult-social-care', since: NOW - 90 * DAY, until: NOW + 1 };
        const { rows, total } = await dashboard.finderNotHelped(filter, PAGE);
        assert.equal(total, 2);
        assert.deepEqual(rows, [
          { receivedAt: NOW - (DAY - MINUTE), site: 'adult-social-care', pageUrl: HELP, pageTitle: 'Find help', query: 'Blue Badge', chosen: 'blue-badge', need: 'renew mine' },
          { receivedAt: NOW - (20 * DAY - MINUTE), site: 'adult-social-care', pageUrl: HELP, pageTitle: 'Find help', query: 'respite', chosen: 'carers-break', need: 'A sitter for one evening a week' },
        ]);
        assert.deepEqual(await dashboard.finderNotHelped(filter, { limit: 1, offset: 1 }), { rows: rows.slice(1), total: 2 });
        assert.deepEqual((await dashboard.finderNotHelped({ ...filter, since: NOW - 7 * DAY }, PAGE)).total, 1);
      }));
  });
}
