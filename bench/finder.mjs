// bench/finder: the finder's search on a 5,000-service catalogue, against issue 4's floors.
// Prints the catalogue's size (gzip), the index build time, the index's size and heap, and
// each keystroke's search time (p50/p95/p99) over every prefix of realistic queries, typed.
// Exits 1 when a budget is broken: search p95 ≤ 5 ms, build ≤ 300 ms, catalogue ≤ 150 kB gzip.
//
// The engine is TypeScript; esbuild bundles it (with MiniSearch) into a temporary file first.
// Settings (environment): BENCH_FINDER_SERVICES (5000), BENCH_FINDER_ROUNDS how many fresh
// engines to measure, reporting the median round (3).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { generateCatalogue } from './finder/catalogue.mjs';
import { QUERIES, typedPrefixes } from './finder/queries.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SERVICES = Number(process.env.BENCH_FINDER_SERVICES) || 5000;
const ROUNDS = Number(process.env.BENCH_FINDER_ROUNDS) || 3;
const BUDGET = { p95Ms: 5, buildMs: 300, catalogueGzipBytes: 150_000 };

// A collectable heap makes "heap used by the index" a real figure, not garbage's.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

async function loadEngine(dir) {
  const out = join(dir, 'engine.mjs');
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [
    join(ROOT, 'packages/finder/src/search/engine.ts'),
    '--bundle', '--platform=node', '--format=esm', '--log-level=warning', `--outfile=${out}`,
  ]);
  return import(pathToFileURL(out).href);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n) => `${n.toFixed(2)} ms`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

function measure(FinderSearch, catalogue, prefixes) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = new FinderSearch(catalogue);
  let start = performance.now();
  engine.build();
  const buildMs = performance.now() - start;
  gc();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  // One pass, in typing order, on a fresh engine: what a resident's keystrokes cost.
  const times = [];
  let found = 0;
  for (const prefix of prefixes) {
    start = performance.now();
    const results = engine.search(prefix, 6);
    times.push(performance.now() - start);
    if (results.length) found++;
  }
  times.sort((a, b) => a - b);
  return { engine, buildMs, heapBytes, found, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times.at(-1) };
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-finder-'));
try {
  const { FinderSearch } = await loadEngine(dir);
  const catalogue = generateCatalogue(SERVICES);
  const json = JSON.stringify(catalogue);
  writeFileSync(join(dir, 'catalogue.json'), json);
  const catalogueGzip = gzipSync(json, { level: 9 }).length;
  const prefixes = typedPrefixes();

  const rounds = Array.from({ length: ROUNDS }, () => measure(FinderSearch, catalogue, prefixes));
  const median = (key) => rounds.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
  // The first build is the one a resident waits for: cold, before the JIT has seen the code.
  const figures = { buildMs: rounds[0].buildMs, warmBuildMs: median('buildMs'), p50: median('p50'), p95: median('p95'), p99: median('p99'), max: median('max'), heapBytes: median('heapBytes') };
  const indexBytes = Buffer.byteLength(JSON.stringify(rounds[0].engine.index.mini));

  const against = (value, budget, show) =>
    `${show(value)}  (budget ${show(budget)}: ${value <= budget ? `${(budget / Math.max(value, 1e-9)).toFixed(1)}× under` : 'OVER'})`;
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs (timings are wall-clock)`);
  console.log(`finder search — ${SERVICES} services, ${prefixes.length} typed prefixes of ${QUERIES.length} queries, median of ${ROUNDS} fresh engines`);
  console.log(`  catalogue      ${kb(json.length)} JSON, ${against(catalogueGzip, BUDGET.catalogueGzipBytes, kb)}`);
  console.log(`  index build    ${against(figures.buildMs, BUDGET.buildMs, ms)} first (cold); ${ms(figures.warmBuildMs)} median`);
  console.log(`  index size     ${kb(indexBytes)} serialized (not shipped; for information)`);
  console.log(`  heap           ${kb(figures.heapBytes)} for the built index`);
  console.log(`  search p50     ${ms(figures.p50)}`);
  console.log(`  search p95     ${against(figures.p95, BUDGET.p95Ms, ms)}`);
  console.log(`  search p99     ${ms(figures.p99)}   max ${ms(figures.max)}`);
  console.log(`  prefixes with results: ${rounds[0].found} of ${prefixes.length} (single letters are not searched)`);

  const broken = [
    figures.p95 > BUDGET.p95Ms && 'search p95',
    figures.buildMs > BUDGET.buildMs && 'index build',
    catalogueGzip > BUDGET.catalogueGzipBytes && 'catalogue size',
  ].filter(Boolean);
  if (broken.length) {
    console.error(`bench/finder: over budget: ${broken.join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
