// Where the CPU goes: sums the self time of a V8 CPU profile (node --cpu-prof, as bench/ingest
// writes with BENCH_PROFILE_DIR) by the package or source file each function belongs to, and
// lists the costliest functions.
//
// Usage: node bench/ingest/profile-summary.mjs FILE.cpuprofile [top N functions (15)]
import { readFileSync } from 'node:fs';

const [file, top = '15'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.mjs FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8'));

/** Which part of the program a frame is: a package, one of ours, Node itself, native code, or V8's own work. */
function partOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? '(V8: GC, program)' : '(native: sockets, threads, JSON)';
  if (url.startsWith('node:')) return url;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  const ours = /packages\/([^/]+)\/(?:src|dist)\/(.+)$/.exec(url);
  return ours ? `@tandem/${ours[1]}: ${ours[2]}` : url;
}

const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map();
// timeDeltas[i] is the time before samples[i] was taken: charge it to that sample's frame.
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const parts = new Map();
const functions = new Map();
let total = 0;
for (const [id, micros] of selfMicros) {
  const { callFrame } = byNode.get(id);
  if (callFrame.functionName === '(idle)') continue;
  total += micros;
  const part = partOf(callFrame);
  parts.set(part, (parts.get(part) ?? 0) + micros);
  const name = `${callFrame.functionName || '(anonymous)'} ${part}:${callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + micros);
}

const share = (micros) => `${((micros / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms of CPU, not idle`);
console.log('\nBy part:');
for (const [part, micros] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${share(micros)}  ${part}`);
console.log(`\nTop ${top} functions (self time):`);
for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`  ${share(micros)}  ${name}`);
