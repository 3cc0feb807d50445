// Configuration from file, environment and flags, checked at start; and the command line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError, EXAMPLE_CONFIG, loadConfig } from '../src/config.js';
import { CLI, EXAMPLE_ENV, examplePledgeList, tempDir, TEST_CONTACT_KEY } from '../test-support/helpers.js';

const run = promisify(execFile);
const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const dir = tempDir('tandem-config-');
after(() => rmSync(dir, { recursive: true, force: true }));

function configFile(content: unknown) {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function assertConfigError(load: () => unknown, patterns: RegExp[]) {
  assert.throws(load, (error) => {
    assert.ok(error instanceof ConfigError);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

const SITE = { id: 'adult-social-care', origins: ['https://www.example-council.gov.uk'] };

describe('loadConfig', () => {
  it('the example config serves the example council site from this repository', () => {
    const config = loadConfig({ file: EXAMPLE_CONFIG, env: EXAMPLE_ENV });
    assert.deepEqual(config.sites.map((site) => site.id), ['adult-social-care']);
    assert.deepEqual(config.sites[0]?.origins, ['self'], 'its pages are served by the collector itself, on whatever port');
    assert.equal(config.dataDir, join(REPO, 'data'));
    assert.equal(config.bundleDir, join(REPO, 'packages/embed/dist/cdn'));
    assert.equal(config.examplesDir, join(REPO, 'examples/adult-social-care'));
    assert.equal(config.port, 8080);
    assert.equal(config.retentionDays, 365);
    assert.equal(config.synchronous, 'full');
    assert.deepEqual(config.pledges.map((list) => list.id), ['help-your-neighbourhood']);
    assert.equal(config.contactKey, EXAMPLE_ENV.TANDEM_CONTACT_KEY);
  });

  it('reads the contact key from the file contactKeyFile names, relative to the configuration', () => {
    writeFileSync(join(dir, 'contact-key'), `${TEST_CONTACT_KEY}\n`);
    const config = loadConfig({ file: configFile({ sites: [SITE], contactKeyFile: 'contact-key' }), env: {} });
    assert.equal(config.contactKey, TEST_CONTACT_KEY);
    assert.equal('contactKeyFile' in config, false);
    // The environment wins, so a deployment's secret store can override a file left behind.
    const other = Buffer.alloc(32, 9).toString('base64');
    assert.equal(loadConfig({ file: configFile({ sites: [SITE], contactKeyFile: 'contact-key' }), env: { TANDEM_CONTACT_KEY: other } }).contactKey, other);
  });

  it('says how to make a missing contact key file, refuses a key of the wrong length, and never quotes it', () => {
    assertConfigError(() => loadConfig({ file: configFile({ sites: [SITE], contactKeyFile: 'no-such-key' }), env: {} }),
      [/contactKeyFile: the file does not exist/, /tandem-collector contact-key --file .*no-such-key/]);
    assertConfigError(() => loadConfig({ file: configFile({ sites: [SITE] }), env: { TANDEM_CONTACT_KEY: 'c2hvcnQta2V5' } }), [/contactKey/]);
    assert.throws(() => loadConfig({ file: configFile({ sites: [SITE] }), env: { TANDEM_CONTACT_KEY: 'c2hvcnQta2V5' } }), (error: Error) => !error.message.includes('c2hvcnQta2V5'));
  });

  it('refuses ways to help lists without a contact key, saying how to make one', () => {
    const list = join(dir, 'list.json');
    writeFileSync(list, JSON.stringify(examplePledgeList()));
    assertConfigError(() => loadConfig({ file: configFile({ sites: [SITE], pledges: ['list.json'] }), env: {} }),
      [/pledges: a ways to help list is configured/, /TANDEM_CONTACT_KEY/, /tandem-collector contact-key/]);
    assert.equal(loadConfig({ file: configFile({ sites: [SITE], pledges: ['list.json'] }), env: { TANDEM_CONTACT_KEY: TEST_CONTACT_KEY } }).pledges.length, 1);
  });

  it('resolves folders in the file from the file, and normalises origins', () => {
    const file = configFile({ dataDir: 'store', sites: [{ id: 'a', origins: ['HTTPS://WWW.Example.gov.uk:443/'] }] });
    const config = loadConfig({ file, env: {} });
    assert.equal(config.dataDir, join(dir, 'store'));
    assert.deepEqual(config.sites[0]?.origins, ['https://www.example.gov.uk']);
    assert.equal(config.limits.perIpPerMinute, 600, 'defaults fill what the file leaves out');
  });

  it('lets the environment override the file, and flags override both', () => {
    const file = configFile({ port: 1000, sites: [SITE] });
    const env = {
      TANDEM_PORT: '2000',
      TANDEM_HOST: '0.0.0.0',
      TANDEM_DATA_DIR: 'env-data',
      TANDEM_TRUST_PROXY: '10.0.0.0/8',
      TANDEM_RETENTION_DAYS: '30',
      TANDEM_SITES: 'one=https://one.example;two=https://two.example,http://localhost:3000',
    };
    const config = loadConfig({ file, env, cwd: dir });
    assert.equal(config.port, 2000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.dataDir, join(dir, 'env-data'));
    assert.equal(config.trustProxy, '10.0.0.0/8');
    assert.equal(config.retentionDays, 30);
    assert.deepEqual(config.sites, [
      { id: 'one', origins: ['https://one.example'] },
      { id: 'two', origins: ['https://two.example', 'http://localhost:3000'] },
    ]);
    assert.equal(loadConfig({ file, env, overrides: { port: 3000 } }).port, 3000);
    assert.equal(loadConfig({ file, env: { TANDEM_TRUST_PROXY: '2' } }).trustProxy, 2);
  });

  it('reports every problem at once, naming each setting', () => {
    const file = configFile({
      port: 70000,
      retentionDays: 0,
      synchronous: 'sometimes',
      prot: 8080,
      sites: [
        { id: 'Bad Id', origins: ['https://ok.example'] },
        { id: 'path', origins: ['https://ok.example/with/path'] },
        { id: 'none', origins: [], perMinit: 5 },
      ],
    });
    assertConfigError(() => loadConfig({ file, env: {} }), [
      /port: must be a port number/,
      /retentionDays: must be at least 1 day/,
      /synchronous: must be "full" or "normal"/,
      /prot: is not a collector setting \(check its spelling\)/,
      /sites\.0\.id: must be lower-case/,
      /sites\.1\.origins\.0: must be an origin/,
      /sites\.2\.origins: must list at least one origin/,
      /sites\.2\.perMinit: is not a site setting/,
    ]);
    const twice = configFile({ sites: [SITE, SITE] });
    assertConfigError(() => loadConfig({ file: twice, env: {} }), [/sites: must not list a site id twice/]);
  });

  it('refuses trustProxy true, which would let any client choose its address, and says what to write', () => {
    const file = configFile({ sites: [SITE], trustProxy: true });
    assertConfigError(() => loadConfig({ file, env: {} }), [/trustProxy: .*any client.*proxy's addresses.*hop count/]);
    assertConfigError(() => loadConfig({ file: configFile({ sites: [SITE] }), env: { TANDEM_TRUST_PROXY: 'true' } }), [/trustProxy: .*any client/]);
    assertConfigError(() => loadConfig({ file: configFile({ sites: [SITE], trustProxy: ['10.0.0.0/8', 'proxy.example'] }), env: {} }), [/trustProxy\.1: must be an IP address/]);
    assert.deepEqual(loadConfig({ file: configFile({ sites: [SITE], trustProxy: ['10.0.0.0/8', '::1', 'loopback'] }), env: {} }).trustProxy, ['10.0.0.0/8', '::1', 'loopback']);
    assert.equal(loadConfig({ file: configFile({ sites: [SITE], trustProxy: '127.0.0.1, 10.1.2.3' }), env: {} }).trustProxy, '127.0.0.1, 10.1.2.3');
  });

  it('refuses a missing file, bad JSON, no sites, and bad environment values', () => {
    assertConfigError(() => loadConfig({ file: join(dir, 'nope.json'), env: {} }), [/does not exist/]);
    assertConfigError(() => loadConfig({ file: configFile('{ "port": '), env: {} }), [/not valid JSON/]);
    assertConfigError(() => loadConfig({ file: configFile({}), env: {} }), [/sites: must list at least one site/]);
    const file = configFile({ sites: [SITE] });
    assertConfigError(() => loadConfig({ file, env: { TANDEM_PORT: 'eighty' } }), [/TANDEM_PORT: must be a whole number/]);
    assertConfigError(() => loadConfig({ file, env: { TANDEM_SITES: 'no-origins' } }), [/TANDEM_SITES: must look like/]);
    assertConfigError(() => loadConfig({ file, env: { TANDEM_LOG_LEVEL: 'loud' } }), [/logLevel: must be one of/, /environment and flags applied/]);
  });
});

describe('tandem-collector', () => {
  it('--help explains the commands, options and environment', async () => {
    const { stdout } = await run(process.execPath, [...CLI, '--help']);
    for (const text of ['Usage: tandem-collector', 'serve', '--config', '--port', 'TANDEM_SITES', 'TANDEM_TRUST_PROXY']) assert.ok(stdout.includes(text), text);
  });

  it('config prints the checked configuration', async () => {
    const file = configFile({ port: 9999, sites: [SITE] });
    const { stdout } = await run(process.execPath, [...CLI, 'config', '--config', file, '--port', '1234']);
    assert.equal(JSON.parse(stdout).port, 1234);
  });

  it('config never prints the database password', async () => {
    const file = configFile({ sites: [SITE], database: 'postgres://tandem:s3cret-pw@db.internal:5432/tandem' });
    const { stdout } = await run(process.execPath, [...CLI, 'config', '--config', file]);
    assert.doesNotMatch(stdout, /s3cret-pw/);
    assert.equal(JSON.parse(stdout).database, 'postgres://tandem:********@db.internal:5432/tandem');
  });

  it('config never prints the contact key', async () => {
    const file = configFile({ sites: [SITE] });
    const { stdout } = await run(process.execPath, [...CLI, 'config', '--config', file], { env: { ...process.env, TANDEM_CONTACT_KEY: TEST_CONTACT_KEY } });
    assert.equal(stdout.includes(TEST_CONTACT_KEY), false);
    assert.equal(JSON.parse(stdout).contactKey, '********');
  });

  it('contact-key prints a new key, or writes one to a new file for its owner only, and never replaces one', async () => {
    const printed = (await run(process.execPath, [...CLI, 'contact-key'])).stdout.trim();
    assert.equal(Buffer.from(printed, 'base64').length, 32);
    assert.notEqual((await run(process.execPath, [...CLI, 'contact-key'])).stdout.trim(), printed, 'each key is new');

    const file = join(dir, 'keys', 'contact-key');
    const made = await run(process.execPath, [...CLI, 'contact-key', '--file', file]);
    assert.match(made.stderr, /wrote a new contact key/);
    const key = readFileSync(file, 'utf8');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = await run(process.execPath, [...CLI, 'contact-key', '--file', file]);
    assert.match(again.stderr, /kept the contact key already in/);
    assert.equal(readFileSync(file, 'utf8'), key, 'a key in use is never replaced: it would lose every sealed contact');
    assert.equal(loadConfig({ file: configFile({ sites: [SITE], contactKeyFile: 'keys/contact-key' }), env: {} }).contactKey, key.trim());
  });

  it('exits 2 with a clear message for a bad configuration or usage', async () => {
    const file = configFile({ sites: [{ id: 'x', origins: ['ftp://files.example'] }] });
    for (const args of [['serve', '--config', file], ['launch'], ['serve', '--port', 'abc'], ['--nonsense']]) {
      await assert.rejects(run(process.execPath, [...CLI, ...args]), (error: { code?: unknown, stderr: string }) => {
        assert.equal(error.code, 2, args.join(' '));
        assert.match(error.stderr, /^tandem-collector: /);
        return true;
      });
    }
    await assert.rejects(run(process.execPath, [...CLI, 'serve', '--config', file]), /sites\.0\.origins\.0: must be an origin/);
  });
});
