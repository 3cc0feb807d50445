#!/usr/bin/env node
// tandem-collector: run the collector, or print its configuration. See --help.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, EXAMPLE_CONFIG, loadConfig } from './config.js';

const HELP = `Usage: tandem-collector <command> [options]

Commands:
  serve                 Start the collector (the default command). The first start with no
                        staff accounts creates demo@tandem.invalid and prints its password
                        (to stderr); it is removed once another account exists
  config                Check the configuration and print it as resolved, then exit
  user add <email>      Add a staff account for the dashboard (or give it a new password) and
                        print a random password, or read one from stdin with --password-stdin
  user list             List the staff accounts
  user remove <email>   Remove a staff account and end its sessions
  contact-key           Print a new key for sealing offers' contact details (TANDEM_CONTACT_KEY);
                        with --file FILE, write it to FILE (readable by its owner only) unless
                        FILE exists already

Options:
  -c, --config FILE   JSON configuration file (default: $TANDEM_CONFIG, else the example
                      council site: ${EXAMPLE_CONFIG})
  -p, --port N        Port to listen on (0 picks a free one)
      --host HOST     Address to listen on
      --data-dir DIR  Folder for the SQLite database (tandem.sqlite)
      --password-stdin  user add: read the password (first line, 12 to 256 characters) from stdin
      --file FILE     contact-key: the file to write the key to
  -h, --help          Show this help
  -v, --version       Show the version

Environment (overrides the file; flags override both):
  TANDEM_CONFIG, TANDEM_HOST, TANDEM_PORT or PORT, TANDEM_DATA_DIR, TANDEM_BUNDLE_DIR,
  TANDEM_EXAMPLES_DIR, TANDEM_RETENTION_DAYS, TANDEM_TRUST_PROXY (false, a hop count, or
  the proxies' addresses/CIDRs, comma-separated), TANDEM_SYNCHRONOUS (full or normal), TANDEM_LOG_LEVEL,
  TANDEM_SITES ("site-id=https://a.example,https://b.example;other=https://c.example"),
  TANDEM_DATABASE_URL (postgres://…), TANDEM_CONTACT_KEY (seals offers' contact details)
`;

async function main(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'password-stdin': { type: 'boolean' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(HELP);
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return void process.stdout.write(`${pkg.version}\n`);
  }
  const [command = 'serve', ...extra] = positionals;
  if ((extra.length && command !== 'user') || !['serve', 'config', 'user', 'contact-key'].includes(command)) return usage(`Unknown command: ${positionals.join(' ')}`);
  if (command === 'contact-key') return contactKeyCommand(values.file);
  if (values.port !== undefined && !/^\d+$/.test(values.port)) return usage(`--port must be a whole number, got "${values.port}"`);

  let config;
  try {
    config = loadConfig({
      file: values.config,
      overrides: { port: values.port === undefined ? undefined : Number(values.port), host: values.host, dataDir: values['data-dir'] },
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`tandem-collector: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (command === 'config') return void process.stdout.write(`${JSON.stringify(withoutSecrets(config), null, 2)}\n`);

  // Loaded only to serve or manage accounts, so --help and config answer at once.
  const [{ startCollector }, { openConfiguredStore }, accounts] = await Promise.all([
    import('./server.js'), import('./store/open-configured-store.js'), import('./staff-accounts.js'),
  ]);
  // SQLite in the data folder, or the PostgreSQL database the configuration names.
  const store = await openConfiguredStore(config);
  if (command === 'user') {
    try {
      process.exitCode = await accounts.userCommand(store, extra, { passwordStdin: values['password-stdin'] });
    } finally {
      await store.close();
    }
    return;
  }
  let app, url, demoPassword;
  try {
    demoPassword = await accounts.ensureDemoAccount(store);
    ({ app, url } = await startCollector(config, { store }));
  } catch (error) {
    await store.close();
    throw error;
  }
  // One line a supervisor (or a test) can read to find the port.
  process.stdout.write(`${JSON.stringify({ msg: 'tandem-collector listening', url, dataDir: config.dataDir, sites: config.sites.map((site) => site.id) })}\n`);
  if (config.examplesDir) process.stdout.write(`Example council site: ${url}/\n`);
  process.stdout.write(`Staff dashboard: ${url}/dashboard\n`);
  // To the terminal (stderr), never stdout: stdout carries the JSON log, which is kept and shipped.
  if (demoPassword) {
    process.stderr.write(`Created a demo staff account (shown once; add your own with "tandem-collector user add <email>"):\n` +
      `  email:    ${accounts.DEMO_EMAIL}\n  password: ${demoPassword}\n`);
  }
  for (const signal of (['SIGINT', 'SIGTERM'] as const)) {
    process.once(signal, () => {
      app.log.info(`${signal}: finishing requests in flight, then closing the database`);
      // The store was opened here, so it is closed here, after the app has finished its requests.
      app.close().then(() => store.close()).then(() => process.exit(0), () => process.exit(1));
    });
  }
}

function usage(message: string) {
  process.stderr.write(`tandem-collector: ${message}\n\n${HELP}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`tandem-collector: ${error?.stack ?? error}\n`);
  process.exit(1);
});

/**
 * The configuration to print: a database URL's password and the contact key replaced, so
 * neither lands in a terminal's scrollback or a ticket.
 */
function withoutSecrets<T extends { database?: string | undefined, contactKey: string | null }>(config: T): T {
  const shown = { ...config, contactKey: config.contactKey === null ? null : '********' };
  if (!config.database) return shown;
  const url = new URL(config.database);
  if (url.password) url.password = '********';
  return { ...shown, database: url.toString() };
}

/** A new contact key, printed, or written to a file that does not exist yet (never replacing a key in use). */
function contactKeyCommand(file: string | undefined) {
  const key = `${randomBytes(32).toString('base64')}\n`;
  if (file === undefined) return void process.stdout.write(key);
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, key, { flag: 'wx', mode: 0o600 });
    process.stderr.write(`tandem-collector: wrote a new contact key to ${file}\n`);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    process.stderr.write(`tandem-collector: kept the contact key already in ${file}\n`);
  }
}
