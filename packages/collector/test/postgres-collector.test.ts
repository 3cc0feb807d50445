// The collector on PostgreSQL by configuration (database, or TANDEM_DATABASE_URL): an answer
// sent over HTTP is in the database once the collector has answered. Needs a server, as
// postgres-store.test.ts does; fails without TANDEM_TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { it } from 'node:test';
import pg from 'pg';
import { checkConfig, DEFAULTS, fromEnvironment } from '../src/config.js';
import { startCollector } from '../src/server.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { makeSubmission, ORIGIN, post, tempDir } from '../test-support/helpers.js';

const url = process.env.TANDEM_TEST_DATABASE_URL;

it('reads TANDEM_DATABASE_URL as the database', () => {
  assert.deepEqual(fromEnvironment({ TANDEM_DATABASE_URL: 'postgres://collector@db.internal/tandem' }).values, { database: 'postgres://collector@db.internal/tandem' });
  assert.throws(() => checkConfig({ ...DEFAULTS, sites: [{ id: 'a', origins: [ORIGIN] }], database: 'mysql://db' }), /postgres:\/\//);
});

it('stores answers in the PostgreSQL database its configuration names', async () => {
  assert.ok(url, 'TANDEM_TEST_DATABASE_URL is not set: run scripts/test-postgres.sh npm run test:collector, or set it to a PostgreSQL database');
  // A database of its own: the collector uses its public schema.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `tandem_collector_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const database = Object.assign(new URL(url), { pathname: `/${name}` }).href;
  const dir = tempDir();
  try {
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
