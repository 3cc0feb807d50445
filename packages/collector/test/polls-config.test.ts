// Poll definitions named in the configuration: loaded at start, relative to the file, and
// refused with every problem named by file and field; the example config's real poll.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { checkConfig, ConfigError, DEFAULTS, EXAMPLE_CONFIG, loadConfig } from '../src/config.js';
import { checkPoll, pollStatus } from '../src/polls/definition.js';
import { CLI, EXAMPLE_ENV, tempDir } from '../test-support/helpers.js';
import { pollDefinition } from '../test-support/polls.js';

const run = promisify(execFile);
const dir = tempDir('tandem-poll-config-');
after(() => rmSync(dir, { recursive: true, force: true }));
const SITE = { id: 'adult-social-care', origins: ['https://www.example-council.gov.uk'] };

/** Writes a config naming these poll files (written into dir/polls). */
function configWithPolls(polls: Record<string, unknown>, extra = {}) {
  const sub = join(dir, `case-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(sub, 'polls'), { recursive: true });
  for (const [name, content] of Object.entries(polls)) writeFileSync(join(sub, 'polls', name), typeof content === 'string' ? content : JSON.stringify(content));
  const file = join(sub, 'collector.json');
  writeFileSync(file, JSON.stringify({ sites: [SITE], polls: Object.keys(polls).map((name) => `polls/${name}`), ...extra }));
  return file;
}

function assertConfigError(load: () => unknown, patterns: RegExp[]) {
  assert.throws(load, (error) => {
    assert.ok(error instanceof ConfigError, String(error));
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

describe('poll definitions in the configuration', () => {
  it('the example config has the real day-centres-2026 poll, open now, with every kind of question and a policy', () => {
    const config = loadConfig({ file: EXAMPLE_CONFIG, env: EXAMPLE_ENV });
    const poll = config.polls.find((p) => p.id === 'day-centres-2026');
    assert.ok(poll);
    assert.equal(poll.site, 'adult-social-care');
    assert.deepEqual(poll.questions.map((q) => q.type).sort(), ['choice', 'faces', 'rating', 'statement']);
    assert.equal(pollStatus(poll, Date.parse('2026-11-26T09:30:00Z')), 'open');
    assert.ok(poll.questions.every((q) => q.text.cy), 'Welsh for every question');
    assert.ok(config.sites[0]?.moderationPolicy?.en && config.sites[0].moderationPolicy.cy);
  });

  it('loads poll files relative to the configuration file', () => {
    const config = loadConfig({ file: configWithPolls({ 'a.json': pollDefinition({ id: 'poll-a' }), 'b.json': pollDefinition({ id: 'poll-b' }) }), env: {} });
    assert.deepEqual(config.polls.map((p) => p.id), ['poll-a', 'poll-b']);
  });

  it('names the file and field of every problem', () => {
    const bad = pollDefinition({
      id: 'Bad Id',
      title: { en: '' },
      closesAt: 'tomorrow',
      questions: [
        { id: 'overall', type: 'rating', text: { en: 'How good?' }, options: [{ id: '1', label: { en: 'Bad' } }] },
        { id: 's-1', type: 'statement', text: { en: 'A statement' }, options: [] },
        { id: 'visits', type: 'choice', text: { en: 'How often?' }, options: [{ id: 'a', label: { en: 'A' } }, { id: 'a', label: { en: 'B' } }] },
        { id: 'x', type: 'poll', text: { en: 'x', de: 'y' } },
      ],
      colour: 'red',
    });
    assertConfigError(() => loadConfig({ file: configWithPolls({ 'bad.json': bad }), env: {} }), [
      /polls\.0 \(.*bad\.json\): id: must be a poll id/,
      /title\.en: must not be empty/,
      /closesAt: must be a date and time/,
      /questions\.0: a rating or faces question has five options/,
      /questions\.1\.id: must not look like s-1/,
      /questions\.1: a statement has the fixed options/,
      /questions\.2\.options: must not use an option id twice/,
      /questions\.3\.type: must be one of rating, faces, choice, statement/,
      /questions\.3\.text\.de: has only "en" and "cy" texts/,
      /colour: is not a poll setting/,
    ]);
  });

  it('refuses a missing or broken file, a poll of an unknown site, and the same id twice', () => {
    const missing = join(dir, 'missing.json');
    writeFileSync(missing, JSON.stringify({ sites: [SITE], polls: ['polls/nowhere.json'] }));
    assertConfigError(() => loadConfig({ file: missing, env: {} }), [/polls\.0 \(.*nowhere\.json\): the file does not exist/]);
    assertConfigError(() => loadConfig({ file: configWithPolls({ 'x.json': '{ nope' }), env: {} }), [/polls\.0 .*not valid JSON/]);
    assertConfigError(() => loadConfig({ file: configWithPolls({ 'x.json': pollDefinition({ site: 'elsewhere' }) }), env: {} }), [/every poll must belong to a site listed in "sites"/]);
    assertConfigError(() => loadConfig({ file: configWithPolls({ 'a.json': pollDefinition(), 'b.json': pollDefinition() }), env: {} }), [/polls: must not define a poll id twice/]);
    assertConfigError(() => loadConfig({ file: configWithPolls({}, { polls: 'polls/a.json' }), env: {} }), [/polls.*must be a list of poll definition files/]);
    assertConfigError(() => checkConfig({ ...DEFAULTS, sites: [SITE], limits: { ...DEFAULTS.limits, perParticipantPerMinute: 0 } }), [/limits\.perParticipantPerMinute/]);
  });

  it('checks that a poll closes after it opens', () => {
    const result = checkPoll(pollDefinition({ opensAt: '2027-01-01T00:00:00Z', closesAt: '2026-01-01T00:00:00Z' }));
    assert.equal(result.ok, false);
    assert.match(JSON.stringify(!result.ok && result.problems), /closesAt must be after opensAt/);
  });

  it('tandem-collector config stops with exit code 2 and the poll file named', async () => {
    const file = configWithPolls({ 'broken.json': pollDefinition({ allowStatements: 'yes' }) });
    await assert.rejects(run(process.execPath, [...CLI, 'config', '--config', file]), (error: { code?: unknown, stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /broken\.json\): allowStatements: /);
      return true;
    });
  });
});
