// Each step of POST /v1/submissions on its own, without HTTP: what it passes on, and how it
// refuses. (The whole route, over HTTP, is api.test.js, polls-api.test.js and odd-values.test.js.)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newcomerGate } from '../src/polls/newcomers.js';
import { participants } from '../src/polls/participants.js';
import { repeatTracker } from '../src/repeats.js';
import { answer, BUSY_SITE_CEILING, checkPoll, checkSite, classify, isRefusal, limit, parse, save, type PollCheck } from '../src/routes/submission-steps.js';
import { siteRegistry } from '../src/sites.js';
import type { SiteConfig } from '../src/config.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { makeSubmission, ORIGIN, tempDir } from '../test-support/helpers.js';
import { pollAnswer, startPollCollector, vote } from '../test-support/polls.js';

const sites = siteRegistry([{ id: 'adult-social-care', origins: [ORIGIN] }, { id: 'busy-site', origins: [ORIGIN], perMinute: 5 }]);

describe('parse', () => {
  it('passes a submission the schema takes, as it is', () => {
    const body = makeSubmission();
    assert.equal(parse(body), body);
  });
  it('refuses anything else with 422, naming each field', () => {
    const refused = parse({ ...makeSubmission(), site: 'Not A Slug', signals: { honeypot: false, fillMs: -1 } });
    assert.ok(isRefusal(refused));
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.problems.map((p) => p.field).sort(), ['signals.fillMs', 'site']);
  });
});

describe('checkSite', () => {
  it("passes on the site's configuration when the page is one of its origins", () => {
    assert.equal((checkSite(makeSubmission(), ORIGIN, sites) as { id: string }).id, 'adult-social-care');
  });
  it('refuses an unknown site or another origin with 403, naming which', () => {
    const unknown = checkSite(makeSubmission({ site: 'nowhere' }), ORIGIN, sites);
    const elsewhere = checkSite(makeSubmission(), 'https://evil.example', sites);
    assert.ok(isRefusal(unknown) && isRefusal(elsewhere));
    assert.deepEqual([unknown.status, unknown.problems[0]?.field, elsewhere.status, elsewhere.problems[0]?.field], [403, 'site', 403, 'origin']);
  });
});

describe('limit', () => {
  /** A counter that says how long to wait once a key passes its max. */
  const counter = () => {
    const hits = new Map<string, number>();
    return (key: string) => {
      hits.set(key, (hits.get(key) ?? 0) + 1);
      return { hits: hits.get(key)!, secondsLeft: 42 };
    };
  };
  const limits = { perSitePerMinute: 1000, perParticipantPerMinute: 2, perIpPerMinuteWhenBusy: 20 };
  const busy = { id: 'busy-site', origins: [ORIGIN], perMinute: 5 } as SiteConfig;

  it('holds an address that sends many to a busy site’s own per-minute limit, with the seconds to wait', () => {
    const hits = counter();
    const heavy = { address: '192.0.2.1', hitsThisMinute: 21 };
    const outcomes = Array.from({ length: 6 }, () => limit(makeSubmission({ site: 'busy-site' }), busy, hits, limits, heavy));
    assert.deepEqual(outcomes.slice(0, 5), Array(5).fill(undefined));
    assert.deepEqual([outcomes[5]?.status, outcomes[5]?.retryAfter], [429, 42]);
  });
  it('lets addresses that send few through a busy site, up to its ceiling', () => {
    const hits = counter();
    const light = { address: '192.0.2.2', hitsThisMinute: 3 };
    const outcomes = Array.from({ length: 5 * BUSY_SITE_CEILING + 1 }, () => limit(makeSubmission({ site: 'busy-site' }), busy, hits, limits, light));
    assert.equal(outcomes.filter(Boolean).length, 1);
    assert.equal(outcomes.at(-1)?.status, 429);
  });
  it("holds a poll participant to theirs, in the poll contract's terms", () => {
    const hits = counter();
    const site = { id: 'adult-social-care', origins: [ORIGIN] } as SiteConfig;
    const me = randomUUID();
    const outcomes = Array.from({ length: 3 }, () => limit(vote(me, 'overall', '4'), site, hits, limits));
    assert.deepEqual([outcomes[0], outcomes[1]], [undefined, undefined]);
    assert.deepEqual([outcomes[2]?.status, outcomes[2]?.code, outcomes[2]?.field], [429, 'rate-limited', 'participant']);
    // Other widgets have no participant limit.
    assert.equal(limit(makeSubmission(), site, () => ({ hits: 1, secondsLeft: 42 }), limits), undefined);
  });
});

