// Dashboard sign-in, sessions, CSRF and staff accounts, over real HTTP and a real SQLite file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { hashId, IDLE_MS } from '../src/dashboard/sessions.js';
import { databaseFile } from '../src/server.js';
import { browserish, STAFF, startDashboard, storeAnswer } from '../test-support/dashboard.js';
import { CLI, tempDir, writeConfig } from '../test-support/helpers.js';

let collector: Awaited<ReturnType<typeof startDashboard>>;
before(async () => {
  // The tests connect from 127.0.0.1, named as the proxy, so one can say it came over HTTPS.
  collector = await startDashboard({ trustProxy: '127.0.0.1' });
});
after(() => collector.close());

describe('signing in', () => {
  it('answers an unknown dashboard address with an HTML 404 page, and serves its one stylesheet', async () => {
    const missing = await fetch(`${collector.url}/dashboard/nope`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await missing.text(), /<h1>Page not found<\/h1>/);
    const css = await fetch(`${collector.url}/dashboard/assets/dashboard.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(css.headers.get('content-security-policy') ?? '', /style-src 'self'/);
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const client = browserish(collector.url);
    for (const path of ['/dashboard', '/dashboard/export.csv', '/dashboard/answers/x/delete']) {
      const response = await client.request(path);
      assert.equal(response.status, 303, path);
      assert.equal(response.location, '/dashboard/sign-in');
    }
  });

  it('signs in with the right password and sets a session cookie (HttpOnly, SameSite=Lax, path /, not Secure on plain HTTP)', async () => {
    const client = browserish(collector.url);
    const response = await client.signIn();
    assert.equal(response.status, 303);
    assert.equal(response.location, '/dashboard');
    const cookie = response.setCookies.find((line) => line.startsWith('tandem_session='));
    assert.ok(cookie, response.setCookies.join('\n'));
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\//);
    assert.match(cookie, /; Max-Age=28800/);
    assert.doesNotMatch(cookie, /Secure/);
    const inbox = await client.request('/dashboard');
    assert.equal(inbox.status, 200);
    assert.match(inbox.text, /<h1>Feedback inbox<\/h1>/);
    assert.match(inbox.text, new RegExp(`Signed in as ${STAFF.email}`));
  });

  it('over HTTPS names the cookie __Host-tandem_session and marks it Secure', async () => {
    const client = browserish(collector.url, { 'x-forwarded-proto': 'https' });
    const response = await client.signIn();
    assert.equal(response.status, 303);
    const cookie = response.setCookies.find((line) => line.startsWith('__Host-tandem_session='));
    assert.ok(cookie, response.setCookies.join('\n'));
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.equal((await client.request('/dashboard')).status, 200);
  });

  it('stores only a hash of the session id, with an expiry', async () => {
    const client = browserish(collector.url);
    await client.signIn();
    const id = client.jar.get('tandem_session') as string;
    assert.ok(id.length >= 43);
    assert.equal(await collector.store.staff.findSession(id, Date.now(), IDLE_MS), undefined);
    const session = await collector.store.staff.findSession(hashId(id), Date.now(), IDLE_MS);
    assert.equal(session?.email, STAFF.email);
    assert.ok(session && session.expiresAt > Date.now() && session.expiresAt <= Date.now() + 8 * 3600e3);
    // Past its expiry the session no longer signs anyone in, however busy.
    assert.equal(await collector.store.staff.findSession(hashId(id), Date.now() + 8 * 3600e3 + 1, Infinity), undefined);
  });

  it('sends staff back to sign in once their session has sat idle', async () => {
    const client = browserish(collector.url);
    await client.signIn();
    assert.equal((await client.request('/dashboard')).status, 200);
    // As if the last page was 31 minutes ago.
    const db = new Database(databaseFile(collector.dir));
    db.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?').run(Date.now() - 31 * 60e3, hashId(client.jar.get('tandem_session') as string));
    db.close();
    const idle = await client.request('/dashboard');
    assert.equal(idle.status, 303);
    assert.equal(idle.headers.get('location'), '/dashboard/sign-in');
  });

  it('gives one message for a wrong password and an unknown email, and sets no session', async () => {
    const wrong = await browserish(collector.url).signIn(STAFF.email, 'not the password');
    const unknown = await browserish(collector.url).signIn('nobody@example-council.gov.uk', 'not the password');
    for (const response of [wrong, unknown]) {
      assert.equal(response.status, 401);
      assert.ok(!response.setCookies.some((line) => line.includes('tandem_session=')));
      assert.match(response.text, /<title>Error: Sign in/);
      assert.match(response.text, /There is a problem/);
    }
    const message = (text: string) => /<a href="#email">([^<]+)<\/a>/.exec(text)?.[1];
    assert.ok(message(wrong.text));
    assert.equal(message(wrong.text), message(unknown.text));
    await collector.store.staff.clearSignInFailures({ email: STAFF.email, address: '127.0.0.1' });
  });

  it('signs out: the session ends in the store and the cookie is cleared', async () => {
    const client = browserish(collector.url);
    await client.signIn();
    const id = client.jar.get('tandem_session') as string;
    const inbox = await client.request('/dashboard');
    const out = await client.request('/dashboard/sign-out', { method: 'POST', form: { _csrf: client.tokenIn(inbox.text) } });
    assert.equal(out.status, 303);
    assert.equal(out.location, '/dashboard/sign-in?signed_out=1');
    assert.ok(out.setCookies.some((line) => /^tandem_session=;/.test(line)));
    assert.equal(await collector.store.staff.findSession(hashId(id), Date.now(), IDLE_MS), undefined);
    // Even a copy of the old cookie no longer works.
    const replay = await fetch(`${collector.url}/dashboard`, { headers: { cookie: `tandem_session=${id}` }, redirect: 'manual' });
    assert.equal(replay.status, 303);
  });
});

describe('CSRF', () => {
  it('refuses a sign-in POST without the token (403), whatever the password', async () => {
    const response = await fetch(`${collector.url}/dashboard/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: STAFF.email, password: STAFF.password }).toString(),
      redirect: 'manual',
    });
    assert.equal(response.status, 403);
    assert.ok(!response.headers.getSetCookie().some((line) => line.includes('tandem_session=')));
  });

  it('refuses every signed-in POST without its token, or with a wrong one (403), and changes nothing', async () => {
    const client = browserish(collector.url);
    await client.signIn();
    const record = await storeAnswer(collector.store);
    for (const form of ([{}, { _csrf: 'forged' }, { _csrf: '' }] as Record<string, string>[])) {
      for (const path of [`/dashboard/answers/${record.id}/reviewed`, `/dashboard/answers/${record.id}/delete`, '/dashboard/sign-out']) {
        const response = await client.request(path, { method: 'POST', form });
        assert.equal(response.status, 403, `${path} ${JSON.stringify(form)}`);
      }
    }
    const rows = await collector.store.dashboard.listAnswers({}, { limit: 100, offset: 0 });
    const row = rows.rows.find((r) => r.id === record.id);
    assert.ok(row, 'not deleted');
    assert.equal(row.reviewedAt, null);
    assert.equal((await client.request('/dashboard')).status, 200, 'still signed in');
  });

  it("refuses another session's token", async () => {
    const alice = browserish(collector.url);
    const bob = browserish(collector.url);
    await alice.signIn();
    await bob.signIn();
    const bobsToken = bob.tokenIn((await bob.request('/dashboard')).text);
    const record = await storeAnswer(collector.store);
    assert.equal((await alice.request(`/dashboard/answers/${record.id}/delete`, { method: 'POST', form: { _csrf: bobsToken } })).status, 403);
  });
});

