// The dashboard's poll form, to and from a poll definition. It works without JavaScript: a
// fixed set of question slots (the poll's questions and two empty ones), options as lines of
// "English | Welsh", and dates (a poll opens at the start of its first day and closes at the
// end of its last, in UK time). The definition is then checked by the same schema as poll files.
import { checkPoll, LIMITS, SCALE_IDS, SLUG } from '../polls/definition.js';
import { ukDay, ukDayEnd, ukDayStart } from './views/format.js';
import type { PollDefinition, PollQuestion } from '../polls/definition.js';
import type { Problem } from '../errors.js';


export const EMPTY_SLOTS = 2;

/** The words of a rating and of faces when staff leave the options empty. */
export const DEFAULT_SCALES = ({
  rating: 'Very poor | Gwael iawn\nPoor | Gwael\nFair | Gweddol\nGood | Da\nVery good | Da iawn',
  faces: 'Very unhappy | Anhapus iawn\nUnhappy | Anhapus\nNeither happy nor unhappy | Ddim yn hapus nac yn anhapus\nHappy | Hapus\nVery happy | Hapus iawn',
} as Record<'rating' | 'faces', string>);
export const TYPE_LABELS = ({ rating: 'Rating from 1 to 5, with words', faces: 'Five faces, with words', choice: 'Choose one', statement: 'Statement: agree, disagree or unsure' } as const);

/** What the form shows: every field as text. */
export type PollFormValues = {
  id: string;
  site: string;
  title_en: string;
  title_cy: string;
  intro_en: string;
  intro_cy: string;
  /** YYYY-MM-DD */
  opens: string;
  /** YYYY-MM-DD */
  closes: string;
  allowStatements: boolean;
  questions: { id: string, type: string, en: string, cy: string, options: string }[];
};

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '');

const line = (label: { en: string, cy?: string }) => (label.cy ? `${label.en} | ${label.cy}` : label.en);

/** A definition as form values, with empty slots to add questions. */
export function formValues(poll: PollDefinition | null, site: string = '') {
  const questions: PollFormValues['questions'] = (poll?.questions ?? []).map((q) => ({ id: q.id, type: q.type, en: q.text.en, cy: q.text.cy ?? '', options: (q.options ?? []).map((o) => line(o.label)).join('\n') }));
  const empty = Math.min(EMPTY_SLOTS, LIMITS.questions - questions.length);
  for (let i = 0; i < empty; i++) questions.push({ id: '', type: 'rating', en: '', cy: '', options: '' });
  return {
    id: poll?.id ?? '',
    site: poll?.site ?? site,
    title_en: poll?.title.en ?? '',
    title_cy: poll?.title.cy ?? '',
    intro_en: poll?.intro?.en ?? '',
    intro_cy: poll?.intro?.cy ?? '',
    opens: poll ? ukDay(poll.opensAt) : '',
    closes: poll ? ukDay(poll.closesAt) : '',
    allowStatements: poll?.allowStatements ?? true,
    questions,
  };
}

/** The posted form as values (slots as many as were posted, at most the limit). */
export function postedValues(body: Record<string, unknown>) {
  const questions = [];
  for (let i = 0; i < LIMITS.questions && `q${i}_type` in body; i++) {
    questions.push({ id: text(body[`q${i}_id`]).toLowerCase(), type: text(body[`q${i}_type`]), en: text(body[`q${i}_en`]), cy: text(body[`q${i}_cy`]), options: text(body[`q${i}_options`]) });
  }
  return {
    id: text(body.id).toLowerCase(),
    site: text(body.site),
    title_en: text(body.title_en),
    title_cy: text(body.title_cy),
    intro_en: text(body.intro_en),
    intro_cy: text(body.intro_cy),
    opens: text(body.opens),
    closes: text(body.closes),
    allowStatements: body.allowStatements === 'yes',
    questions,
  };
}

const slugOf = (value: string): string => value.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');

const words = (en: string, cy: string) => (cy ? { en, cy } : { en });

const isDay = (day: string) => ukDayStart(day) !== null;
/** @returns "2026-06-30T23:00:00Z", as poll files write it */
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Checks the posted values and builds the definition. Option ids stay the same when an option's
 * English words do, so editing a poll keeps its counts.
 * @param context previous: the poll being edited.
 */