describe('checkPoll', () => {
  let collector: Awaited<ReturnType<typeof startPollCollector>>;
  let check: PollCheck;
  before(async () => {
    collector = await startPollCollector();
    const hits = new Map<string, number>();
    const countHit = (key: string) => {
      hits.set(key, (hits.get(key) ?? 0) + 1);
      return { hits: hits.get(key)!, secondsLeft: 42 };
    };
    check = { issued: participants(await collector.store.polls.participantSecret()).issued, admitNewcomer: newcomerGate(collector.store, countHit, 2), address: '127.0.0.1' };
  });
  after(() => collector.close());

  it('leaves other widgets alone, and turns a vote into the action the store applies', async () => {
    assert.deepEqual(await checkPoll(collector.store, makeSubmission(), Date.now(), check), {});
    const checked = await checkPoll(collector.store, vote(collector.newParticipant(), 'overall', '4'), Date.now(), check);
    assert.deepEqual(checked, { poll: { kind: 'vote', pollId: 'day-centres-2026', question: 'overall', choice: '4' } });
  });
  it('refuses an answer its poll does not take, with the code and field', async () => {
    const refused = await checkPoll(collector.store, vote(collector.newParticipant(), 'overall', '9'), Date.now(), check);
    assert.ok(isRefusal(refused));
    assert.deepEqual([refused.status, refused.code, refused.field], [422, 'unknown-option', 'answers.choice']);
  });
  it('lets a retry of an answer already stored through, though its poll has closed since', async () => {
    const early = pollAnswer({ question: 'overall', choice: '4' }, { participant: collector.newParticipant() });
    assert.equal(await collector.store.submissions.save((classify(early, { address: '127.0.0.1', foldSecret: 's', repeats: repeatTracker(), now: Date.now() }).record)), 'created');
    const longAfter = Date.now() + 365 * 24 * 60 * 60 * 1000;
    assert.deepEqual(await checkPoll(collector.store, early, longAfter, check), {});
    const late = await checkPoll(collector.store, pollAnswer({ question: 'overall', choice: '4' }, { participant: collector.newParticipant() }), longAfter, check);
    assert.ok(isRefusal(late) && late.code === 'poll-closed');
  });
  it('refuses a participant id this collector did not issue, and the newcomers past the limit of their address', async () => {
    const [, signature] = collector.newParticipant().split('.');
    const forged = await checkPoll(collector.store, vote(`${randomUUID()}.${signature}`, 'overall', '4'), Date.now(), check);
    assert.ok(isRefusal(forged));
    assert.deepEqual([forged.status, forged.code, forged.field], [422, 'unknown-participant', 'participant']);
    const fresh = { ...check, address: '127.0.0.9' };
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const refused = await checkPoll(collector.store, vote(collector.newParticipant(), 'overall', '4'), Date.now(), fresh);
      statuses.push(isRefusal(refused) ? [refused.status, refused.code, refused.retryAfter] : 'taken');
    }
    assert.deepEqual(statuses, ['taken', 'taken', [429, 'rate-limited', 42]]);
  });
});

describe('classify', () => {
  const context = () => ({ address: '127.0.0.1', foldSecret: 'secret', repeats: repeatTracker(), now: 1_800_000_000_000 });
  it('makes the record to store, redacted, with the poll action when there is one', () => {
    const submission = makeSubmission({ answers: { trying: 'call 07700 900123', wrong: 'x' } });
    const action = { kind: 'vote', pollId: 'p', question: 'q', choice: 'c' } as const;
    const { record } = classify(submission, { ...context(), poll: action });
    assert.deepEqual([record.id, record.receivedAt, record.answers.trying, record.quarantine, record.poll], [submission.id, 1_800_000_000_000, 'call [phone]', null, action]);
  });
  it('quarantines the same words sent again from the same address as a repeat of the first', () => {
    const shared = context();
    const first = classify(makeSubmission(), shared);
    const again = classify(makeSubmission(), shared);
    assert.ok(first.key);
    assert.deepEqual([first.record.quarantine, again.record.quarantine, again.record.repeatOf], [null, 'repeat', first.record.id]);
  });
  it('never folds what is quarantined already (too fast to be a person)', () => {
    const { key, record } = classify(makeSubmission({ signals: { honeypot: false, fillMs: 100 } }), context());
    assert.deepEqual([key, record.quarantine], [null, 'too-fast']);
  });
});

describe('save', () => {
  it('gives the store its outcome, or a 503 to retry when the store fails, telling why without the answer', async () => {
    const dir = tempDir();
    const store = openSqliteStore({ file: join(dir, 'tandem.sqlite') });
    const { record } = classify(makeSubmission({ answers: { trying: 'my secret words', wrong: 'x' } }), { address: '127.0.0.1', foldSecret: 's', repeats: repeatTracker(), now: Date.now() });
    assert.equal(await save(store, record, () => assert.fail('not a failure')), 'created');
    await store.close();
        const logged: string[] = [];
    const refused = await save(store, record, (error) => logged.push(error.message));
    assert.ok(isRefusal(refused));
    assert.deepEqual([refused.status, refused.retryAfter, logged], [503, 5, ['The store is closed']]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('answer', () => {
  it('says what each outcome means to the widget', () => {
    assert.deepEqual(answer('created', 'a'), { status: 201, body: { id: 'a' } });
    assert.deepEqual(answer('duplicate', 'a'), { status: 200, body: { id: 'a' } });
    const conflict = answer('conflict', 'a');
    const duplicateStatement = answer('duplicate-statement', 'a');
    const unstorable = answer({ unstorable: { field: 'signals.fillMs', message: 'cannot be stored' } }, 'a');
    assert.ok(isRefusal(conflict) && isRefusal(duplicateStatement) && isRefusal(unstorable));
    assert.deepEqual([conflict.status, conflict.problems[0]?.field], [409, 'id']);
    assert.deepEqual([duplicateStatement.status, duplicateStatement.code], [409, 'duplicate-statement']);
    assert.deepEqual([unstorable.status, unstorable.problems], [422, [{ field: 'signals.fillMs', message: 'cannot be stored' }]]);
  });
});
