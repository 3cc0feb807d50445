/**
 * Checks the collector's answer before the widget trusts it, and names the field that is
 * wrong ("questions[2].options must be a list"). Hand-written rather than a schema library:
 * the shape is small, and this runs on every council page with a poll.
 */
import type { PollView } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => isObject(v) && typeof v.en === 'string' && (v.cy === undefined || typeof v.cy === 'string');
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

/** The first problem found, as `[field, what is wrong]`, or undefined when it is a poll. */
export function pollProblem(value: unknown): [string, string] | undefined {
  if (!isObject(value)) return ['(body)', 'must be an object'];
  for (const key of ['id', 'site', 'opensAt', 'closesAt']) if (typeof value[key] !== 'string') return [key, 'must be text'];
  if (!isText(value.title)) return ['title', 'must be text in English (and Welsh)'];
  for (const key of ['intro', 'policy', 'response']) if (value[key] != null && !isText(value[key])) return [key, 'must be text in English (and Welsh), or null'];
  if (!['upcoming', 'open', 'closed'].includes(value.status as string)) return ['status', 'must be "upcoming", "open" or "closed"'];
  if (typeof value.allowStatements !== 'boolean') return ['allowStatements', 'must be true or false'];
  if (!Array.isArray(value.questions)) return ['questions', 'must be a list'];
  for (const [i, q] of value.questions.entries()) {
    const at = `questions[${i}]`;
    if (!isObject(q)) return [at, 'must be an object'];
    if (typeof q.id !== 'string' || !q.id) return [`${at}.id`, 'must be text'];
    if (!['rating', 'faces', 'choice', 'statement'].includes(q.type as string)) return [`${at}.type`, 'must be rating, faces, choice or statement'];
    if (!isText(q.text)) return [`${at}.text`, 'must be text in English (and Welsh)'];
    if (!Array.isArray(q.options) || q.options.length === 0) return [`${at}.options`, 'must be a list of options'];
    for (const [j, option] of q.options.entries()) {
      if (!isObject(option) || typeof option.id !== 'string' || !option.id) return [`${at}.options[${j}].id`, 'must be text'];
      if (option.label !== null && !isText(option.label)) return [`${at}.options[${j}].label`, 'must be text in English (and Welsh), or null'];
    }
    const results = q.results;
    if (!isObject(results) || !isCount(results.total) || !isObject(results.counts)) return [`${at}.results`, 'must have a total and counts'];
    if (!Object.values(results.counts).every(isCount)) return [`${at}.results.counts`, 'must be whole numbers'];
  }
  if (value.mine !== undefined) {
    const mine = value.mine;
    if (!isObject(mine) || !isObject(mine.answers) || !Array.isArray(mine.statements)) return ['mine', 'must have answers and statements'];
    if (!Object.values(mine.answers).every((a) => typeof a === 'string')) return ['mine.answers', 'must be option ids'];
    for (const [i, s] of mine.statements.entries()) {
      if (!isObject(s) || typeof s.id !== 'string' || typeof s.text !== 'string') return [`mine.statements[${i}]`, 'must have an id and text'];
      if (!['pending', 'published', 'rejected'].includes(s.status as string)) return [`mine.statements[${i}].status`, 'must be pending, published or rejected'];
      if (s.reason != null && typeof s.reason !== 'string') return [`mine.statements[${i}].reason`, 'must be text or null'];
      if (s.reply != null && !isText(s.reply)) return [`mine.statements[${i}].reply`, 'must be text in English (and Welsh), or null'];
    }
  }
  return undefined;
}
