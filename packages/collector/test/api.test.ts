// POST /v1/submissions and /health against a real server and a real SQLite file.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { databaseFile } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { toRecord } from '../src/submission.js';
import { makeSubmission, ORIGIN, OTHER_ORIGIN, post, startTestCollector, tempDir } from '../test-support/helpers.js';
import type { ApiAnswer } from '../test-support/helpers.js';

let collector: Awaited<ReturnType<typeof startTestCollector>>;
before(async () => {
  collector = await startTestCollector({
    sites: [
      { id: 'adult-social-care', origins: [ORIGIN] },
      { id: 'other-site', origins: [OTHER_ORIGIN] },
      { id: 'strict-site', origins: [ORIGIN], requireOrigin: true },
    ],
  });
});
after(() => collector.close());

const fieldsOf = (json: ApiAnswer | undefined) => json?.problems?.map((problem) => problem.field);

describe('exactly once by id', () => {
  it('answers 201 the first time and 200 with the same body for the same submission again', async () => {
    const submission = makeSubmission();
    const rowsBefore = await collector.store.submissions.count();
    const first = await post(collector.url, submission);
    assert.equal(first.status, 201);
    assert.deepEqual(first.json, { id: submission.id });
    const again = await post(collector.url, submission, { 'content-type': 'application/json' });
    assert.equal(again.status, 200);
    assert.equal(again.text, first.text);
    assert.equal(await collector.store.submissions.count(), rowsBefore + 1);
    assert.ok(await collector.store.submissions.get(submission.id));
  });

  it('treats the same submission with other key order and spacing as the same', async () => {
    const submission = makeSubmission();
    assert.equal((await post(collector.url, submission)).status, 201);
    const reverse = (value: object) => Object.fromEntries(Object.entries(value).reverse());
    const reordered = { ...reverse(submission), page: reverse(submission.page), answers: reverse(submission.answers), signals: reverse(submission.signals) };
    assert.equal((await post(collector.url, JSON.stringify(reordered, null, 2))).status, 200);
  });

  it('answers 409 naming the id for the same id with a different body, and keeps the first', async () => {
    const submission = makeSubmission();
    assert.equal((await post(collector.url, submission)).status, 201);
    const clash = await post(collector.url, { ...submission, answers: { reason: 'problem', trying: 'Something else', wrong: '' } });
    assert.equal(clash.status, 409);
    assert.deepEqual(fieldsOf(clash.json), ['id']);
    const stored = await collector.store.submissions.get(submission.id);
    assert.equal(stored?.answers.trying, 'Find out about home care');
  });
});

