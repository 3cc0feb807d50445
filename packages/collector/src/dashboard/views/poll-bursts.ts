// The warning on a poll's page when one connection brought it as many new participants in an
// hour as it may, or more: the sign of one person voting again and again (or of a busy
// library). Staff see when and how many, never the address, which is not kept.
import { spreadsheetCsv } from '../csv.js';
import { html } from '../html.js';
import { formatTime, TIME_ZONE_LABEL } from './format.js';
import type { PollBurst } from '../../store/store.js';

const HOUR_MS = 60 * 60 * 1000;

/** "On 2026-12-03, between 14:00 and 15:00 UK time" (the end read on its own, for the change of clocks). */
function hourLabel(hourStart: number) {
  const [day, start] = formatTime(hourStart).split(' ');
  const end = formatTime(hourStart + HOUR_MS).split(' ')[1];
  return `On ${day}, between ${start} and ${end} ${TIME_ZONE_LABEL}`;
}

const people = (n: number) => `${n} new participant${n === 1 ? '' : 's'}`;

export function burstsWarning(bursts: PollBurst[], csvPath: string) {
  if (!bursts.length) return '';
  return html`<div class="warning" role="region" aria-labelledby="bursts-heading">
<h2 id="bursts-heading">Many new participants from one connection</h2>
<ul>${bursts.map((b) => html`<li>${hourLabel(b.hourStart)}, ${people(b.participants)} came from one connection.</li>`)}</ul>
<p>Each connection may bring this poll only so many new participants an hour; those over the limit were not counted. This can be one person answering again and again, or many people at one library or office.</p>
<p><a href="${csvPath}">Download these hours as CSV</a></p>
</div>`;
}

export const BURST_HEADERS = [`Hour starting (${TIME_ZONE_LABEL})`, 'New participants from the busiest connection'];

export const burstsCsv = (bursts: PollBurst[]) => `\ufeff${spreadsheetCsv([BURST_HEADERS, ...bursts.map((b) => [formatTime(b.hourStart), b.participants])])}`;
