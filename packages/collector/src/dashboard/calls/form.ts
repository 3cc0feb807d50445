// The "Create a call for help" form: its values as typed, and the call they make, or the
// problems to fix, each named by its field in the form's order. Times are UK clock times.
import { randomUUID } from 'node:crypto';
import { slotOf } from '../../pledges/call-slot.js';
import { ukDayEnd, ukDayStart, ukInstant } from '../views/format.js';
import { areaIds } from '../offers/words.js';
import type { CallForHelp, PledgeList } from '../../store/store.js';
import type { Problem } from '../../errors.js';

export type CallFormValues = { way: string, area: string, date: string, start: string, end: string, people: string, details: string };

export const MAX_DETAILS = 2000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim().slice(0, max) : '');

// Cut only far past what is valid, so that what is checked is what was typed.
export const postedCallValues = (body: Record<string, unknown>): CallFormValues => ({
  way: text(body.way, 100), area: text(body.area, 100), date: text(body.date, 100), start: text(body.start, 100), end: text(body.end, 100),
  people: text(body.people, 100), details: text(body.details, MAX_DETAILS + 1),
});

export const emptyCallValues = (): CallFormValues => ({ way: '', area: '', date: '', start: '', end: '', people: '', details: '' });

/** The instant of a UK date and "HH:MM", or null. */
function at(date: string, time: string) {
  const match = TIME.exec(time);
  if (ukDayStart(date) === null || !match) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return ukInstant(year, month, day, Number(match[1]), Number(match[2]));
}

export function callFromForm(values: CallFormValues, list: PledgeList, { by, now }: { by: string, now: number }): { ok: true, call: CallForHelp } | { ok: false, problems: Problem[] } {
  const problems: Problem[] = [];
  const way = list.ways.find((w) => w.id === values.way);
  if (!way) problems.push({ field: 'way', message: 'Choose the way to help it needs' });
  const areas = way ? [...way.areas, ...(way.fromHome ? ['home'] : [])] : areaIds(list);
  if (!areaIds(list).includes(values.area)) problems.push({ field: 'area', message: 'Choose where it is, or from home' });
  else if (way && !areas.includes(values.area)) problems.push({ field: 'area', message: `${way.title.en} is not done there: choose one of its areas` });
  const startsAt = at(values.date, values.start);
  if (!values.date) problems.push({ field: 'date', message: 'Enter the date it happens' });
  else if (ukDayStart(values.date) === null) problems.push({ field: 'date', message: 'Enter a real date, like 2027-03-14' });
  else if ((ukDayEnd(values.date) ?? 0) <= now) problems.push({ field: 'date', message: 'The date must be today or in the future' });
  if (!TIME.test(values.start)) problems.push({ field: 'start', message: 'Enter the time it starts, like 09:30' });
  else if (startsAt !== null && startsAt <= now && !problems.some((p) => p.field === 'date')) problems.push({ field: 'start', message: 'The time must be later than now' });
  const endsAt = values.end ? at(values.date, values.end) : null;
  if (values.end && !TIME.test(values.end)) problems.push({ field: 'end', message: 'Enter the time it ends, like 12:00, or leave it empty' });
  else if (endsAt !== null && startsAt !== null && endsAt <= startsAt) problems.push({ field: 'end', message: 'The end must be after the start' });
  const people = Number(values.people);
  if (!/^\d{1,4}$/.test(values.people) || people < 1 || people > 1000) problems.push({ field: 'people', message: 'Enter how many people it needs, from 1 to 1000' });
  if (values.details.length > MAX_DETAILS) problems.push({ field: 'details', message: `Details must be ${MAX_DETAILS} characters or fewer` });
  if (problems.length || !way || startsAt === null) return { ok: false, problems };
  return {
    ok: true,
    call: {
      id: randomUUID(), listId: list.id, site: list.site, wayId: way.id, area: values.area, slot: slotOf(startsAt), startsAt, endsAt,
      peopleNeeded: people, details: values.details, status: 'open', createdBy: by, createdAt: now,
    },
  };
}
