// Readiness (GET /ready) proves the database takes a write; liveness (GET /health) only that
// it answers. While another connection holds the write lock, as a stuck process or a backup
// would, every write fails: /ready says 503 and /health stays 200; then both recover.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { databaseFile } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { makeSubmission, post, startTestCollector, tempDir } from '../test-support/helpers.js';

const dir = tempDir();
let collector: Awaited<ReturnType<typeof startTestCollector>>;
before(async () => {
  // A short busy timeout, so a write refused for the lock fails at once rather than in 5 s.
  collector = await startTestCollector({ dataDir: dir }, { store: openSqliteStore({ file: databaseFile(dir), busyTimeoutMs: 50 }) });
});
after(() => collector.close());

const status = (path: string) => fetch(`${collector.url}${path}`).then(async (response) => ({ status: response.status, body: await response.json(), cache: response.headers.get('cache-control') }));

describe('readiness', () => {
  it('is 200 when the database takes a write', async () => {
    assert.deepEqual(await status('/ready'), { status: 200, body: { status: 'ok' }, cache: 'no-store' });
  });

  it('is 503 while the database cannot take a write, as liveness stays 200, and 200 again after', async () => {
    const holder = new Database(databaseFile(dir));
    holder.exec('BEGIN IMMEDIATE');
    try {
      assert.equal((await post(collector.url, makeSubmission())).status, 503, 'answers are refused');
      const ready = await status('/ready');
      assert.equal(ready.status, 503);
      assert.match(ready.body.error, /database/i);
      assert.equal((await status('/health')).status, 200);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    assert.equal((await status('/ready')).status, 200);
    assert.equal((await post(collector.url, makeSubmission())).status, 201);
  });
});
