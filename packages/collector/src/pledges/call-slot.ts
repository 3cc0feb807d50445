// The time of the week a call for help falls in, as residents offered their time: weekdays or
// weekends × mornings (before noon), afternoons (noon to 5pm) or evenings, by UK clocks.
import type { WhenSlot } from '@tandem/core/protocol.js';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });

export function slotOf(ms: number): WhenSlot {
  const parts = Object.fromEntries(clock.formatToParts(ms).map((part) => [part.type, part.value]));
  const week = parts.weekday === 'Sat' || parts.weekday === 'Sun' ? 'weekends' : 'weekdays';
  const hour = Number(parts.hour);
  const day = hour < 12 ? 'mornings' : hour < 17 ? 'afternoons' : 'evenings';
  return `${week}-${day}`;
}
