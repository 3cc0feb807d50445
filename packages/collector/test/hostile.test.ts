// Hostile input: 10,000 generated bodies (wrong types, huge strings, deep nesting, bad UTF-8,
// prototype-pollution keys, wrong content types) get only 4xx, and the server keeps serving.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import Database from 'better-sqlite3';
import { httpClient, makeSubmission, ORIGIN, pool, random, spawnCollector, tempDir, writeConfig } from '../test-support/helpers.js';
import type { Submission } from '@tandem/core/schema.js';

const COUNT = 10000;
const SEED = 20261126;

// The server runs in its own process, as in production, so the generator has the other core.
const dir = tempDir('tandem-hostile-');
let collector: Awaited<ReturnType<typeof spawnCollector>>;
before(async () => {
  collector = await spawnCollector(writeConfig(dir));
});
after(async () => {
  collector.child.kill('SIGTERM');
  await collector.exited;
  rmSync(dir, { recursive: true, force: true });
});

export type Case = { kind: string, body: string | Uint8Array, type?: string };

const rng = random(SEED);
const FIELDS = ['id', 'site', 'widget', 'instance', 'page', 'lang', 'answers', 'signals', 'clientTime', 'sdkVersion'];
const ODD_VALUES = () => [
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  '\u0000',
  '\ud800',
  'x'.repeat(rng.int(3000) + 2001),
  [],
  [1, 2, 3],
  {},
  { nested: { deeper: [null] } },
  '<script>alert(1)</script>',
  "'; DROP TABLE submissions; --",
  '../../etc/passwd',
];
const PROTO_BODIES = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  (base: Submission) => JSON.stringify(base).replace('"answers":{', '"answers":{"__proto__":{"polluted":true},'),
  (base: Submission) => JSON.stringify(base).replace('"answers":{', '"answers":{"constructor":{"prototype":{"polluted":true}},'),
  (base: Submission) => JSON.stringify(base).replace('"page":{', '"page":{"__proto__":{"url":"x"},'),
  (base: Submission) => JSON.stringify(base).replace('"signals":{', '"signals":{"__proto__":{"honeypot":false},'),
  (base: Submission) => JSON.stringify({ ...base, constructor: 'x' }),
  (base: Submission) => JSON.stringify({ ...base, toString: 'x', hasOwnProperty: 1 }),
  (base: Submission) => JSON.stringify({ ...base, prototype: {} }),
];

const deep = (depth: number) => (rng.next() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Bytes that are not UTF-8: lone continuation, overlong, surrogate halves, truncated sequences, Latin-1. */
const BAD_UTF8 = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xff], [0xfe, 0xff], [0xe9]];

