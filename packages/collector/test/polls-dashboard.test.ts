// The polls in the staff dashboard over real HTTP and SQLite: creating and editing polls, the
// moderation round trip as a resident sees it, staff's response, site policies, CSV exports
// that a spreadsheet cannot run, and CSRF refusals.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readCsv } from '../test-support/csv.js';
import { hashPassword } from '../src/dashboard/passwords.js';
import { browserish, STAFF } from '../test-support/dashboard.js';
import { post } from '../test-support/helpers.js';
import { CLOSED, countsOf, getPoll, POLICY, POLL, startPollCollector, statement, vote } from '../test-support/polls.js';

let collector: Awaited<ReturnType<typeof startPollCollector>>;
let staff: ReturnType<typeof browserish>;
let token: string;

before(async () => {
  collector = await startPollCollector();
  await collector.store.staff.saveUser(STAFF.email, await hashPassword(STAFF.password), Date.now());
  staff = browserish(collector.url);
  await staff.signIn();
  token = staff.tokenIn((await staff.request('/dashboard/polls')).text);
});
after(() => collector.close());

const submit = (path: string, form: Record<string, string>) => staff.request(path, { method: 'POST', form: { _csrf: token, ...form } });

/** The ids and statuses of a participant's statements. */
const mineOf = async (participant: string) => (await getPoll(collector.url, POLL, { participant })).json.mine;

const NEW_POLL = {
  id: 'libraries-2026', site: 'adult-social-care', title_en: 'Libraries in 2026', title_cy: 'Llyfrgelloedd yn 2026', intro_en: '', intro_cy: '',
  opens: '2026-01-01', closes: '2099-12-31', allowStatements: 'yes',
  q0_type: 'rating', q0_en: 'How good is your library?', q0_cy: 'Pa mor dda yw eich llyfrgell?', q0_options: '', q0_id: '',
  q1_type: 'choice', q1_en: 'What do you use most?', q1_cy: '', q1_options: 'Books | Llyfrau\nComputers | Cyfrifiaduron\nEvents', q1_id: '',
  q2_type: 'statement', q2_en: 'Opening hours suit me', q2_cy: '', q2_options: '', q2_id: 'hours',
};

