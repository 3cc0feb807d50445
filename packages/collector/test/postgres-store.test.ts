// Every store contract (test/contracts/) against the PostgreSQL store, each case in a new
// schema of the database TANDEM_TEST_DATABASE_URL names, dropped when the case closes its
// store. Without the variable this file fails (it never skips): scripts/test-postgres.sh
// starts a throwaway server and sets it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openPostgresStore, purgeLock } from '../src/store/postgres.js';
import { toRecord } from '../src/submission.js';
import { makeSubmission } from '../test-support/helpers.js';
import { callsContract } from './contracts/calls.contract.js';
import { countersContract } from './contracts/counters.contract.js';
import { dashboardContract } from './contracts/dashboard.contract.js';
import { lifecycleContract } from './contracts/lifecycle.contract.js';
import { pledgesContract } from './contracts/pledges.contract.js';
import { pollsContract } from './contracts/polls.contract.js';
import { staffContract } from './contracts/staff.contract.js';
import { submissionsContract } from './contracts/submissions.contract.js';
import { MIGRATIONS } from '../src/store/postgres-migrations.js';
import { pollDefinition } from '../test-support/poll-answers.js';
import { participant, POLL_ID, voteRecord } from './contracts/records.js';
import { DAY, MINUTE, NOW } from './contracts/support.js';

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
  pledgesContract('PostgreSQL', open);
  callsContract('PostgreSQL', open);
  lifecycleContract('PostgreSQL', open);

  /** Two stores (two collectors' pools) on one new schema, closed and dropped after `work`. */
  const twoCollectors = async (work: (stores: Awaited<ReturnType<typeof openPostgresStore>>[], schema: string) => Promise<void>) => {
    const schema = newSchema();
    const stores = await Promise.all([openPostgresStore({ url, schema }), openPostgresStore({ url, schema })]);
    try {
      await work(stores, schema);
    } finally {
      for (const store of stores) await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  };

  describe('PostgreSQL: several collectors on one database', () => {
    it('migrates once when two collectors open the same new schema at the same time', () =>
      twoCollectors(async (stores, schema) => {
        const latest = MIGRATIONS.at(-1)?.version;
        for (const store of stores) assert.equal(await store.schemaVersion(), latest);
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".schema_migrations`);
        assert.equal(rows[0].n, MIGRATIONS.length);
      }));

    it('keeps counters equal to the votes that count when each person’s answers reach both collectors at once', () =>
      twoCollectors(async ([a, b]) => {
        await a?.polls.syncFiles([pollDefinition()], NOW);
        const people = Array.from({ length: 100 }, () => participant());
        // Each person's first answer to one collector, their changed answer (a minute later) to the other, and a retry of the first to both.
        const sends = people.flatMap((p, i) => {
          const first = voteRecord(p, 'overall', String((i % 5) + 1));
          const changed = voteRecord(p, 'overall', '5', { receivedAt: NOW + MINUTE, clientTime: new Date(NOW + MINUTE).toISOString() });
          const [one, other] = i % 2 ? [a, b] : [b, a];
          return [one?.submissions.save(first), other?.submissions.save(changed), other?.submissions.save(first)];
        });
        await Promise.all(sends);
        const counts = (await a?.polls.read(POLL_ID))?.counts.overall ?? {};
        const nonZero = Object.fromEntries(Object.entries(counts).filter(([, votes]) => votes > 0));
        assert.deepEqual(nonZero, { 5: 100 });
        assert.equal(await b?.submissions.count(), 200);
      }));

    it('purges on one collector at a time: another finds the purge lock taken and leaves it', () =>
      twoCollectors(async ([a, b], schema) => {
        const old = makeSubmission();
        await a?.submissions.save(toRecord(old, NOW - 400 * DAY));
        // Another collector is purging: it holds the lock in its transaction.
        const other = await admin.connect();
        try {
          await other.query('BEGIN');
          await other.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [purgeLock(schema)]);
          assert.equal(await b?.purgeBefore(NOW - 365 * DAY, NOW), 0);
          assert.ok(await a?.submissions.get(old.id), 'left for the collector holding the lock');
          await other.query('COMMIT');
        } finally {
          other.release();
        }
        assert.equal(await b?.purgeBefore(NOW - 365 * DAY, NOW), 1);
        assert.equal(await a?.submissions.get(old.id), undefined);
      }));
  });
}
