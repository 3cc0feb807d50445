// The SQLite store's poll counters agree, row for row, with the votes table they count. What
// every store must do with polls is in test/contracts/polls.contract.ts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite.js';
import { toRecord } from '../src/submission.js';
import { tempDir } from '../test-support/helpers.js';
import { pollDefinition, vote } from '../test-support/poll-answers.js';
import type { PollAction } from '../src/store/store.js';
import type { Submission } from '@tandem/core/schema.js';

const dir = tempDir('tandem-poll-store-');
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshStore = () => openSqliteStore({ file: join(dir, `polls-${n++}.sqlite`) });

const recordOf = (submission: Submission, poll: PollAction, receivedAt = Date.now()) => ({ ...toRecord(submission, receivedAt), poll });
const voteRecord = (p: string, question: string, choice: string, pollId = 'day-centres-2026') => recordOf(vote(p, question, choice, { instance: pollId }), { kind: 'vote', pollId, question, choice });

describe('SQLite store: poll counters', () => {
  it('keeps counters equal to the votes that count, through changes and retries in one batch', async () => {
    const store = freshStore();
    try {
      await store.polls.syncFiles([pollDefinition()], Date.now());
      const people = Array.from({ length: 200 }, () => randomUUID());
      const first = people.map((p, i) => voteRecord(p, 'overall', String((i % 5) + 1)));
      // All in the same turn: one transaction, with retries of the same ids and changed answers mixed in.
      const outcomes = await Promise.all([...first, ...first, ...people.slice(0, 50).map((p) => voteRecord(p, 'overall', '5'))].map((r) => store.submissions.save(r)));
      assert.deepEqual(outcomes.slice(0, 200), new Array(200).fill('created'));
      assert.deepEqual(outcomes.slice(200, 400), new Array(200).fill('duplicate'));
      const reading = await store.polls.read('day-centres-2026');
      const counts = reading?.counts.overall ?? {};
      assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), 200);
      const db = new Database(store.file, { readonly: true });
      const fromVotes = Object.fromEntries(db.prepare(`SELECT option_id, count(*) AS n FROM poll_votes WHERE question_id = 'overall' GROUP BY option_id`).raw().all().map((row) => row as [string, number]));
      db.close();
      assert.deepEqual(Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0)), fromVotes);
    } finally {
      await store.close();
    }
  });
});