describe('polls in the dashboard', () => {
  it('needs a signed-in session', async () => {
    const anonymous = browserish(collector.url);
    for (const path of ['/dashboard/polls', `/dashboard/polls/${POLL}`, `/dashboard/polls/${POLL}/statements`, `/dashboard/polls/${POLL}/results.csv`]) {
      const response = await anonymous.request(path);
      assert.equal(response.status, 303, path);
      assert.equal(response.location, '/dashboard/sign-in');
    }
  });

  it('lists the polls, with navigation and each site’s policy', async () => {
    const page = await staff.request('/dashboard/polls');
    assert.equal(page.status, 200);
    assert.match(page.text, /<a class="header__link" href="\/dashboard\/polls" aria-current="page">Polls<\/a>/);
    assert.match(page.text, new RegExp(`href="/dashboard/polls/${POLL}">Day centres in 2026</a>`));
    assert.ok(page.text.includes(POLICY.en));
    assert.match(page.text, /\(from the configuration file\)/);
  });

  it('creates a poll from the form, with errors named by field first', async () => {
    const refused = await submit('/dashboard/polls/new', { ...NEW_POLL, id: 'Bad Id', title_en: '', closes: '2025-12-31', q1_options: 'Only one' });
    assert.equal(refused.status, 422);
    for (const field of ['id', 'title_en', 'closes', 'q1_options']) assert.match(refused.text, new RegExp(`<a href="#${field}">`), field);
    assert.match(refused.text, /<title>Error: Create a poll/);
    assert.match(refused.text, /value="How good is your library\?"/, 'keeps what was typed');

    // A kind of question named like a property every object has is still just unknown.
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const odd = await submit('/dashboard/polls/new', { ...NEW_POLL, q0_type: type });
      assert.equal(odd.status, 422, type);
      assert.match(odd.text, /<a href="#q0_type">Select the kind of question 1</, type);
    }

    const created = await submit('/dashboard/polls/new', NEW_POLL);
    assert.equal(created.status, 303, created.text);
    assert.equal(created.location, '/dashboard/polls/libraries-2026?done=created');
    const { json } = await getPoll(collector.url, 'libraries-2026');
    assert.equal(json.status, 'open');
    assert.deepEqual(json.title, { en: 'Libraries in 2026', cy: 'Llyfrgelloedd yn 2026' });
    assert.deepEqual(json.questions.map((q) => [q.id, q.type]), [['how-good-is-your-library', 'rating'], ['what-do-you-use-most', 'choice'], ['hours', 'statement']]);
    assert.deepEqual(json.questions[0].options[0].label, { en: 'Very poor', cy: 'Gwael iawn' });
    assert.deepEqual(json.questions[1].options, [
      { id: 'books', label: { en: 'Books', cy: 'Llyfrau' } }, { id: 'computers', label: { en: 'Computers', cy: 'Cyfrifiaduron' } }, { id: 'events', label: { en: 'Events' } },
    ]);
    assert.equal(json.closesAt, '2099-12-31T23:59:59Z');
    assert.equal(json.opensAt, '2026-01-01T00:00:00Z');

    const again = await submit('/dashboard/polls/new', NEW_POLL);
    assert.equal(again.status, 422);
    assert.match(again.text, /already a poll with this id/);
  });

  it('edits a dashboard poll, keeping option ids (and counts) when the words stay', async () => {
    assert.equal((await post(collector.url, vote(collector.newParticipant(), 'what-do-you-use-most', 'events', { instance: 'libraries-2026' }))).status, 201);
    const form = await staff.request('/dashboard/polls/libraries-2026/edit');
    assert.equal(form.status, 200);
    assert.match(form.text, /Question 5 \(empty\)/, 'two empty slots to add questions');
    const saved = await submit('/dashboard/polls/libraries-2026/edit', {
      ...NEW_POLL, id: 'ignored', title_en: 'Our libraries',
      q0_id: 'how-good-is-your-library', q1_id: 'what-do-you-use-most', q1_options: 'Events | Digwyddiadau\nBooks\nThe café',
      q3_type: 'faces', q3_en: 'How do you feel when you leave?', q3_cy: '', q3_options: '', q3_id: '',
      q4_type: 'rating', q4_en: '', q4_cy: '', q4_options: '', q4_id: '',
    });
    assert.equal(saved.status, 303, saved.text);
    const { json } = await getPoll(collector.url, 'libraries-2026');
    assert.equal(json.id, 'libraries-2026');
    assert.equal(json.title.en, 'Our libraries');
    assert.deepEqual(json.questions[1].options.map((o) => o.id), ['events', 'books', 'the-cafe']);
    assert.deepEqual(countsOf(json, 'what-do-you-use-most')!.counts, { events: 1, books: 0, 'the-cafe': 0 });
    assert.equal(json.questions[3].type, 'faces');
  });

  it('leaves a poll from a configuration file to its file', async () => {
    const page = await staff.request(`/dashboard/polls/${POLL}`);
    assert.match(page.text, /In the collector’s configuration files/);
    assert.doesNotMatch(page.text, /Edit this poll/);
    const edit = await staff.request(`/dashboard/polls/${POLL}/edit`);
    assert.equal(edit.status, 303);
    const posted = await submit(`/dashboard/polls/${POLL}/edit`, { ...NEW_POLL, title_en: 'Hijacked' });
    assert.equal(posted.status, 303);
    assert.equal((await getPoll(collector.url, POLL)).json.title.en, 'Day centres in 2026');
  });

  it('answers 404 for an unknown poll or statement', async () => {
    assert.equal((await staff.request('/dashboard/polls/no-such-poll')).status, 404);
    assert.equal((await staff.request('/dashboard/polls/BAD%20ID/statements')).status, 404);
    assert.equal((await submit(`/dashboard/polls/${POLL}/statements/abc/publish`, {})).status, 404);
  });
});

