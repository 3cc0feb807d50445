// A poll's definition (poll protocol v1): the same shape from a JSON file named in the
// configuration and from the dashboard's form, checked by one schema so both give the same
// errors. Questions: rating and faces (options "1".."5"), choice, and staff statements.
import { pollStatus, RESIDENT_QUESTION, SLUG, STATEMENT_OPTIONS, statementKey } from '@tandem/core/protocol.js';
import * as v from 'valibot';
import { definitionProblems } from '../definition-problems.js';
import type { Problem } from '../errors.js';

// The protocol's own rules (ids, statement options, status, the duplicate key), re-exported
// for the collector's modules. Resident statements are questions "s-{n}"; staff question ids may not look like them.
export { pollStatus, RESIDENT_QUESTION, SLUG, STATEMENT_OPTIONS, statementKey };
export const QUESTION_TYPES = ['rating', 'faces', 'choice', 'statement'] as const;
export const SCALE_IDS = ['1', '2', '3', '4', '5'];
export const LIMITS = Object.freeze({ title: 200, intro: 1000, question: 500, label: 100, questions: 30, choices: 20 });

const words = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty (leave Welsh out rather than empty)'), v.maxLength(max, `must be at most ${max} characters`));

export const Text = (max: number) =>
  v.strictObject(
    { en: words(max), cy: v.optional(words(max)) },
    (issue) => (issue.expected === 'never' ? 'has only "en" and "cy" texts' : 'must be an object like { "en": "…", "cy": "…" }'),
  );

const Slug = (what: string) => v.pipe(v.string(), v.regex(SLUG, `must be a ${what}: lower-case letters, digits and dashes, at most 63`));
const Option = v.strictObject({ id: Slug('option id'), label: Text(LIMITS.label) });
const unique = (list: { id: string }[]) => new Set(list.map((item) => item.id)).size === list.length;

const Question = v.pipe(
  v.strictObject({
    id: v.pipe(Slug('question id'), v.check((id) => !RESIDENT_QUESTION.test(id), 'must not look like s-1: those ids are kept for residents’ statements')),
    type: v.picklist(QUESTION_TYPES, `must be one of ${QUESTION_TYPES.join(', ')}`),
    text: Text(LIMITS.question),
    options: v.optional(v.pipe(v.array(Option), v.check((list) => unique(list), 'must not use an option id twice'))),
  }),
  v.check((q) => q.type !== 'statement' || q.options === undefined, 'a statement has the fixed options agree, disagree and unsure: leave "options" out'),
  v.check(
    (q) => (q.type !== 'rating' && q.type !== 'faces') || (q.options?.map((o) => o.id).join() === SCALE_IDS.join()),
    'a rating or faces question has five options with ids "1" to "5", in that order, each with words',
  ),
  v.check((q) => q.type !== 'choice' || (q.options !== undefined && q.options.length >= 2 && q.options.length <= LIMITS.choices), `a choice question has 2 to ${LIMITS.choices} options`),
);

export type PollText = v.InferOutput<ReturnType<typeof Text>>;
export type PollOption = v.InferOutput<typeof Option>;
export type PollQuestion = v.InferOutput<typeof Question>;

/** An ISO 8601 timestamp. */
const Timestamp = v.pipe(v.string(), v.isoTimestamp('must be a date and time such as 2026-11-01T00:00:00Z'));

export const PollSchema = v.pipe(
  v.strictObject(
    {
      id: Slug('poll id'),
      site: Slug('site id'),
      title: Text(LIMITS.title),
      intro: v.optional(Text(LIMITS.intro)),
      opensAt: Timestamp,
      closesAt: Timestamp,
      allowStatements: v.boolean(),
      questions: v.pipe(
        v.array(Question),
        v.minLength(1, 'must have at least one question'),
        v.maxLength(LIMITS.questions, `must have at most ${LIMITS.questions} questions`),
        v.check((list) => unique(list), 'must not use a question id twice'),
      ),
    },
    (issue) => (issue.expected === 'never' ? 'is not a poll setting (check its spelling)' : 'must be an object'),
  ),
  v.check((poll) => Date.parse(poll.closesAt) > Date.parse(poll.opensAt), 'closesAt must be after opensAt'),
);

export type PollDefinition = v.InferOutput<typeof PollSchema>;

export function checkPoll(value: unknown): { ok: true, poll: PollDefinition } | { ok: false, problems: Problem[] } {
  const result = v.safeParse(PollSchema, value);
  if (result.success) return { ok: true, poll: result.output };
  return { ok: false, problems: definitionProblems(result.issues, '(poll)') };
}

/** The option ids a question takes. */
export const optionIds = (question: PollQuestion): readonly string[] => (question.type === 'statement' ? STATEMENT_OPTIONS : (question.options ?? []).map((o) => o.id));
