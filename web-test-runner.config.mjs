// Every browser test runs here: headless Chromium (Debian's, or CHROME_PATH), TypeScript
// through esbuild, and a real HTTP collector stand-in on the same loopback server.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { testCollector } from './test/support/test-collector.mjs';
import { fixturePages } from './test/support/fixture-pages.mjs';
import { orukServer } from './test/support/oruk-server.mjs';
import { a11yTreePlugin } from './test/support/a11y-tree-plugin.mjs';
import { emulationPlugin } from './test/support/emulation-plugin.mjs';

const chromePaths = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'];
const executablePath = chromePaths.find((path) => path && existsSync(path));
if (!executablePath) throw new Error('No Chromium found: install Debian\'s chromium or set CHROME_PATH.');

export default {
  nodeResolve: { exportConditions: ['tandem-source', 'browser', 'import', 'default'] },
  rootDir: '.',
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  mimeTypes: { '**/*.json': 'js' },
  groups: [
    { name: 'core', files: 'packages/core/test/**/*.test.ts' },
    { name: 'feedback', files: 'packages/feedback/test/**/*.test.ts' },
    { name: 'embed', files: 'packages/embed/test/**/*.test.ts' },
    { name: 'finder', files: 'packages/finder/test/**/*.test.ts' },
    { name: 'poll', files: 'packages/poll/test/**/*.test.ts' },
    { name: 'pledge', files: 'packages/pledge/test/**/*.test.ts' },
    { name: 'stories', files: 'test/**/*.test.ts' },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  middleware: [testCollector(), fixturePages(), orukServer()],
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    a11ySnapshotPlugin(),
    a11yTreePlugin(),
    emulationPlugin(),
  ],
};