describe('moderation round trip', () => {
  it('pending in mine → published as a question others vote on → rejected with a reason its author sees → replied to', async () => {
    const author = collector.newParticipant();
    const texts = ['The minibus is <b>often</b> late', 'Ms Smith in the kitchen is rude to us'];
    for (const text of texts) assert.equal((await post(collector.url, statement(author, text))).status, 201);
    const [late, rude] = (await mineOf(author))!.statements;
    assert.deepEqual([late.status, rude.status], ['pending', 'pending']);
    const lateId = late.id.slice(2);
    const rudeId = rude.id.slice(2);

    const queue = await staff.request(`/dashboard/polls/${POLL}/statements`);
    assert.equal(queue.status, 200);
    assert.ok(queue.text.includes('The minibus is &lt;b&gt;often&lt;/b&gt; late'), 'rendered as text');
    assert.ok(!queue.text.includes('<b>often</b>'));

    const published = await submit(`/dashboard/polls/${POLL}/statements/${lateId}/publish`, {});
    assert.equal(published.status, 303);
    assert.equal(published.location, `/dashboard/polls/${POLL}/statements?status=pending&done=published`);
    const others = (await getPoll(collector.url, POLL)).json;
    const question = others.questions.find((q) => q.id === late.id);
    assert.deepEqual(question?.text, { en: texts[0] });
    assert.equal(question?.origin, 'resident');
    const voter = collector.newParticipant();
    assert.equal((await post(collector.url, vote(voter, late.id, 'disagree'))).status, 201);
    assert.equal(countsOf((await getPoll(collector.url, POLL)).json, late.id)!.counts.disagree, 1);

    const noReason = await submit(`/dashboard/polls/${POLL}/statements/${rudeId}/reject`, { [`reason-${rudeId}`]: '   ' });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, new RegExp(`<a href="#reason-${rudeId}">Enter why statement s-${rudeId} is not published`));
    assert.equal((await mineOf(author))!.statements[1].status, 'pending');
    const rejected = await submit(`/dashboard/polls/${POLL}/statements/${rudeId}/reject`, { [`reason-${rudeId}`]: 'It names a member of staff.' });
    assert.equal(rejected.status, 303);

    const replied = await submit(`/dashboard/polls/${POLL}/statements/${lateId}/reply`, { [`reply-en-${lateId}`]: 'We have spoken to the transport team.', [`reply-cy-${lateId}`]: 'Rydym wedi siarad â’r tîm trafnidiaeth.' });
    assert.equal(replied.status, 303);
    const mine = (await mineOf(author))!.statements;
    assert.deepEqual(mine.map((s) => ({ status: s.status, reason: s.reason, reply: s.reply })), [
      { status: 'published', reason: null, reply: { en: 'We have spoken to the transport team.', cy: 'Rydym wedi siarad â’r tîm trafnidiaeth.' } },
      { status: 'rejected', reason: 'It names a member of staff.', reply: null },
    ]);
    const rejectedTab = await staff.request(`/dashboard/polls/${POLL}/statements?status=rejected`);
    assert.ok(rejectedTab.text.includes('It names a member of staff.'));
    // The statement of another poll cannot be moderated through this one.
    assert.equal((await submit(`/dashboard/polls/${CLOSED}/statements/${lateId}/reject`, { [`reason-${lateId}`]: 'x' })).location, `/dashboard/polls/${CLOSED}/statements?status=pending&done=missing`);
  });
});

