// The demo staff account a first `serve` creates: its password goes to the terminal (stderr,
// a plain line), never into the JSON log on stdout; and the account is removed once a real
// staff account exists, in a running collector too.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { hashPassword } from '../src/dashboard/passwords.js';
import { databaseFile } from '../src/server.js';
import { DEMO_EMAIL } from '../src/staff-accounts.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { browserish } from '../test-support/dashboard.js';
import { CLI, tempDir, writeConfig } from '../test-support/helpers.js';

const dir = tempDir();
// Logging at info, so the log has lines the password could have gone into.
const config = writeConfig(dir, { logLevel: 'info' });
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], input = '') => spawnSync(process.execPath, [...CLI, ...args, '--config', config], { input, encoding: 'utf8' });

/** Starts `serve`; resolves once it listens and has said all it says at start (the dashboard line on stdout comes last but the demo lines). */
async function serve() {
  const child = spawn(process.execPath, [...CLI, 'serve', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // 'close', not 'exit': by then everything it wrote has been read.
  const exited = new Promise((resolve) => child.once('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const listening = stdout.split('\n').find((line) => line.includes('"tandem-collector listening"'));
      if (listening && stdout.includes('Staff dashboard:')) resolve(JSON.parse(listening).url);
    });
    child.once('exit', () => reject(new Error(`serve exited: ${stderr}`)));
  });
  return {
    url,
    stderr: () => stderr,
    /** Resolves stderr once it matches (it is a pipe of its own, so it may lag stdout). */
    stderrMatching: (pattern: RegExp) => new Promise<string>((resolve) => {
      const look = () => pattern.test(stderr) && (child.stderr.off('data', look), resolve(stderr));
      child.stderr.on('data', look);
      look();
    }),
    /** Stops it (SIGTERM flushes the log) and resolves everything it wrote to stdout. */
    async stop() {
      child.kill('SIGTERM');
      await exited;
      return stdout;
    },
  };
}

describe('the demo staff account', () => {
  it('prints its password on the terminal only, never in the log; gone once a real account is added', async () => {
    const first = await serve();
    let log = '';
    try {
      const terminal = await first.stderrMatching(/password: \S+\n/);
      const password = /password: (\S+)/.exec(terminal)?.[1] as string;
      assert.match(terminal, /^ {2}email: +demo@tandem\.invalid$/m);
      assert.equal((await browserish(first.url).signIn('demo@tandem.invalid', password)).status, 303);

      const added = cli(['user', 'add', 'clerk@example.gov.uk', '--password-stdin'], 'a good long password\n');
      assert.equal(added.status, 0, added.stderr);
      assert.match(added.stdout, /Removed the demo account demo@tandem\.invalid/);
      // The running collector no longer takes it.
      assert.notEqual((await browserish(first.url).signIn('demo@tandem.invalid', password)).status, 303);
      assert.equal((await browserish(first.url).signIn('clerk@example.gov.uk', 'a good long password')).status, 303);
      log = await first.stop();
      assert.ok(!log.includes(password), 'the password is not on stdout, where the JSON log goes');
    } finally {
      if (!log) await first.stop();
    }
    const second = await serve();
    await second.stop();
    assert.doesNotMatch(second.stderr(), /password/);
    assert.doesNotMatch(cli(['user', 'list']).stdout, /demo@tandem\.invalid/);
  });

  it('is removed at start when a real account was added to a store that still had it', async () => {
    // As a database from before this change would be: the demo account beside a real one.
    const fresh = tempDir();
    const freshConfig = writeConfig(fresh);
    const run = (args: string[], input = '') => spawnSync(process.execPath, [...CLI, ...args, '--config', freshConfig], { input, encoding: 'utf8' });
    try {
      const store = openSqliteStore({ file: databaseFile(fresh) });
      const hash = await hashPassword('a good long password');
      await store.staff.saveUser(DEMO_EMAIL, hash, Date.now());
      await store.staff.saveUser('clerk@example.gov.uk', hash, Date.now());
      await store.close();
      const child = spawn(process.execPath, [...CLI, 'serve', '--config', freshConfig], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      await new Promise((resolve) => child.stdout.on('data', (chunk) => (stdout += chunk).includes('Staff dashboard:') && resolve(undefined)));
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      const list = run(['user', 'list']).stdout;
      assert.doesNotMatch(list, /demo@tandem\.invalid/);
      assert.match(list, /clerk@example\.gov\.uk/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
