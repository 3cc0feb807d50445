// Every store contract (test/contracts/) against the PostgreSQL store, each case in a new
// schema of the database TANDEM_TEST_DATABASE_URL names, dropped when the case closes its
// store. Without the variable this file fails (it never skips): scripts/test-postgres.sh
// starts a throwaway server and sets it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres.js';
import { countersContract } from './contracts/counters.contract.js';
import { dashboardContract } from './contracts/dashboard.contract.js';
import { lifecycleContract } from './contracts/lifecycle.contract.js';
import { pollsContract } from './contracts/polls.contract.js';
import { staffContract } from './contracts/staff.contract.js';
import { submissionsContract } from './contracts/submissions.contract.js';
import { MIGRATIONS } from '../src/store/postgres-migrations.js';

const url = process.env.TANDEM_TEST_DATABASE_URL;

if (!url) {
  it('PostgreSQL store contracts need a server', () => {
    assert.fail('TANDEM_TEST_DATABASE_URL is not set. Run the tests beside a throwaway PostgreSQL server with\n'
      + '  scripts/test-postgres.sh npm run test:collector\n'
      + 'or set TANDEM_TEST_DATABASE_URL=postgres://user@host:port/database (a database the tests may create schemas in).');
  });
} else {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  after(() => admin.end());
  const run = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let n = 0;
  const newSchema = () => `tandem_${run}_${n++}`;

  /** A store on a schema of its own, dropped when the store is closed. */
  const open = async () => {
    const schema = newSchema();
    const store = await openPostgresStore({ url, schema });
    return {
      ...store,
      close: async () => {
        await store.close();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      },
    };
  };

  submissionsContract('PostgreSQL', open);
  countersContract('PostgreSQL', open);
  dashboardContract('PostgreSQL', open);
  staffContract('PostgreSQL', open);
  pollsContract('PostgreSQL', open);
  lifecycleContract('PostgreSQL', open);

  describe('PostgreSQL: migrations', () => {
    it('migrates once when two collectors open the same new schema at the same time', async () => {
      const schema = newSchema();
      const stores = await Promise.all([openPostgresStore({ url, schema }), openPostgresStore({ url, schema })]);
      try {
        const latest = MIGRATIONS.at(-1)?.version;
        for (const store of stores) assert.equal(await store.schemaVersion(), latest);
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".schema_migrations`);
        assert.equal(rows[0].n, MIGRATIONS.length);
      } finally {
        for (const store of stores) await store.close();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    });
  });
}