describe('deleting a statement on its author’s request', () => {
  it('confirms, then removes the statement, its answer and every vote on it', async () => {
    const author = collector.newParticipant();
    const answer = statement(author, 'Please delete this one later');
    assert.equal((await post(collector.url, answer)).status, 201);
    const [own] = (await mineOf(author))!.statements;
    const sid = own.id.slice(2);
    await submit(`/dashboard/polls/${POLL}/statements/${sid}/publish`, {});
    const voter = collector.newParticipant();
    assert.equal((await post(collector.url, vote(voter, own.id, 'agree'))).status, 201);

    const confirm = await staff.request(`/dashboard/polls/${POLL}/statements/${sid}/delete`);
    assert.equal(confirm.status, 200);
    assert.match(confirm.text, /Delete this statement\?/);
    assert.ok(confirm.text.includes('Please delete this one later'));
    assert.equal((await staff.request(`/dashboard/polls/${CLOSED}/statements/${sid}/delete`)).status, 404, 'only through its own poll');

    const deleted = await submit(`/dashboard/polls/${POLL}/statements/${sid}/delete`, {});
    assert.equal(deleted.status, 303);
    assert.match(deleted.location ?? '', /done=deleted/);
    assert.deepEqual((await mineOf(author))!.statements, []);
    const after = await getPoll(collector.url, POLL, { participant: voter });
    assert.ok(!after.json.questions.some((q) => q.id === own.id));
    assert.deepEqual(after.json.mine!.answers[own.id], undefined);
    assert.equal(await collector.store.submissions.get(answer.id), undefined);
    assert.equal(await collector.store.polls.getStatement(Number(sid)), undefined);
    const again = await submit(`/dashboard/polls/${POLL}/statements/${sid}/delete`, {});
    assert.match(again.location ?? '', /done=missing/);
  });
});

describe('responses and policies', () => {
  it('saves staff’s response, shown to residents once the poll has closed', async () => {
    const saved = await submit(`/dashboard/polls/${CLOSED}/response`, { response_en: 'You said the minibus was late; we changed its route.', response_cy: '' });
    assert.equal(saved.status, 303);
    assert.deepEqual((await getPoll(collector.url, CLOSED)).json.response, { en: 'You said the minibus was late; we changed its route.' });
    await submit(`/dashboard/polls/${POLL}/response`, { response_en: 'Not yet', response_cy: '' });
    assert.equal((await getPoll(collector.url, POLL)).json.response, null, 'not while open');
    const welshOnly = await submit(`/dashboard/polls/${POLL}/response`, { response_en: '', response_cy: 'Dim ond Cymraeg' });
    assert.equal(welshOnly.status, 422);
    assert.match(welshOnly.text, /<a href="#response_en">/);
  });

  it('changes a site’s moderation policy, and back to the configuration’s', async () => {
    const saved = await submit('/dashboard/polls/policies/adult-social-care', { policy_en: 'Our new policy.', policy_cy: 'Ein polisi newydd.' });
    assert.equal(saved.status, 303);
    assert.deepEqual((await getPoll(collector.url, POLL)).json.policy, { en: 'Our new policy.', cy: 'Ein polisi newydd.' });
    await submit('/dashboard/polls/policies/adult-social-care', { policy_en: '', policy_cy: '' });
    assert.deepEqual((await getPoll(collector.url, POLL)).json.policy, POLICY);
    const noConfig = await submit('/dashboard/polls/policies/other-site', { policy_en: '', policy_cy: '' });
    assert.equal(noConfig.status, 422);
    assert.equal((await staff.request('/dashboard/polls/policies/no-such-site')).status, 404);
  });
});

