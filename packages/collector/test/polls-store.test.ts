// The SQLite store's polls: counters that always agree with the votes, duplicate statements in
// one group commit, file polls replaced at start with their counts kept, and retention.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { statementKey } from '../src/polls/definition.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { toRecord } from '../src/submission.js';
import { tempDir } from '../test-support/helpers.js';
import { pollDefinition, statement, vote } from '../test-support/polls.js';
import type { PollAction } from '../src/store/store.js';
import type { Submission } from '@tandem/core/schema.js';

const dir = tempDir('tandem-poll-store-');
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshStore = () => openSqliteStore({ file: join(dir, `polls-${n++}.sqlite`) });
const DAY = 24 * 60 * 60 * 1000;

const recordOf = (submission: Submission, poll: PollAction, receivedAt = Date.now()) => ({ ...toRecord(submission, receivedAt), poll });
const voteRecord = (p: string, question: string, choice: string, pollId = 'day-centres-2026') => recordOf(vote(p, question, choice, { instance: pollId }), { kind: 'vote', pollId, question, choice });
const statementRecord = (p: string, text: string, pollId = 'day-centres-2026') => recordOf(statement(p, text, { instance: pollId }), { kind: 'statement', pollId, text, key: statementKey(text) });

describe('SQLite store: polls', () => {
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

  it('refuses the second of two same statements committed in one batch, storing nothing for it', async () => {
    const store = freshStore();
    try {
      await store.polls.syncFiles([pollDefinition()], Date.now());
      const a = statementRecord(randomUUID(), 'The garden needs more benches');
      const b = statementRecord(randomUUID(), 'the garden needs more benches!');
      assert.deepEqual(await Promise.all([store.submissions.save(a), store.submissions.save(b)]), ['created', 'duplicate-statement']);
      assert.equal(await store.submissions.get(b.id), undefined);
      assert.equal((await store.polls.countStatements('day-centres-2026')).pending, 1);
    } finally {
      await store.close();
    }
  });

  it('replaces a file’s poll at start, keeping its counts and staff response; releases it to the dashboard when its file goes', async () => {
    const store = freshStore();
    try {
      await store.polls.syncFiles([pollDefinition()], Date.now());
      await store.submissions.save(voteRecord(randomUUID(), 'visits', 'weekly'));
      await store.polls.setResponse('day-centres-2026', { en: 'Thanks' }, 'officer@example', Date.now());
      await store.polls.syncFiles([pollDefinition({ title: { en: 'Renamed' } })], Date.now());
      const reading = await store.polls.read('day-centres-2026');
      assert.equal(reading?.poll.definition.title.en, 'Renamed');
      assert.equal(reading?.poll.source, 'file');
      assert.deepEqual(reading?.poll.response, { en: 'Thanks' });
      assert.equal(reading?.counts.visits?.weekly, 1);
      assert.equal(await store.polls.update(pollDefinition(), 'officer@example', Date.now()), false, 'a file poll is not edited in the dashboard');
      // Its file no longer named: the poll stays, with its answers, for the dashboard to manage.
      await store.polls.syncFiles([], Date.now());
      const released = await store.polls.read('day-centres-2026');
      assert.equal(released?.poll.source, 'dashboard');
      assert.equal(released?.counts.visits?.weekly, 1);
      assert.equal(await store.polls.update(pollDefinition({ title: { en: 'Edited here' } }), 'officer@example', Date.now()), true);
    } finally {
      await store.close();
    }
  });

  it('after the retention period from a poll’s close, keeps its counts but not who answered or wrote what', async () => {
    const store = freshStore();
    try {
      const old = pollDefinition({ id: 'old-poll', opensAt: new Date(Date.now() - 500 * DAY).toISOString(), closesAt: new Date(Date.now() - 400 * DAY).toISOString() });
      await store.polls.syncFiles([pollDefinition(), old], Date.now());
      const oldVoter = randomUUID();
      await store.submissions.save(voteRecord(oldVoter, 'overall', '4', 'old-poll'));
      await store.submissions.save(statementRecord(oldVoter, 'An old statement about it', 'old-poll'));
      const voter = randomUUID();
      await store.submissions.save(voteRecord(voter, 'overall', '2'));
      await store.purgeBefore(Date.now() - 365 * DAY, Date.now());
      const oldReading = await store.polls.read('old-poll', oldVoter);
      assert.equal(oldReading?.counts.overall?.['4'], 1);
      assert.deepEqual(oldReading?.mine, { votes: {}, statements: [] });
      assert.deepEqual((await store.polls.read('day-centres-2026', voter))?.mine?.votes, { overall: '2' });
    } finally {
      await store.close();
    }
  });
});
