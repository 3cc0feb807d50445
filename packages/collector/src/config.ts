// The collector's configuration: defaults, then a JSON file, then environment variables, then
// command-line flags. Checked once at start; every problem is reported at once, by name.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, isAbsolute, resolve } from 'node:path';
import * as v from 'valibot';
import { checkPledgeList, PledgeListSchema } from './pledges/definition.js';
import { readContactKey } from './pledges/contact-sealing.js';
import { checkPoll, PollSchema, Text } from './polls/definition.js';

const PACKAGE_DIR = resolve(import.meta.dirname, '..');
/** The config `tandem-collector serve` uses when given none: the example council site. */
export const EXAMPLE_CONFIG = resolve(PACKAGE_DIR, 'config/example.json');

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The origin the collector itself serves pages from, whatever its host and port: for the pages it serves (the example site). */
export const SELF_ORIGIN = 'self';

const Origin = v.pipe(
  v.string(),
  v.check((value) => value === SELF_ORIGIN || originOf(value) !== null, 'must be an origin such as https://www.example.gov.uk (scheme and host, an optional port, no path), or "self"'),
  // Stored as the browser sends it: lower-case host, no default port.
  v.transform((value) => (value === SELF_ORIGIN ? value : (originOf(value) as string))),
);

/** For a misspelt setting, valibot would say "Expected never". */
const strict = (what: string) => (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never' ? `is not a ${what} setting (check its spelling)` : `must be an object`;

const Site = v.strictObject({
  /** The `site` every submission carries (data-site on the script tag). */
  id: v.pipe(v.string(), v.regex(SLUG, 'must be lower-case letters, digits and dashes (as in data-site)')),
  /** Origins whose pages may send answers for this site. */
  origins: v.pipe(v.array(Origin), v.minLength(1, 'must list at least one origin')),
  /** This site's submission limit; defaults to limits.perSitePerMinute. */
  perMinute: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Refuse submissions that carry no Origin header. */
  requireOrigin: v.optional(v.boolean()),
  /** How statements in this site's polls are moderated (staff may change it in the dashboard). */
  moderationPolicy: v.optional(Text(4000)),
}, strict('site'));

export type SiteConfig = v.InferOutput<typeof Site>;

/** proxy-addr's names for address ranges, as Fastify's trustProxy takes them. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR block (10.0.0.0/8, fd00::/8) or one of proxy-addr's range names. */
function isProxyAddress(entry: string) {
  const [address = '', prefix, ...rest] = entry.trim().split('/');
  if (PROXY_RANGE_NAMES.includes(address) && prefix === undefined) return true;
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const ProxyAddress = v.pipe(v.string(), v.check(isProxyAddress, 'must be an IP address, a CIDR block such as 10.0.0.0/8, or "loopback"'));

// `true` believes whoever sends the header, so any client could give itself a fresh address
// for each request and never meet the per-address limit.
const TRUST_EVERY_PROXY = 'true would believe X-Forwarded-For from any client, so any client could choose its own address and escape the per-address limit: write your proxy\'s addresses instead (e.g. "127.0.0.1" or ["10.0.0.0/8"]), or the hop count (e.g. 1) if clients can reach the collector only through the proxy';

const TrustProxy = v.union([
  v.literal(false),
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  v.pipe(v.string(), v.check((list) => list.split(',').every(isProxyAddress), 'must be IP addresses or CIDR blocks, separated by commas')),
  v.array(ProxyAddress),
], (issue) => (issue.input === true ? TRUST_EVERY_PROXY : 'must be false, a hop count, or the addresses/CIDR blocks of trusted proxies'));

const Millis = v.pipe(v.number(), v.integer('must be a whole number of milliseconds'), v.minValue(1, 'must be at least 1 (ms)'));

const Port = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535, 'must be a port number (0 picks a free one)'));

