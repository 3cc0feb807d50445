// bench/size: what the CDN bundle costs a council page, minified and gzipped, held to budgets.
// Sizes are deterministic for a given build, so CI can fail on them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

const CDN = 'packages/embed/dist/cdn';
const KB = 1000;
const BUDGETS = {
  loader: 1.5 * KB,
  // Our own translator instead of i18next took about 12.3 kB off every widget's figures
  // (feedback on load 28.25 → 15.95 kB). Each budget is what it measures with half a kilobyte
  // of room, far under the 1.0 targets (28.5 kB on load, 34 kB once answered).
  feedbackOnLoad: 16.5 * KB,
  // The redactor, validator and outbox chunk, fetched on idle once a widget appears, so that an
  // answer can always be kept. The validator learned offers' contact details (+0.5 kB).
  feedbackAnswered: 24 * KB,
  finderOnLoad: 22 * KB,
  // The search engine (MiniSearch) is fetched when the search box is first used, and the
  // validator when the first search is sent. (The 1.0 target: 52 kB.)
  finderSearching: 44.5 * KB,
  // A finder pointed at an Open Referral UK directory fetches the directory client when the
  // search box is first used, instead of the engine and the catalogue.
  finderDirectory: 34 * KB,
  // The poll shares its loading controller with the pledge, as a chunk of its own (+0.1 kB).
  pollOnLoad: 24 * KB,
  // The redactor, validator and outbox, fetched on idle. (The 1.0 target: 41 kB.)
  pollAnswered: 31 * KB,
  // No larger than the poll's. An offer's checks and its reference are fetched on idle, like the
  // validator, not on load (on load 24.2 → 23.5 kB; once someone offers 31.3 → 31.9 kB).
  pledgeOnLoad: 24 * KB,
  // An offer waits in the page's memory, never on the device, but needs the validator all the same.
  pledgeAnswered: 32.5 * KB,
};

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const file = (path) => readFileSync(join(CDN, path));
const kb = (bytes) => `${(bytes / KB).toFixed(2)} kB`;

/** The chunks a module pulls in: static imports now, dynamic imports when it is used. */
function imports(path) {
  const code = file(path).toString();
  const find = (pattern) => [...code.matchAll(pattern)].map((m) => join('chunks', m[1]).replace(/\\/g, '/'));
  return {
    static: find(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g),
    dynamic: find(/import\(["']\.\/([\w.-]+\.js)["']\)/g),
  };
}

function closure(entry, { dynamic, skip = /^$/ }) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || skip.test(path)) return;
    seen.add(path);
    const found = imports(path);
    [...found.static, ...(dynamic ? found.dynamic : [])].forEach(visit);
  };
  visit(entry);
  return [...seen];
}

const loaderSource = file('tandem.js').toString();
const chunkOf = (tag) => new RegExp(`"${tag}":"(chunks/[\\w.-]+\\.js)"`).exec(loaderSource)?.[1];

// The build writes a .br and a .gz beside every file, for servers to send as they are: check
// that each is there and unpacks to its file, and show what a browser downloads with Brotli.
const stale = [];
const packed = (path, extension, unpack) => {
  try {
    const bytes = file(`${path}.${extension}`);
    if (unpack(bytes).equals(file(path))) return bytes.length;
  } catch {}
  stale.push(`${path}.${extension}`);
  return NaN;
};
const row = (path) => [path, kb(file(path).length), kb(gzip(file(path))), kb(packed(path, 'br', brotliDecompressSync)), kb(packed(path, 'gz', gunzipSync))];
const rows = [['file', 'minified', 'gzip', 'file.br', 'file.gz']];
rows.push(row('tandem.js'));
for (const name of readdirSync(join(CDN, 'chunks')).filter((name) => name.endsWith('.js')).sort()) rows.push(row(`chunks/${name}`));
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));

const feedback = chunkOf('tandem-feedback');
if (!feedback) throw new Error('tandem.js does not name a chunk for <tandem-feedback>');
const finder = chunkOf('tandem-finder');
if (!finder) throw new Error('tandem.js does not name a chunk for <tandem-finder>');
const poll = chunkOf('tandem-poll');
if (!poll) throw new Error('tandem.js does not name a chunk for <tandem-poll>');
const pledge = chunkOf('tandem-pledge');
if (!pledge) throw new Error('tandem.js does not name a chunk for <tandem-pledge>');
// Welsh strings are only fetched on Welsh pages, so they are not part of the English cost.
const english = (paths) => paths.filter((path) => !/\/cy-/.test(path));
const cost = (paths) => gzip(file('tandem.js')) + paths.reduce((sum, path) => sum + gzip(file(path)), 0);
const measured = {
  loader: gzip(file('tandem.js')),
  feedbackOnLoad: cost(english(closure(feedback, { dynamic: false }))),
  feedbackAnswered: cost(english(closure(feedback, { dynamic: true }))),
  finderOnLoad: cost(english(closure(finder, { dynamic: false }))),
  // A finder searches a catalogue or a directory, never both: each path without the other's chunks.
  finderSearching: cost(english(closure(finder, { dynamic: true, skip: /\/directory-search-/ }))),
  finderDirectory: cost(english(closure(finder, { dynamic: true, skip: /\/(engine|static|catalogue-check)-/ }))),
  pollOnLoad: cost(english(closure(poll, { dynamic: false }))),
  pollAnswered: cost(english(closure(poll, { dynamic: true }))),
  pledgeOnLoad: cost(english(closure(pledge, { dynamic: false }))),
  pledgeAnswered: cost(english(closure(pledge, { dynamic: true }))),
};
const labels = {
  loader: 'loader (tandem.js)',
  feedbackOnLoad: 'page with one <tandem-feedback>, on load',
  feedbackAnswered: 'the same once someone answers (redactor, validator fetched)',
  finderOnLoad: 'page with one <tandem-finder>, on load',
  finderSearching: 'the same once someone searches (engine, validator fetched)',
  finderDirectory: 'the same, searching an Open Referral UK directory',
  pollOnLoad: 'page with one <tandem-poll>, on load',
  pollAnswered: 'the same once someone answers (redactor, validator fetched)',
  pledgeOnLoad: 'page with one <tandem-pledge>, on load',
  pledgeAnswered: 'the same once someone offers (redactor, validator fetched)',
};

console.log('');
let failed = false;
for (const [key, bytes] of Object.entries(measured)) {
  const ok = bytes <= BUDGETS[key];
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${labels[key].padEnd(52)} ${kb(bytes).padStart(9)} gzip  (budget ${kb(BUDGETS[key])}${ok ? '' : `, over by ${bytes - BUDGETS[key]} B`})`);
}
if (stale.length) {
  failed = true;
  console.error(`\nMissing or stale compressed files (run npm run build): ${stale.join(', ')}`);
}
if (failed) {
  console.error('\nbench/size: over budget.');
  process.exit(1);
}