export function pollFromForm(values: PollFormValues, { siteIds, previous }: { siteIds: string[], previous: PollDefinition | null }): { ok: true, poll: PollDefinition } | { ok: false, problems: Problem[] } {
  const problems: Problem[] = [];
  const id = previous?.id ?? values.id;
  if (!previous && !SLUG.test(id)) problems.push({ field: 'id', message: 'Enter a poll id of lower-case letters, digits and dashes, such as day-centres-2026' });
  // The dashboard's own addresses under /dashboard/polls/.
  else if (!previous && (id === 'new' || id === 'policies')) problems.push({ field: 'id', message: `Choose another poll id: "${id}" is kept for the dashboard` });
  if (!siteIds.includes(values.site)) problems.push({ field: 'site', message: 'Select the site the poll is for' });
  if (!values.title_en) problems.push({ field: 'title_en', message: 'Enter the poll’s title in English' });
  if (!isDay(values.opens)) problems.push({ field: 'opens', message: 'Enter the day the poll opens as a real date, for example 2026-11-01' });
  if (!isDay(values.closes)) problems.push({ field: 'closes', message: 'Enter the day the poll closes as a real date, for example 2027-01-31' });
  else if (isDay(values.opens) && values.closes < values.opens) problems.push({ field: 'closes', message: 'The closing day must be the same as or after the opening day' });

  const questions: PollQuestion[] = [];
  /** The slot each question came from, to name its fields in errors. */
  const slots: number[] = [];
  const taken = new Set();
  values.questions.forEach((q, slot) => {
    if (!q.en) {
      if (q.cy || q.options) problems.push({ field: `q${slot}_en`, message: `Enter question ${slot + 1} in English, or empty all its fields to remove it` });
      return;
    }
    const type = q.type as PollQuestion['type'];
    if (!Object.hasOwn(TYPE_LABELS, type)) return void problems.push({ field: `q${slot}_type`, message: `Select the kind of question ${slot + 1}` });
    let qid = q.id || slugOf(q.en) || `q${slot + 1}`;
    if (!q.id) for (let n = 2; taken.has(qid) || /^s-\d+$/.test(qid); n++) qid = `${slugOf(q.en) || 'q'}-${n}`;
    taken.add(qid);
    const question = ({ id: qid, type, text: words(q.en, q.cy) } as PollQuestion);
    if (type !== 'statement') {
      const lines = (q.options || (type === 'choice' ? '' : DEFAULT_SCALES[type])).split('\n').map((l) => l.trim()).filter(Boolean);
      const labels = lines.map((l) => {
        const [en = '', ...cy] = l.split('|');
        return words(en.trim(), cy.join('|').trim());
      });
      if (labels.some((label) => !label.en)) problems.push({ field: `q${slot}_options`, message: `Give every option of question ${slot + 1} its English words before the |` });
      if (type === 'choice') {
        if (labels.length < 2 || labels.length > LIMITS.choices) problems.push({ field: `q${slot}_options`, message: `Give question ${slot + 1} from 2 to ${LIMITS.choices} options, one a line` });
        const before = previous?.questions.find((p) => p.id === qid)?.options ?? [];
        const used = new Set();
        question.options = labels.map((label) => {
          let oid = before.find((o) => o.label.en === label.en && !used.has(o.id))?.id ?? (slugOf(label.en) || 'option');
          for (let n = 2; used.has(oid); n++) oid = `${slugOf(label.en) || 'option'}-${n}`;
          used.add(oid);
          return { id: oid, label };
        });
      } else {
        if (labels.length !== 5) problems.push({ field: `q${slot}_options`, message: `Give question ${slot + 1} five lines of words, from the lowest to the highest, or leave them empty for the usual words` });
        question.options = labels.slice(0, 5).map((label, i) => ({ id: SCALE_IDS[i] as string, label }));
      }
    }
    questions.push(question);
    slots.push(slot);
  });
  if (!questions.length && !problems.some((p) => p.field.startsWith('q'))) problems.push({ field: 'q0_en', message: 'Add at least one question' });
  if (problems.length) return { ok: false, problems };

  const definition = {
    id,
    site: values.site,
    title: words(values.title_en, values.title_cy),
    ...(values.intro_en ? { intro: words(values.intro_en, values.intro_cy) } : {}),
    opensAt: isoSeconds(ukDayStart(values.opens) as number),
    closesAt: isoSeconds((ukDayEnd(values.closes) as number) - 1000),
    allowStatements: values.allowStatements,
    questions,
  };
  const checked = checkPoll(definition);
  if (checked.ok) return checked;
  return { ok: false, problems: checked.problems.map((problem) => formProblem(problem, slots)) };
}

const TOP_FIELDS = ({
  id: ['id', 'Poll id'], site: ['site', 'Site'], 'title.en': ['title_en', 'Title (English)'], 'title.cy': ['title_cy', 'Title (Welsh)'],
  'intro.en': ['intro_en', 'Introduction (English)'], 'intro.cy': ['intro_cy', 'Introduction (Welsh)'], opensAt: ['opens', 'Opens'], closesAt: ['closes', 'Closes'],
} as Record<string, [string, string]>);

/** A schema problem, named by the form field it is about. */
function formProblem({ field, message }: Problem, slots: number[]) {
  const top = TOP_FIELDS[field];
  if (top) return { field: top[0], message: `${top[1]}: ${message}` };
  const match = /^questions\.(\d+)(?:\.(.*))?$/.exec(field);
  if (match) {
    const slot = slots[Number(match[1])] ?? 0;
    const rest = match[2] ?? '';
    const [name, label] = rest.startsWith('options') ? ['options', 'options'] : rest === 'id' ? ['id', 'short name'] : rest === 'text.cy' ? ['cy', 'Welsh'] : ['en', 'English'];
    return { field: `q${slot}_${name}`, message: `Question ${slot + 1} (${label}): ${message}` };
  }
  return { field: field === '(poll)' ? 'closes' : 'q0_en', message };
}
