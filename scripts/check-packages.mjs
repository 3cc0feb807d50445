// Checks that each published package ships what its package.json promises, as a council's
// project would install it: packs every package with `npm pack` (after `npm run build`),
// checks each tarball holds every file its main, types, exports and customElements name,
// installs the tarballs in a scratch project outside the repository (only the npm registry,
// or npm's cache, supplies their declared dependencies), and type-checks an import of each
// with tsc (skipLibCheck off, so every shipped declaration file is read).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const PACKAGES = ['core', 'feedback', 'finder', 'poll', 'pledge', 'embed'];
/** What a consumer writes: every entry point, and a tag that must type as its element. */
const CONSUMER = `
import { Outbox, realClock, TandemElement, type Delivery } from '@tandem/core';
import * as schema from '@tandem/core/schema.js';
import * as redact from '@tandem/core/redact.js';
import * as global from '@tandem/core/global.js';
import { TandemFeedback } from '@tandem/feedback';
import { TandemFinder } from '@tandem/finder';
import { TandemPoll } from '@tandem/poll';
import { TandemPledge } from '@tandem/pledge';
import '@tandem/feedback/define.js';
import '@tandem/finder/define.js';
import '@tandem/poll/define.js';
import '@tandem/pledge/define.js';

const feedback: TandemFeedback = document.createElement('tandem-feedback');
const finder: TandemFinder = document.createElement('tandem-finder');
const poll: TandemPoll = document.createElement('tandem-poll');
const pledge: TandemPledge = document.createElement('tandem-pledge');
const base: TandemElement[] = [feedback, finder, poll, pledge];
const delivery: Promise<Delivery> = new Outbox({ clock: realClock }).submit({} as never, '/v1/submissions');
export { base, delivery, global, redact, schema };
`;

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const fail = (message) => {
  console.error(`check-packages: ${message}`);
  process.exitCode = 1;
};

/** Every file a package.json names for consumers (not the repository's own source condition). */
function promised(json) {
  const targets = [json.main, json.types, json.customElements];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) if (key !== 'tandem-source') walk(inner);
  };
  walk(json.exports);
  return targets.filter(Boolean).map((path) => path.replace(/^\.\//, ''));
}

const scratch = mkdtempSync(join(tmpdir(), 'tandem-packages-'));
try {
  const tarballs = {};
  for (const name of PACKAGES) {
    const dir = join(ROOT, 'packages', name);
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], dir));
    const files = new Set(packed.files.map((file) => file.path));
    for (const path of promised(json)) if (!files.has(path)) fail(`${json.name} promises ${path}, but its tarball lacks it (run npm run build first).`);
    if (name === 'embed' && !files.has('dist/cdn/tandem.js')) fail(`${json.name} ships no dist/cdn/tandem.js.`);
    for (const [dependency, range] of Object.entries(json.dependencies ?? {})) {
      if (!range.startsWith('^')) fail(`${json.name} pins ${dependency} to ${range}: a runtime dependency takes a caret range.`);
    }
    tarballs[json.name] = `file:${join(scratch, packed.filename)}`;
    console.log(`${json.name}: ${packed.files.length} files, ${packed.size} B packed`);
  }

  const app = join(scratch, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'council-site', private: true, type: 'module', dependencies: tarballs }, null, 2));
  writeFileSync(join(app, 'index.ts'), CONSUMER);
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] };
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app);
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  // Both ways a project resolves packages: Node's own (exports, .js extensions) and a bundler's.
  for (const [module, moduleResolution] of [['NodeNext', 'NodeNext'], ['ESNext', 'Bundler']]) {
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module, moduleResolution }, files: ['index.ts'] }));
    try {
      run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
      console.log(`tsc (${moduleResolution}): every package's types resolve with its declared dependencies`);
    } catch (error) {
      fail(`tsc (${moduleResolution}) failed on the installed packages:\n${error.stdout}${error.stderr}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
