// Small formatting shared by the pages and the CSV.

/** Staff read times as the clocks on their walls show them: UK time, GMT or BST. */
export const TIME_ZONE = 'Europe/London';
export const TIME_ZONE_LABEL = 'UK time';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The wall-clock fields of an instant in UK time. */
function wallClock(ms: number) {
  const field: Record<string, string> = {};
  for (const part of parts.formatToParts(ms)) field[part.type] = part.value;
  return field;
}

/** ms since the epoch → "2026-11-26 09:30" in UK time. */
export function formatTime(ms: number) {
  const { year, month, day, hour, minute } = wallClock(ms);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/** An ISO instant → its UK day, "2026-07-02". */
export const ukDay = (iso: string) => formatTime(Date.parse(iso)).slice(0, 10);

/** A real "YYYY-MM-DD" → the instant that UK day starts, or null. */
export function ukDayStart(text: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return null;
  const [year, month, day] = text.split('-').map(Number);
  return startOfUkDay(year as number, month as number, day as number);
}

/** A real "YYYY-MM-DD" → the instant the next UK day starts (the end of that one), or null. */
export function ukDayEnd(text: string) {
  const start = ukDayStart(text);
  if (start === null) return null;
  const [year, month, day] = text.split('-').map(Number);
  return startOfUkDay(year as number, month as number, (day as number) + 1);
}

/**
 * The instant a UK day starts (midnight, GMT or BST). The clocks change at 01:00 GMT, never at
 * midnight, so the offset an hour either side of the guess is the day's.
 * @param month 1-12
 */
export const startOfUkDay = (year: number, month: number, day: number) => ukInstant(year, month, day, 0, 0);

/**
 * The instant UK clocks show this date and time (GMT or BST): the guess read as UTC, less the
 * UK's offset at that moment. A time the clocks skip (01:30 on the spring change) comes out an
 * hour on, as the clocks would show it.
 * @param month 1-12
 */
export function ukInstant(year: number, month: number, day: number, hour: number, minute: number) {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (ms: number) => {
    const { year: y, month: m, day: d, hour: h, minute: min } = wallClock(ms);
    return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(h), Number(min)) - ms;
  };
  const instant = guess - offsetAt(guess);
  // In the spring gap the offset just before the change is the one the clocks skip from.
  return offsetAt(instant) === offsetAt(guess) ? instant : guess - offsetAt(instant);
}

export function answerLabel(answers: Record<string, unknown>) {
  if (answers.useful === true) return 'Yes';
  if (answers.useful === false) return 'No';
  if (answers.reason === 'not-useful') return 'No: said why';
  if (answers.reason === 'problem') return 'Problem';
  if (answers.reason === 'more') return 'Wanted more';
  return 'Other';
}