describe('staff accounts from the command line', () => {
  it('adds (password from stdin, or a random one printed once), lists and removes accounts', () => {
    const dir = tempDir();
    try {
      const config = writeConfig(dir);
      const run = (args: string[], input = '') => spawnSync(process.execPath, [...CLI, ...args, '--config', config], { input, encoding: 'utf8' });
      const added = run(['user', 'add', 'Clerk@Example.gov.uk', '--password-stdin'], 'a good long password\n');
      assert.equal(added.status, 0, added.stderr);
      assert.match(added.stdout, /Added clerk@example\.gov\.uk/);
      assert.doesNotMatch(added.stdout, /a good long password/);
      const generated = run(['user', 'add', 'second@example.gov.uk']);
      assert.match(generated.stdout, /Password \(shown once[^:]*\): \S{20}/);
      assert.equal(run(['user', 'add', 'x@example.gov.uk', '--password-stdin'], 'short\n').status, 2);
      assert.match(run(['user', 'list']).stdout, /clerk@example\.gov\.uk\tadded .*\nsecond@example\.gov\.uk/);
      assert.equal(run(['user', 'remove', 'clerk@example.gov.uk']).status, 0);
      assert.doesNotMatch(run(['user', 'list']).stdout, /clerk/);
      assert.equal(run(['user', 'remove', 'clerk@example.gov.uk']).status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
