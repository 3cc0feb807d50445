// The collector on PostgreSQL by configuration (database, or TANDEM_DATABASE_URL): an answer
// sent over HTTP is in the database once the collector has answered, and an offer of help is
// kept sealed and shown to staff in the dashboard. Needs a server, as
// postgres-store.test.ts does; fails without TANDEM_TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { it } from 'node:test';
import pg from 'pg';
import { checkConfig, DEFAULTS, fromEnvironment } from '../src/config.js';
import { startCollector } from '../src/server.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { hashPassword } from '../src/dashboard/passwords.js';
import { browserish, STAFF } from '../test-support/dashboard.js';
import { examplePledgeList, makeOffer, makeSubmission, OFFER_CONTACT, ORIGIN, post, tempDir, TEST_CONTACT_KEY } from '../test-support/helpers.js';

const url = process.env.TANDEM_TEST_DATABASE_URL;

it('reads TANDEM_DATABASE_URL as the database', () => {
  assert.deepEqual(fromEnvironment({ TANDEM_DATABASE_URL: 'postgres://collector@db.internal/tandem' }).values, { database: 'postgres://collector@db.internal/tandem' });
  assert.throws(() => checkConfig({ ...DEFAULTS, sites: [{ id: 'a', origins: [ORIGIN] }], database: 'mysql://db' }), /postgres:\/\//);
});

/** A database of its own (the collector uses its public schema), dropped after `work`. */
async function withDatabase(work: (database: string, dir: string) => Promise<void>) {
  assert.ok(url, 'TANDEM_TEST_DATABASE_URL is not set: run scripts/test-postgres.sh npm run test:collector, or set it to a PostgreSQL database');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `tandem_collector_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const dir = tempDir();
  try {
    await work(Object.assign(new URL(url), { pathname: `/${name}` }).href, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

it('stores answers in the PostgreSQL database its configuration names', () =>
  withDatabase(async (database, dir) => {
    const config = checkConfig({ ...DEFAULTS, port: 0, dataDir: dir, logLevel: 'silent', database, sites: [{ id: 'adult-social-care', origins: [ORIGIN] }] });
    const { app, url: collector } = await startCollector(config);
    const submission = makeSubmission();
    try {
      const answer = await post(collector, submission);
      assert.equal(answer.status, 201, answer.text);
    } finally {
      await app.close();
    }
    const store = await openPostgresStore({ url: database });
    try {
      assert.equal((await store.submissions.get(submission.id))?.id, submission.id);
    } finally {
      await store.close();
    }
  }));

it('keeps offers of help on PostgreSQL with their contact sealed, for staff to read in full on the offer\'s page only', () =>
  withDatabase(async (database, dir) => {
    const config = checkConfig({
      ...DEFAULTS, port: 0, dataDir: dir, logLevel: 'silent', database, sites: [{ id: 'adult-social-care', origins: [ORIGIN] }],
      pledges: [examplePledgeList()], contactKey: TEST_CONTACT_KEY,
    });
    const store = await openPostgresStore({ url: database });
    const { app, url: collector } = await startCollector(config, { store });
    try {
      await store.staff.saveUser(STAFF.email, await hashPassword(STAFF.password), Date.now());
      const offer = makeOffer();
      assert.equal((await post(collector, offer)).status, 201);
      const reader = new pg.Client({ connectionString: database });
      await reader.connect();
      const { rows } = await reader.query<{ contact: string }>('SELECT contact FROM pledge_offers').finally(() => reader.end());
      assert.equal(rows.length, 1);
      assert.ok(!rows[0]?.contact.includes(OFFER_CONTACT.email) && !rows[0]?.contact.includes('Gwenllian'), 'sealed in the database');
      const staff = browserish(collector);
      await staff.signIn();
      const list = (await staff.request('/dashboard/offers')).text;
      assert.match(list, /G\. P\., g…@example\.com \(prefers email\)/);
      assert.ok(!list.includes(OFFER_CONTACT.name));
      const page = (await staff.request(`/dashboard/offers/${offer.id}`)).text;
      assert.ok(page.includes(`<span class="resident-text">${OFFER_CONTACT.name}</span>`));
      assert.ok(page.includes(`href="mailto:${OFFER_CONTACT.email}"`));
    } finally {
      await app.close();
      await store.close();
    }
  }));