describe('content types and sizes', () => {
  it('accepts text/plain;charset=UTF-8 (the browser) and application/json', async () => {
    assert.equal((await post(collector.url, makeSubmission(), { 'content-type': 'text/plain;charset=UTF-8' })).status, 201);
    assert.equal((await post(collector.url, makeSubmission(), { 'content-type': 'application/json; charset=utf-8' })).status, 201);
    assert.equal((await post(collector.url, makeSubmission(), { 'content-type': 'text/plain' })).status, 201);
  });

  it('answers 415 for other content types and charsets', async () => {
    for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'text/plain; charset=iso-8859-1']) {
      const response = await post(collector.url, makeSubmission(), { 'content-type': type });
      assert.equal(response.status, 415, type);
      assert.ok(response.json!.error);
      assert.equal(response.json!.problems![0].field, 'content-type');
    }
    // Bytes, not a string: fetch would label a string text/plain by itself.
    const bytes = new TextEncoder().encode(JSON.stringify(makeSubmission()));
    assert.equal((await post(collector.url, bytes, { 'content-type': null })).status, 415, 'no content type');
  });

  it('answers 413 over 64 KiB, with or without a Content-Length', async () => {
    const big = makeSubmission({ answers: { trying: 'x'.repeat(70 * 1024) } });
    const response = await post(collector.url, big);
    assert.equal(response.status, 413);
    assert.equal(response.json!.problems![0].field, '(body)');
    // A streamed body has no Content-Length: the limit must hold while reading.
    const chunks = [JSON.stringify(big).slice(0, 40000), JSON.stringify(big).slice(40000)];
    const stream = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const streamed = await fetch(`${collector.url}/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: ORIGIN },
      body: stream,
      // @ts-ignore Node's fetch needs this for a stream body.
      duplex: 'half',
    });
    assert.equal(streamed.status, 413);
  });

  it('accepts a body just under 64 KiB when the schema allows it', async () => {
    const response = await post(collector.url, makeSubmission({ page: { url: 'https://www.example-council.gov.uk/a', title: ' '.repeat(300) } }));
    assert.equal(response.status, 201);
  });

  it('answers 400 naming the body for empty, non-JSON, bad UTF-8 and __proto__ bodies', async () => {
    const badUtf8 = Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    for (const body of ['', '{', 'not json', badUtf8, '{"__proto__":{"admin":true}}', '{"answers":{"constructor":{"prototype":{"x":1}}}}']) {
      const response = await post(collector.url, body);
      assert.equal(response.status, 400, String(body));
      assert.deepEqual(fieldsOf(response.json), ['(body)']);
      assert.ok(typeof response.json!.error === 'string');
    }
    assert.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype was polluted');
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it('answers 422 naming each field that breaks the shared schema', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'not-a-uuid' }, 'id'],
      [{ widget: 'carousel' }, 'widget'],
      [{ page: { url: 'https://x.example/?email=a@b.c', title: 't' } }, 'page.url'],
      [{ answers: { trying: 'x'.repeat(2001) } }, 'answers.trying'],
      [{ signals: { honeypot: 'no', fillMs: 1 } }, 'signals.honeypot'],
      [{ extra: true }, 'extra'],
    ];
    for (const [change, field] of cases) {
      const response = await post(collector.url, makeSubmission(change));
      assert.equal(response.status, 422, JSON.stringify(change));
      assert.ok(fieldsOf(response.json)!.includes(field), `${field} in ${JSON.stringify(response.json)}`);
    }
    for (const body of ['null', '[]', '"text"', '42']) assert.equal((await post(collector.url, body)).status, 422, body);
  });
});

describe('sites and origins', () => {
  it('refuses an unknown site with 403 naming the site', async () => {
    const response = await post(collector.url, makeSubmission({ site: 'no-such-council' }));
    assert.equal(response.status, 403);
    assert.deepEqual(fieldsOf(response.json), ['site']);
  });

  it("refuses an origin that is not the site's with 403, even when it belongs to another site", async () => {
    for (const origin of [OTHER_ORIGIN, 'https://evil.example', 'null', '', `${ORIGIN}:8443`, ORIGIN.toUpperCase()]) {
      const response = await post(collector.url, makeSubmission(), { origin });
      assert.equal(response.status, 403, origin);
      assert.deepEqual(fieldsOf(response.json), ['origin']);
    }
    assert.equal((await post(collector.url, makeSubmission({ site: 'other-site' }), { origin: OTHER_ORIGIN })).status, 201);
  });

  it('accepts a request without Origin (not a browser), unless the site requires one', async () => {
    assert.equal((await post(collector.url, makeSubmission(), { origin: null })).status, 201);
    const strict = await post(collector.url, makeSubmission({ site: 'strict-site' }), { origin: null });
    assert.equal(strict.status, 403);
    assert.deepEqual(fieldsOf(strict.json), ['origin']);
    assert.equal((await post(collector.url, makeSubmission({ site: 'strict-site' }))).status, 201);
  });
});

describe('what is stored', () => {
  it('redacts free text again on the server', async () => {
    const submission = makeSubmission({
      answers: { reason: 'problem', trying: 'Call me on 07700 900123 or jo.bloggs@example.com', wrong: 'NI QQ123456C', choices: ['SW1A 1AA', 'fine'] },
    });
    assert.equal((await post(collector.url, submission)).status, 201);
    const stored = await collector.store.submissions.get(submission.id);
    assert.equal(stored?.answers.trying, 'Call me on [phone] or [email]');
    assert.deepEqual(stored?.answers.choices, ['[postcode]', 'fine']);
    assert.doesNotMatch(JSON.stringify(stored), /07700|jo\.bloggs|SW1A/);
    // The same answer sent again is still a retry, not a clash, though the stored text differs.
    assert.equal((await post(collector.url, submission)).status, 200);
  });

  it('redacts the page title, the page path and the SDK version again on the server', async () => {
    // As a hand-made client could send it: nothing redacted in the browser.
    const submission = makeSubmission({
      page: { url: 'https://www.example-council.gov.uk/cases/AB123456C/jo.bloggs@example.com', title: 'Case for Jo, 07700 900123 – My account' },
      sdkVersion: '0.1.0 jo@example.com',
    });
    assert.equal((await post(collector.url, submission)).status, 201);
    const stored = await collector.store.submissions.get(submission.id);
    assert.equal(stored?.pageUrl, 'https://www.example-council.gov.uk/cases/%5Bni-number%5D/%5Bemail%5D');
    assert.equal(stored?.pageTitle, 'Case for Jo, [phone] – My account');
    assert.equal(stored?.sdkVersion, '0.1.0 [email]');
  });

  it('quarantines honeypot and too-fast form answers, answering exactly as for real ones', async () => {
    const real = makeSubmission({ answers: { reason: 'problem', trying: 'Quarantine test: a real answer', wrong: 'None' } });
    const honeypot = makeSubmission({ signals: { honeypot: true, fillMs: 9000 } });
    const fast = makeSubmission({ signals: { honeypot: false, fillMs: 1999 } });
    const quickVote = makeSubmission({ answers: { useful: true }, signals: { honeypot: false, fillMs: 300 } });
    const responses = [];
    for (const submission of [real, honeypot, fast, quickVote]) {
      const response = await post(collector.url, submission);
      responses.push({ status: response.status, body: response.text.replace(submission.id, 'ID'), type: response.headers.get('content-type') });
    }
    for (const response of responses) assert.deepEqual(response, responses[0]);
    assert.equal((await collector.store.submissions.get(real.id))?.quarantine, null);
    assert.equal((await collector.store.submissions.get(honeypot.id))?.quarantine, 'honeypot');
    assert.equal((await collector.store.submissions.get(fast.id))?.quarantine, 'too-fast');
    assert.equal((await collector.store.submissions.get(quickVote.id))?.quarantine, null, 'a one-click vote may be quick');
  });

  it('keeps the page, language, signals and time it was received', async () => {
    const before = Date.now();
    const submission = makeSubmission({ lang: 'cy', widget: 'feedback' });
    await post(collector.url, submission);
    const stored = await collector.store.submissions.get(submission.id);
    assert.ok(stored);
    assert.equal(stored.pageUrl, submission.page.url);
    assert.equal(stored.lang, 'cy');
    assert.equal(stored.fillMs, 12000);
    assert.ok(stored.receivedAt >= before && stored.receivedAt <= Date.now());
  });
});

describe('retention', () => {
  it('purges answers older than retentionDays when it starts', async () => {
    const dir = tempDir();
    const store = openSqliteStore({ file: databaseFile(dir) });
    const day = 24 * 60 * 60 * 1000;
    const old = toRecord(makeSubmission(), Date.now() - 31 * day);
    const recent = toRecord(makeSubmission(), Date.now() - 29 * day);
    await store.submissions.save(old);
    await store.submissions.save(recent);
    const purging = await startTestCollector({ retentionDays: 30 }, { store });
    try {
      assert.equal(await store.submissions.get(old.id), undefined);
      assert.ok(await store.submissions.get(recent.id));
    } finally {
      await purging.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('other routes', () => {
  it('GET /health checks the database', async () => {
    const response = await fetch(`${collector.url}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('answers unknown paths and methods with a JSON 404, not a 5xx', async () => {
    for (const [method, path] of [['GET', '/v1/submissions'], ['GET', '/v2/anything'], ['DELETE', '/v1/submissions'], ['PUT', '/health']]) {
      const response = await fetch(`${collector.url}${path}`, { method });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.ok((await response.json()).error);
    }
  });
});

describe('logs', () => {
  it('never hold answer text, whatever the outcome', async () => {
    const lines = [] as string[];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logged = await startTestCollector({ logLevel: 'trace' }, { logStream });
    try {
      const secret = 'Mrs Secret Resident of 12 Hidden Lane';
      const submission = makeSubmission({ answers: { trying: secret, wrong: secret } });
      await post(logged.url, submission);
      await post(logged.url, submission);
      await post(logged.url, { ...submission, answers: { trying: `${secret} again` } });
      await post(logged.url, `{"answers":{"trying":"${secret}"`);
      await post(logged.url, makeSubmission({ widget: secret }));
      await post(logged.url, makeSubmission({ site: 'no-such-site', answers: { trying: secret } }));
      await post(logged.url, makeSubmission({ answers: { trying: secret.repeat(3000) } }));
      await post(logged.url, makeSubmission({ answers: { trying: secret } }), { 'content-type': 'application/xml' });
      assert.ok(lines.length >= 3, 'the logger ran (one line per stored or repeated answer)');
      assert.ok(lines.some((line) => line.includes(submission.id)), 'ids are logged');
      for (const line of lines) assert.doesNotMatch(line, /Secret Resident|Hidden Lane/);
    } finally {
      await logged.close();
    }
  });
});