describe('CSV exports', () => {
  it('flags the hours in which one connection brought many new participants, on the page and as CSV', async () => {
    const quiet = await staff.request(`/dashboard/polls/${CLOSED}`);
    assert.doesNotMatch(quiet.text, /from one connection/);
    await collector.store.polls.recordBurst({ pollId: CLOSED, hourStart: Date.UTC(2026, 6, 2, 13), participants: 75 });
    const flagged = await staff.request(`/dashboard/polls/${CLOSED}`);
    // July: British Summer Time, an hour ahead of UTC.
    assert.ok(flagged.text.includes('On 2026-07-02, between 14:00 and 15:00 UK time, 75 new participants came from one connection.'), flagged.text);
    const csv = await staff.request(`/dashboard/polls/${CLOSED}/bursts.csv`);
    assert.equal(csv.status, 200);
    assert.deepEqual(readCsv(csv.text.slice(1)), [{ 'Hour starting (UK time)': '2026-07-02 14:00', 'New participants from the busiest connection': '75' }]);
  });

  it('exports results with counts and shares', async () => {
    const participant = collector.newParticipant();
    await post(collector.url, vote(participant, 'overall', '5'));
    const response = await staff.request(`/dashboard/polls/${POLL}/results.csv`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="tandem-poll-day-centres-2026-results-\d{4}-\d{2}-\d{2}\.csv"/);
    assert.ok(response.text.startsWith('\ufeff'));
    const rows = readCsv(response.text.slice(1));
    const five = rows.find((r) => r['Question id'] === 'overall' && r['Option id'] === '5');
    assert.ok(five);
    assert.equal(five.Option, 'Very good');
    assert.equal(Number(five.People), countsOf((await getPoll(collector.url, POLL)).json, 'overall')!.counts['5']);
  });

  it('exports statements with every formula-like cell neutralised', async () => {
    const payloads = ['=HYPERLINK("http://evil.example","click here")', '+44 is our dialling code, fine', '-1 out of ten for the food', '@SUM(1+1) is what I think of it'];
    for (const text of payloads) assert.equal((await post(collector.url, statement(collector.newParticipant(), text))).status, 201);
    const response = await staff.request(`/dashboard/polls/${POLL}/statements.csv`);
    assert.equal(response.status, 200);
    const rows = readCsv(response.text.slice(1));
    const exported = rows.map((r) => r.Statement);
    for (const text of payloads) assert.ok(exported.includes(`'${text}`), `${text} neutralised: ${JSON.stringify(exported)}`);
    for (const row of rows) for (const cell of Object.values(row)) assert.doesNotMatch(String(cell), /^[=+\-@\t\r]/);
  });
});

describe('CSRF', () => {
  it('refuses every poll form without the session’s token, changing nothing', async () => {
    const author = collector.newParticipant();
    await post(collector.url, statement(author, 'A statement to leave pending'));
    const [own] = (await mineOf(author))!.statements;
    const sid = own.id.slice(2);
    const attempts = [
      ['/dashboard/polls/new', { ...NEW_POLL, id: 'forged-poll' }],
      [`/dashboard/polls/${POLL}/statements/${sid}/publish`, {}],
      [`/dashboard/polls/${POLL}/statements/${sid}/reject`, { [`reason-${sid}`]: 'forged' }],
      [`/dashboard/polls/${POLL}/statements/${sid}/delete`, {}],
      [`/dashboard/polls/${CLOSED}/response`, { response_en: 'Forged response' }],
      ['/dashboard/polls/policies/adult-social-care', { policy_en: 'Forged policy' }],
    ] as [string, Record<string, string>][];
    for (const [path, form] of attempts) {
      for (const csrf of [undefined, 'wrong-token']) {
        const response = await staff.request(path, { method: 'POST', form: csrf ? { ...form, _csrf: csrf } : form });
        assert.equal(response.status, 403, path);
      }
    }
    assert.equal(await collector.store.polls.get('forged-poll'), undefined);
    assert.equal((await mineOf(author))!.statements[0].status, 'pending');
    assert.notEqual((await getPoll(collector.url, CLOSED)).json.response?.en, 'Forged response');
    assert.deepEqual((await getPoll(collector.url, POLL)).json.policy, POLICY);
  });
});