/** Every case breaks the schema, the format or the limits: none is a valid submission. */
const generators = {
  /** One field of an otherwise valid submission takes a value of the wrong type or shape. */
  wrongType: () => {
    const base = makeSubmission() as Record<string, unknown>;
    const field = rng.pick(FIELDS);
    let value = rng.pick(ODD_VALUES());
    // Only a string of the right form would be valid here; keep it wrong.
    if (typeof value === 'string' && field === 'sdkVersion' && value.length <= 40) value = 7;
    if (field === 'answers' && value && typeof value === 'object' && !Object.keys(value).length) value = 'x';
    base[field] = value;
    return { kind: 'wrongType', body: JSON.stringify(base) };
  },
  /** Nested fields with wrong values: answers, page and signals. */
  wrongNested: () => {
    const base = makeSubmission() as Record<string, unknown>;
    const choice = rng.int(9);
    if (choice === 0) base.answers = { trying: { html: '<b>' } };
    if (choice === 1) base.answers = Object.fromEntries(Array.from({ length: 31 + rng.int(200) }, (_, i) => [`k${i}`, 'x']));
    if (choice === 2) base.answers = { list: Array.from({ length: 51 }, () => 'x') };
    if (choice === 3) base.answers = { 'bad key!': 'x' };
    if (choice === 4) base.page = { url: rng.pick(['not a url', 'https://x.example/#top', '//x.example/', 'https://x.example/'.padEnd(2100, 'a')]), title: 't' };
    if (choice === 5) base.page = { url: 'https://x.example/a?nhs=4010232137', title: 't' };
    if (choice === 6) base.signals = { honeypot: false, fillMs: rng.pick([-1, 1.5, '100', null, 1e400]) };
    if (choice === 7) base.clientTime = rng.pick(['yesterday', '2026-13-45T99:00:00Z', '', 0]);
    if (choice === 8) base.answers = { n: rng.pick([null, {}, [1], [[]]]) };
    return { kind: 'wrongNested', body: JSON.stringify(base) };
  },
  /** Huge strings: near the 64 KiB limit (read, then refused) and over it (413). */
  huge: () => {
    const size = rng.pick([30000, 60000, 65000, 66000, 70000, 200000]);
    const base = makeSubmission() as Record<string, unknown>;
    const field = rng.pick(['id', 'lang', 'sdkVersion', 'instance', 'answers']);
    base[field] = field === 'answers' ? { trying: 'é'.repeat(size / 2) } : 'x'.repeat(size);
    return { kind: 'huge', body: JSON.stringify(base) };
  },
  /** Deep nesting, alone or in an answer. */
  deep: () => {
    const depth = rng.pick([100, 1000, 10000, 20000, 30000]);
    if (rng.next() < 0.5) return { kind: 'deep', body: deep(depth) };
    const text = JSON.stringify(makeSubmission()).replace('"answers":{', `"answers":{"nested":${deep(Math.min(depth, 6000))},`);
    return { kind: 'deep', body: text };
  },
  /** A valid-looking submission with bytes that are not UTF-8 inside a string. */
  badUtf8: () => {
    const text = JSON.stringify(makeSubmission({ answers: { trying: 'MARK' } }));
    const [head, tail] = text.split('MARK');
    const bytes = rng.pick(BAD_UTF8);
    return { kind: 'badUtf8', body: new Uint8Array([...Buffer.from(head ?? ''), ...bytes, ...Buffer.from(tail ?? '')]) };
  },
  /** Keys that pollute prototypes in careless code. */
  proto: () => {
    const make = rng.pick(PROTO_BODIES);
    return { kind: 'proto', body: typeof make === 'string' ? make : make(makeSubmission()) };
  },
  /** Not JSON, or JSON that is not an object. */
  notJson: () => {
    const text = JSON.stringify(makeSubmission());
    const body = rng.pick([
      () => text.slice(0, rng.int(text.length)),
      () => text.replace(/"/g, "'"),
      () => `${text},`,
      () => 'undefined',
      () => 'NaN',
      () => '',
      () => '\ufeff',
      () => '[]',
      () => 'null',
      () => '"a string"',
      () => String(rng.next()),
      () => Array.from({ length: rng.int(200) }, () => String.fromCharCode(rng.int(0x3000))).join(''),
    ])();
    return { kind: 'notJson', body };
  },
  /** A good body under a content type the API does not take. */
  wrongContentType: () => ({
    kind: 'wrongContentType',
    body: JSON.stringify(makeSubmission()),
    type: rng.pick(['application/xml', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/octet-stream', 'text/plain; charset=utf-16', 'image/png', 'application/jsonp']),
  }),
  /** Right shape, wrong meaning: an unknown site or widget, ids that are not v4 UUIDs. */
  wrongValues: () => {
    const change = rng.pick([
      { site: `unknown-${rng.int(1000)}` },
      { site: 'UPPER' },
      { widget: 'slideshow' },
      { id: '00000000-0000-0000-0000-000000000000' },
      { id: `${makeSubmission().id.toUpperCase()}` },
      { lang: 'english language' },
      { instance: '-leading-dash' },
    ]);
    return { kind: 'wrongValues', body: JSON.stringify(makeSubmission(change)) };
  },
};

it(`answers ${COUNT.toLocaleString('en-GB')} hostile bodies with 4xx only, and keeps serving`, { timeout: 120000 }, async () => {
  const kinds = Object.values(generators);
  const cases: Case[] = Array.from({ length: COUNT }, (_, i) => (kinds[i % kinds.length] ?? kinds[0])?.() as Case);
  const client = httpClient(24);
  const started = performance.now();
  const outcomes = await pool(cases, 24, async (item) => {
    try {
      const response = await client.request(`${collector.url}/v1/submissions`, {
        headers: { 'content-type': item.type ?? rng.pick(['text/plain;charset=UTF-8', 'application/json']), origin: ORIGIN },
        body: item.body,
      });
      const json = response.headers['content-type']?.startsWith('application/json') ? JSON.parse(response.text) : undefined;
      return { kind: item.kind, status: response.status, shaped: typeof json?.error === 'string' && Array.isArray(json?.problems) };
    } catch (error) {
      return { kind: item.kind, status: 0, shaped: false, error: String(error) };
    }
  });
  const seconds = (performance.now() - started) / 1000;
  client.close();

  const byKind: Record<string, Record<number, number>> = {};
  for (const outcome of outcomes) {
    byKind[outcome.kind] ??= {};
    const counts = byKind[outcome.kind] as Record<number, number>;
    counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
  }
  console.log(`# hostile: ${COUNT} bodies in ${seconds.toFixed(2)} s; status counts by kind: ${JSON.stringify(byKind)}`);

  const bad = outcomes.filter((outcome) => outcome.status < 400 || outcome.status > 499 || !outcome.shaped);
  assert.deepEqual(bad.slice(0, 5), [], `${bad.length} bodies got something other than a shaped 4xx`);
  const db = new Database(join(dir, 'tandem.sqlite'), { readonly: true });
  assert.equal(db.prepare('SELECT count(*) FROM submissions').pluck().get(), 0, 'nothing hostile was stored');
  db.close();
  assert.equal(collector.child.exitCode, null, 'the server is still running');

  const health = await fetch(`${collector.url}/health`);
  assert.equal(health.status, 200);
  const good = makeSubmission();
  const response = await fetch(`${collector.url}/v1/submissions`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN }, body: JSON.stringify(good) });
  assert.equal(response.status, 201);
});
