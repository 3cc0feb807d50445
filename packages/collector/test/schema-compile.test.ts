// The compiled schema must agree with valibot: what it passes, valibot accepts and returns
// unchanged; what valibot refuses, it never passes. Checked on the shared submission schema
// with 30,000 generated values, near every limit, and on the parts it must leave to valibot.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckedSubmissionSchema, MAX_ANSWER_NUMBER, MAX_FILL_MS, MAX_SUBMISSION_BYTES, MAX_TEXT } from '@tandem/core/schema.js';
import * as v from 'valibot';
import { compileSchema } from '../src/schema-compile.js';
import { makeSubmission, random } from '../test-support/helpers.js';

const passesSchema = compileSchema(CheckedSubmissionSchema);
const COUNT = 30000;
const rng = random(20261126);

/** A participant id in the shape the collector issues (the schema checks the shape; the route, the signature). */
const ISSUED = `7d3f1c2e-9a4b-4c5d-8e6f-1a2b3c4d5e6f.${'s'.repeat(43)}`;

/** What every widget sends, as the collector receives it (parsed from JSON). */
const VALID = [
  makeSubmission(),
  makeSubmission({ answers: { helpful: true } }),
  makeSubmission({ widget: 'finder', instance: 'what-did-you-need', answers: { query: 'blue badge', results: 4, chosen: 'apply-blue-badge' } }),
  makeSubmission({ widget: 'finder', answers: { need: 'Help for my dad at home', found: false } }),
  makeSubmission({ widget: 'poll', participant: ISSUED, answers: { question: 'ease', choice: 'agree' } }),
  makeSubmission({ widget: 'poll', participant: ISSUED, answers: { statement: 'The bins are collected on time' } }),
  makeSubmission({ lang: 'cy-GB', page: { url: 'http://localhost:8080/examples/', title: 'Gofal cymdeithasol – “oedolion”' }, answers: { reasons: ['a', 'b'], score: -1.5 } }),
  makeSubmission({ clientTime: '2026-11-26T09:30:00+01:00', signals: { honeypot: true, fillMs: 0 } }),
  makeSubmission({ signals: { honeypot: false, fillMs: 4000, sender: '1b6a2f7e-3c1d-4e5f-8a9b-0c1d2e3f4a5b' } }),
];

const ODD = [null, true, false, 0, -0, -1, 1.5, 1e308, MAX_ANSWER_NUMBER, -MAX_ANSWER_NUMBER, MAX_ANSWER_NUMBER + 1, Number.MAX_SAFE_INTEGER, '', ' ', 'x', '\u0000', '\ud800', 'é'.repeat(MAX_TEXT), 'x'.repeat(MAX_TEXT + 1), [], ['x'], [1], {}, { a: 1 }];
const STRINGS = {
  id: ['7D3F1C2E-9A4B-4C5D-8E6F-1A2B3C4D5E6F', '7d3f1c2e-9a4b-1c5d-8e6f-1a2b3c4d5e6f', '7d3f1c2e9a4b4c5d8e6f1a2b3c4d5e6f'],
  site: ['a', 'a'.repeat(63), 'a'.repeat(64), '-a', 'A', 'a_b'],
  url: ['https://x.example', 'http://', 'https://x.example/a b', 'https://x.example/?q', 'ftp://x.example/', `https://x.example/${'a'.repeat(2030)}`, `https://x.example/${'a'.repeat(2040)}`],
  lang: ['en', 'cy-GB', 'e', 'english', 'en-', 'en-123456789', 'zh-Hant-TW'],
  time: ['2026-02-30T00:00:00Z', '2026-11-26 09:30:00Z', '2026-11-26T24:00:00Z', '2026-11-26T09:30:00.123456789Z', '2026-11-26T09:30Z', '2026-11-26'],
  key: ['a', 'a'.repeat(63), 'a'.repeat(64), 'constructor', 'toString', 'prototype', '__proto__', 'bad key', '1a', 'a-b_c'],
};

const copy = (value: unknown) => JSON.parse(JSON.stringify(value));

