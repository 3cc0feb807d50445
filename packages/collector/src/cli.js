#!/usr/bin/env node
// tandem-collector: run the collector, or print its configuration. See --help.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, EXAMPLE_CONFIG, loadConfig } from './config.js';

const HELP = `Usage: tandem-collector <command> [options]

Commands:
  serve            Start the collector (the default command)
  config           Check the configuration and print it as resolved, then exit

Options:
  -c, --config FILE   JSON configuration file (default: $TANDEM_CONFIG, else the example
                      council site: ${EXAMPLE_CONFIG})
  -p, --port N        Port to listen on (0 picks a free one)
      --host HOST     Address to listen on
      --data-dir DIR  Folder for the SQLite database (tandem.sqlite)
  -h, --help          Show this help
  -v, --version       Show the version

Environment (overrides the file; flags override both):
  TANDEM_CONFIG, TANDEM_HOST, TANDEM_PORT or PORT, TANDEM_DATA_DIR, TANDEM_BUNDLE_DIR,
  TANDEM_EXAMPLES_DIR, TANDEM_RETENTION_DAYS, TANDEM_TRUST_PROXY (true, false, a hop count
  or proxy addresses), TANDEM_SYNCHRONOUS (full or normal), TANDEM_LOG_LEVEL,
  TANDEM_SITES ("site-id=https://a.example,https://b.example;other=https://c.example")
`;

/** @param {string[]} argv */
async function main(argv) {
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usage(/** @type {Error} */ (error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(HELP);
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return void process.stdout.write(`${pkg.version}\n`);
  }
  const [command = 'serve', ...extra] = positionals;
  if (extra.length || !['serve', 'config'].includes(command)) return usage(`Unknown command: ${positionals.join(' ')}`);
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
  if (command === 'config') return void process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);

  // Loaded only to serve, so --help and config answer at once.
  const { startCollector } = await import('./server.js');
  const { app, url } = await startCollector(config);
  // One line a supervisor (or a test) can read to find the port.
  process.stdout.write(`${JSON.stringify({ msg: 'tandem-collector listening', url, dataDir: config.dataDir, sites: config.sites.map((site) => site.id) })}\n`);
  if (config.examplesDir) process.stdout.write(`Example council site: ${url}/\n`);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      app.log.info(`${signal}: finishing requests in flight, then closing the database`);
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
}

/** @param {string} message */
function usage(message) {
  process.stderr.write(`tandem-collector: ${message}\n\n${HELP}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`tandem-collector: ${error?.stack ?? error}\n`);
  process.exit(1);
});