const Config = v.pipe(v.strictObject({
  host: v.pipe(v.string(), v.minLength(1)),
  port: Port,
  /** Absolute; holds tandem.sqlite. */
  dataDir: v.pipe(v.string(), v.minLength(1)),
  /** Absolute; tandem.js and chunks/ (null: not served). */
  bundleDir: v.nullable(v.string()),
  /** Absolute; the example site served at / (null: not served). */
  examplesDir: v.nullable(v.string()),
  /** Answers older than this are purged. */
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1 day')),
  /** Which proxies' X-Forwarded-For (and -Proto) to believe: Fastify's trustProxy, short of `true`. */
  trustProxy: TrustProxy,
  limits: v.strictObject({
    perIpPerMinute: v.pipe(v.number(), v.integer(), v.minValue(1)),
    perSitePerMinute: v.pipe(v.number(), v.integer(), v.minValue(1)),
    /** Once a site is over its answers a minute: the most an address may send a minute and still get through. */
    perIpPerMinuteWhenBusy: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 20),
    perParticipantPerMinute: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 120),
    /** Statements one address may add to one poll in an hour (a library's residents share one). */
    statementsPerAddressPerHour: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 30),
    /** Statements one participant (one device) may add to one poll in an hour. */
    statementsPerParticipantPerHour: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 5),
    /** New participants one address may bring to one poll in an hour (a library's residents share one). */
    newParticipantsPerAddressPerHour: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 60),
    /** Failed sign-ins for one email from one address in 15 minutes before that address is refused for it. */
    signInFailuresPerAddressAndAccount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 5),
    /** Failed sign-ins from one address, for any emails, in 15 minutes before it is refused (an office behind one address may want more). */
    signInFailuresPerAddress: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100000)), 30),
    /** Failed sign-ins for one email, from anywhere, in 15 minutes before each attempt must wait (never locked). */
    signInFailuresBeforeSlowing: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 10),
    /** How many calls for help one offer may be asked to in 30 days: nobody is asked too often. */
    asksPerPersonPerMonth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 2),
  }, strict('limits')),
  /** How long a slow or silent client may hold a connection (Node's HTTP server timeouts). */
  timeouts: v.pipe(v.strictObject({
    /** From connecting to the end of the headers. */
    headersMs: Millis,
    /** From connecting to the end of the body: a client trickling its body meets this. */
    requestMs: Millis,
    /** With nothing sent either way. */
    idleMs: Millis,
    /** Between requests on a kept-alive connection; above the proxy's own, so it never reuses a socket being closed. */
    keepAliveMs: Millis,
  }, strict('timeouts')), v.check((timeouts) => timeouts.headersMs <= timeouts.requestMs, 'timeouts.headersMs: must be at most timeouts.requestMs (the headers are part of the request)')),
  /** A PostgreSQL database (postgres://user:password@host/db) in place of SQLite's file. */
  database: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'))),
  /** SQLite durability: full survives power loss. */
  synchronous: v.picklist(['full', 'normal'], 'must be "full" or "normal"'),
  logLevel: v.picklist(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`),
  /**
   * What one contact (a call or visit) costs the council, in pounds: the finder dashboard's
   * "contacts avoided" is needs answered times this. null: not set, so no money figure is shown.
   */
  costPerContact: v.nullable(v.pipe(v.number('must be a number of pounds, like 4.50'), v.minValue(0, 'must be 0 or more'), v.maxValue(10000, 'must be at most 10000 (pounds)'))),
  /**
   * What one hour given by a volunteer is worth to the council, in pounds: the offers dashboard
   * values the hours given on calls for help at this. null: not set, so hours only.
   */
  valuePerVolunteerHour: v.nullable(v.pipe(v.number('must be a number of pounds, like 12.60'), v.minValue(0, 'must be 0 or more'), v.maxValue(10000, 'must be at most 10000 (pounds)'))),
  sites: v.pipe(
    v.array(Site),
    v.minLength(1, 'must list at least one site'),
    v.check((sites) => new Set(sites.map((site) => site.id)).size === sites.length, 'must not list a site id twice'),
  ),
  /** Loaded from the files the JSON config names. */
  polls: v.optional(v.pipe(
    v.array(PollSchema),
    v.check((polls) => new Set(polls.map((poll) => poll.id)).size === polls.length, 'must not define a poll id twice'),
  ), []),
  /** Ways to help lists, loaded from the files the JSON config names. */
  pledges: v.optional(v.pipe(
    v.array(PledgeListSchema),
    v.check((lists) => new Set(lists.map((list) => list.id)).size === lists.length, 'must not define a ways to help list id twice'),
  ), []),
  /**
   * The key that seals offers' contact details (pledges/contact-sealing.ts): 32 bytes as base64
   * or hexadecimal, from TANDEM_CONTACT_KEY or the file contactKeyFile names. Never in the database.
   */
  contactKey: v.optional(v.nullable(v.pipe(v.string(), v.check((key) => {
    try {
      return Boolean(readContactKey(key));
    } catch {
      return false;
    }
  }, 'must be 32 random bytes written as base64 or hexadecimal: make one with `tandem-collector contact-key`'))), null),
}, strict('collector')), v.check(
  (config) => config.polls.every((poll) => config.sites.some((site) => site.id === poll.site)),
  'polls: every poll must belong to a site listed in "sites"',
), v.check(
  (config) => config.pledges.every((list) => config.sites.some((site) => site.id === list.site)),
  'pledges: every ways to help list must belong to a site listed in "sites"',
), v.check(
  (config) => config.pledges.length === 0 || config.contactKey !== null,
  'pledges: a ways to help list is configured, so the collector needs a key to encrypt contact details: set TANDEM_CONTACT_KEY, or "contactKeyFile" to a file holding one (make one with `tandem-collector contact-key`)',
));

export type CollectorConfig = v.InferOutput<typeof Config>;

/** Generous by design: fifty people behind one council or library connection can all answer. */
export const DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 8080,
  dataDir: 'data',
  bundleDir: null,
  examplesDir: null,
  retentionDays: 365,
  trustProxy: false,
  // A participant answering a long poll and changing answers stays far below 120 a minute.
  limits: { perIpPerMinute: 600, perSitePerMinute: 6000, perIpPerMinuteWhenBusy: 20, perParticipantPerMinute: 120, statementsPerAddressPerHour: 30, statementsPerParticipantPerHour: 5 },
  // Headers take one round trip, and an answer's body is at most 64 KiB: ten and thirty
  // seconds are ample on a poor mobile connection. Keep-alive as Fastify's (72 s), above the
  // 60 s proxies and load balancers keep idle upstream connections.
  timeouts: { headersMs: 10_000, requestMs: 30_000, idleMs: 30_000, keepAliveMs: 72_000 },
  synchronous: 'full',
  logLevel: 'info',
  // Left to the council: published figures vary widely (see the README), its own is best.
  costPerContact: null,
  valuePerVolunteerHour: null,
  sites: [],
  polls: [],
  pledges: [],
  contactKey: null,
});

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`Invalid configuration (${source}):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function originOf(value: string) {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Reads the environment's settings. Names: TANDEM_HOST, TANDEM_PORT (or PORT), TANDEM_DATA_DIR,
 * TANDEM_BUNDLE_DIR, TANDEM_EXAMPLES_DIR, TANDEM_RETENTION_DAYS, TANDEM_TRUST_PROXY,
 * TANDEM_SYNCHRONOUS, TANDEM_LOG_LEVEL, TANDEM_COST_PER_CONTACT, TANDEM_SITES ("id=origin,origin;id2=origin"),
 * TANDEM_DATABASE_URL (PostgreSQL), TANDEM_CONTACT_KEY (seals offers' contact details).
 */
export function fromEnvironment(env: Record<string, string | undefined>): { values: Record<string, unknown>, problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems = [];
  const text = (name: string, key: string) => {
    if (env[name] !== undefined && env[name] !== '') values[key] = env[name];
  };
  const number = (name: string, key: string) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return;
    if (!/^\d+$/.test(raw.trim())) problems.push(`${name}: must be a whole number, got "${raw}"`);
    else values[key] = Number(raw);
  };
  text('TANDEM_HOST', 'host');
  number('PORT', 'port');
  number('TANDEM_PORT', 'port');
  text('TANDEM_DATA_DIR', 'dataDir');
  text('TANDEM_BUNDLE_DIR', 'bundleDir');
  text('TANDEM_EXAMPLES_DIR', 'examplesDir');
  number('TANDEM_RETENTION_DAYS', 'retentionDays');
  const cost = env.TANDEM_COST_PER_CONTACT?.trim();
  if (cost) {
    if (!/^\d+(\.\d{1,2})?$/.test(cost)) problems.push(`TANDEM_COST_PER_CONTACT: must be an amount in pounds like 4.50, got "${cost}"`);
    else values.costPerContact = Number(cost);
  }
  text('TANDEM_SYNCHRONOUS', 'synchronous');
  text('TANDEM_DATABASE_URL', 'database');
  text('TANDEM_CONTACT_KEY', 'contactKey');
  text('TANDEM_LOG_LEVEL', 'logLevel');
  if (env.TANDEM_TRUST_PROXY) values.trustProxy = parseTrustProxy(env.TANDEM_TRUST_PROXY);
  if (env.TANDEM_SITES) {
    const sites = parseSites(env.TANDEM_SITES);
    if (sites) values.sites = sites;
    else problems.push('TANDEM_SITES: must look like "site-id=https://a.example,https://b.example;other-site=https://c.example"');
  }
  return { values, problems };
}

function parseTrustProxy(raw: string) {
  const value = raw.trim();
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function parseSites(raw: string) {
  const sites = [];
  for (const entry of raw.split(';').map((part) => part.trim()).filter(Boolean)) {
    const [id, origins, ...rest] = entry.split('=');
    if (!id || !origins || rest.length) return null;
    sites.push({ id: id.trim(), origins: origins.split(',').map((origin) => origin.trim()).filter(Boolean) });
  }
  return sites.length ? sites : null;
}

/**
 * Loads and checks the configuration. Relative directories in the file are resolved from the
 * file's folder; those from the environment or flags, from the working directory.
 */
export function loadConfig({ file, env = process.env, overrides = {}, cwd = process.cwd() }: { file?: string, env?: Record<string, string | undefined>, overrides?: Record<string, unknown>, cwd?: string } = {}): CollectorConfig {
  const path = resolve(cwd, file ?? env.TANDEM_CONFIG ?? EXAMPLE_CONFIG);
  if (!existsSync(path)) throw new ConfigError(path, ['the file does not exist']);
  let fromFile: Record<string, unknown>;
  try {
    fromFile = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  if (!fromFile || typeof fromFile !== 'object' || Array.isArray(fromFile)) throw new ConfigError(path, ['must be a JSON object']);
  const environment = fromEnvironment(env);
  if (environment.problems.length) throw new ConfigError('environment', environment.problems);

  const dirs = ['dataDir', 'bundleDir', 'examplesDir'] as const;
  const resolveDirs = (layer: Record<string, unknown>, base: string) => {
    const out = { ...layer };
    for (const key of dirs) if (typeof out[key] === 'string') out[key] = absolute(out[key] as string, base);
    return out;
  };
  const merged: Record<string, unknown> = {
    ...DEFAULTS,
    dataDir: absolute(DEFAULTS.dataDir, cwd),
    ...resolveDirs(fromFile, dirname(path)),
    ...resolveDirs(environment.values, cwd),
    ...resolveDirs(Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)), cwd),
  };
  merged.limits = { ...DEFAULTS.limits, ...((fromFile.limits ?? {}) as object) };
  merged.timeouts = { ...DEFAULTS.timeouts, ...((fromFile.timeouts ?? {}) as object) };
  merged.polls = loadDefinitionFiles('polls', fromFile.polls, dirname(path), (value) => {
    const checked = checkPoll(value);
    return checked.ok ? { ok: true, definition: checked.poll } : checked;
  });
  merged.pledges = loadDefinitionFiles('pledges', fromFile.pledges, dirname(path), (value) => {
    const checked = checkPledgeList(value);
    return checked.ok ? { ok: true, definition: checked.list } : checked;
  });
  delete merged.contactKeyFile;
  if (environment.values.contactKey === undefined && typeof fromFile.contactKeyFile === 'string') merged.contactKey = readKeyFile(absolute(fromFile.contactKeyFile, dirname(path)));
  const layered = Object.keys(environment.values).length > 0 || Object.values(overrides).some((value) => value !== undefined);
  return checkConfig(merged, layered ? `${path}, with the environment and flags applied` : path);
}

/**
 * Checks a whole configuration object (as tests and embedders build one).
 */
export function checkConfig(value: unknown, source: string = 'configuration'): CollectorConfig {
  const result = v.safeParse(Config, value);
  if (!result.success) {
    throw new ConfigError(
      source,
      result.issues.map((issue) => {
        const got = issue.expected && issue.expected !== 'never' && issue.received ? ` (got ${issue.received})` : '';
        return `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}${got}`;
      }),
    );
  }
  return Object.freeze(result.output);
}

/**
 * Reads the definitions the file names under `key` ("polls": ["polls/day-centres.json"],
 * relative to the file), reporting every problem with the file it is in.
 */
function loadDefinitionFiles<Definition>(
  key: 'polls' | 'pledges',
  files: unknown,
  base: string,
  check: (value: unknown) => { ok: true, definition: Definition } | { ok: false, problems: { field: string, message: string }[] },
): Definition[] {
  if (files === undefined) return [];
  if (!Array.isArray(files) || files.some((file) => typeof file !== 'string')) throw new ConfigError(base, [`${key}: must be a list of ${key === 'polls' ? 'poll definition' : 'ways to help list'} files (JSON), relative to the configuration file`]);
  const problems = [];
  const definitions = [];
  for (const [index, file] of files.entries()) {
    const path = absolute(file, base);
    const where = `${key}.${index} (${path})`;
    let value;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      const err = error as Error & { code?: string };
      problems.push(`${where}: ${err.code === 'ENOENT' ? 'the file does not exist' : `not valid JSON: ${err.message}`}`);
      continue;
    }
    const checked = check(value);
    if (checked.ok) definitions.push(checked.definition);
    else problems.push(...checked.problems.map((problem) => `${where}: ${problem.field}: ${problem.message}`));
  }
  if (problems.length) throw new ConfigError(key === 'polls' ? 'poll files' : 'ways to help list files', problems);
  return definitions;
}

/** The contact key from its file; a missing file says how to make one, and the key is never quoted. */
function readKeyFile(path: string) {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    throw new ConfigError(path, [missing ? 'contactKeyFile: the file does not exist: make it with `tandem-collector contact-key --file ' + path + '`' : 'contactKeyFile: the file cannot be read']);
  }
}

function absolute(dir: string, base: string) {
  return isAbsolute(dir) ? dir : resolve(base, dir);
}