/** One change to a valid submission, near a limit or past it. */
function mutate(s: Record<string, unknown>) {
  // A nested object to change, made anew if an earlier change replaced it.
  const into = (key: string) => (s[key] && typeof s[key] === 'object' && !Array.isArray(s[key]) ? s[key] : (s[key] = {})) as Record<string, unknown>;
  const choice = rng.int(14);
  if (choice === 0) s[rng.pick(Object.keys(s))] = rng.pick(ODD);
  if (choice === 1) delete s[rng.pick(Object.keys(s))];
  if (choice === 2) s[rng.pick(['extra', 'toString', 'participant'])] = rng.pick(ODD);
  if (choice === 3) into('page')[rng.pick(['url', 'title', 'extra'])] = rng.pick([...ODD, ...STRINGS.url]);
  if (choice === 4) into('signals')[rng.pick(['honeypot', 'fillMs', 'extra'])] = rng.pick([...ODD, 12000, 2 ** 53, MAX_FILL_MS, MAX_FILL_MS + 1, 1e20]);
  if (choice === 5) into('answers')[rng.pick(STRINGS.key)] = rng.pick([...ODD, 'x']);
  if (choice === 6) s.answers = Object.fromEntries(Array.from({ length: 28 + rng.int(4) }, (_, i) => [`a${i}`, true]));
  if (choice === 7) into('answers').list = Array.from({ length: 49 + rng.int(3) }, () => 'x'.repeat(199 + rng.int(3)));
  if (choice === 8) s.id = rng.pick(STRINGS.id);
  if (choice === 9) s[rng.pick(['site', 'instance'])] = rng.pick(STRINGS.site);
  if (choice === 10) s.lang = rng.pick(STRINGS.lang);
  if (choice === 11) s.clientTime = rng.pick(STRINGS.time);
  if (choice === 12) s.widget = rng.pick(['feedback', 'pledge', 'Feedback', 'survey']);
  // Near the byte limit: each answer is in limits, the whole may not be.
  if (choice === 13) s.answers = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, rng.pick(['é', 'x', '\u0001']).repeat(950 + rng.int(1050))]));
  return s;
}

describe('compileSchema, on the shared submission schema', () => {
  it('passes what every widget sends', () => {
    for (const submission of VALID) {
      assert.equal(v.safeParse(CheckedSubmissionSchema, copy(submission)).success, true, JSON.stringify(submission));
      assert.equal(passesSchema(copy(submission)), true, JSON.stringify(submission));
    }
  });

  it(`agrees with valibot on ${COUNT.toLocaleString('en-GB')} generated values, and passes them unchanged`, () => {
    const counts = { passed: 0, refused: 0 };
    for (let i = 0; i < COUNT; i++) {
      let value = copy(rng.pick(VALID));
      for (let changes = rng.int(3); changes > 0; changes--) value = mutate(value);
      value = copy(value);
      const result = v.safeParse(CheckedSubmissionSchema, value);
      assert.equal(passesSchema(value), result.success, JSON.stringify(value).slice(0, 500));
      if (result.success) assert.deepEqual(result.output, value);
      counts[result.success ? 'passed' : 'refused'] += 1;
    }
    // Both sides are well covered, so the agreement means something.
    assert.ok(counts.passed > COUNT / 10 && counts.refused > COUNT / 10, JSON.stringify(counts));
  });

  it(`refuses what is over ${MAX_SUBMISSION_BYTES} bytes as JSON, as valibot does`, () => {
    const tooBig = makeSubmission({ answers: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, 'é'.repeat(MAX_TEXT)])) });
    assert.equal(v.safeParse(CheckedSubmissionSchema, tooBig).success, false);
    assert.equal(passesSchema(tooBig), false);
  });
});

describe('compileSchema leaves to valibot', () => {
  it('a value valibot would change: an array read as an object, keys its record() drops', () => {
    const record = v.record(v.string(), v.string());
    const object = v.strictObject({ a: v.optional(v.string()) });
    for (const [schema, value] of ([[record, []], [object, []], [record, JSON.parse('{"constructor":"x"}')], [record, JSON.parse('{"__proto__":"x"}')]] as [v.GenericSchema, unknown][])) {
      const result = v.safeParse(schema, value);
      assert.equal(result.success, true, 'valibot accepts it…');
      assert.notDeepEqual(result.output, value, '…but returns something else');
      assert.equal(compileSchema(schema)(value), false);
    }
  });

  it('refuses to compile what it does not know: transforms, defaults, stateful patterns, other schemas', () => {
    const schemas = [
      v.pipe(v.string(), v.transform((text) => text.trim())),
      v.strictObject({ a: v.optional(v.string(), 'x') }),
      v.pipe(v.string(), v.regex(/a/g)),
      v.array(v.string()),
      v.object({ a: v.string() }),
      v.pipe(v.string(), v.email()),
    ];
    for (const schema of schemas) assert.throws(() => compileSchema(schema), /not supported; leave this schema to valibot/);
  });

  it('writes any key safely into its code', () => {
    const key = 'a"b\n\\c';
    const passes = compileSchema(v.strictObject({ [key]: v.string() }));
    assert.equal(passes({ [key]: 'x' }), true);
    assert.equal(passes({ a: 'x' }), false);
  });
});
