// Calls for help: the list, soonest first, with who was asked and who said yes; the business
// case (hours given, valued, beside the finder's contacts avoided); and the form for a new call.
import { queryString } from '../filters.js';
import { html, tableScroller } from '../html.js';
import { areaIds, areaName, wayTitle } from '../offers/words.js';
import { formatTime } from './format.js';
import { layout, pageTop, select } from './layout.js';
import { field } from './polls.js';
import type { CallFormValues } from '../calls/form.js';
import type { CallStatus, CallSummary, PledgeList } from '../../store/store.js';
import type { Problem } from '../../errors.js';
import type { User } from './layout.js';

export const CALL_STATUS_LABELS: Record<CallStatus, string> = { open: 'Open', done: 'Done', cancelled: 'Cancelled' };
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const hoursText = (hours: number) => `${Number(hours.toFixed(2))} ${hours === 1 ? 'hour' : 'hours'}`;
export const callPath = (id: string) => `/dashboard/offers/calls/${encodeURIComponent(id)}`;

/** "2027-03-14 09:30 to 12:00 UK time" */
export function callTime(call: { startsAt: number, endsAt: number | null }) {
  const start = formatTime(call.startsAt);
  if (call.endsAt === null) return `${start} UK time`;
  const end = formatTime(call.endsAt);
  // The end's date only when it is another day.
  return `${start} to ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end} UK time`;
}

export type BusinessCase = {
  hours: number;
  people: number;
  valuePerHour: number | null;
  /** The finder's needs answered over the last 90 days: each a call or visit avoided. */
  contactsAvoided: number;
  costPerContact: number | null;
};

function businessCase({ hours, people, valuePerHour, contactsAvoided, costPerContact }: BusinessCase) {
  return html`<h2 id="business-case">Business case</h2>
${tableScroller('business-caption')}
<table class="table">
<caption class="table__caption" id="business-caption">What residents gave, and what the finder saved</caption>
<thead><tr><th scope="col">Measure</th><th scope="col" class="numeric">Figure</th></tr></thead>
<tbody>
<tr><th scope="row">Hours given on calls for help</th><td class="numeric">${hoursText(hours)}</td></tr>
<tr><th scope="row">People who gave them</th><td class="numeric">${people}</td></tr>
${valuePerHour === null ? '' : html`<tr><th scope="row">Worth, at ${pounds.format(valuePerHour)} an hour</th><td class="numeric">${pounds.format(hours * valuePerHour)}</td></tr>`}
<tr><th scope="row">Contacts the finder avoided, last 90 days (estimate)</th><td class="numeric">${contactsAvoided}</td></tr>
${costPerContact === null ? '' : html`<tr><th scope="row">Saving, at ${pounds.format(costPerContact)} a contact (estimate)</th><td class="numeric">${pounds.format(contactsAvoided * costPerContact)}</td></tr>`}
</tbody>
</table>
</div>
${valuePerHour === null ? html`<p>To value the hours in pounds, set <code>valuePerVolunteerHour</code> in the collector's configuration.</p>` : ''}`;
}

export function callsPage({ user, list, lists, calls, business, notice }: { user: User, list: PledgeList | undefined, lists: PledgeList[], calls: CallSummary[], business: BusinessCase, notice?: string }) {
  return layout({
    section: 'offers',
    title: 'Calls for help',
    user,
    body: html`${pageTop({ notice, back: [`/dashboard/offers${queryString({ list: list?.id ?? '' })}`, 'Back to offers of help'] })}
<h1>Calls for help</h1>
<p>Ask for people for one task. Tandem proposes the residents whose offers fit, those asked least recently first, and nobody more often than the collector allows in a month.</p>
${list
  ? html`${lists.length > 1 ? html`<form class="filters" method="get" action="/dashboard/offers/calls"><div class="filters__row">${select('list', 'Ways to help list', list.id, lists.map((l) => [l.id, l.title.en]))}</div><button class="button" type="submit">Show</button></form>` : ''}
<p><a class="link-button" href="/dashboard/offers/calls/new${queryString({ list: list.id })}">Create a call for help</a></p>
${calls.length === 0
  ? html`<p>There are no calls for help yet.</p>`
  : html`${tableScroller('calls-caption')}
<table class="table">
<caption class="table__caption" id="calls-caption">Calls for help in ${list.title.en}, soonest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Way to help</th><th scope="col">Where</th><th scope="col" class="numeric">People needed</th><th scope="col" class="numeric">Asked</th><th scope="col" class="numeric">Said yes</th><th scope="col" class="numeric">Hours given</th><th scope="col">Status</th></tr></thead>
<tbody>
${calls.map((call) => html`<tr>
<td><a href="${callPath(call.id)}">${callTime(call)}</a></td>
<td>${wayTitle(list, call.wayId)}</td><td>${areaName(list, call.area)}</td>
<td class="numeric">${call.peopleNeeded}</td><td class="numeric">${call.asked}</td><td class="numeric">${call.yes}</td><td class="numeric">${Number(call.hours.toFixed(2))}</td>
<td>${CALL_STATUS_LABELS[call.status]}</td>
</tr>`)}
</tbody>
</table>
</div>`}`
  : html`<p>There are no ways to help lists yet.</p>`}
${businessCase(business)}`,
  });
}

export function newCallPage({ user, list, values, problems }: { user: User, list: PledgeList, values: CallFormValues, problems: Problem[] }) {
  const problem = (name: string) => problems.find((p) => p.field === name);
  const choice = (name: 'way' | 'area', label: string, options: [string, string][]) => html`<div class="form-group${problem(name) ? ' form-group--error' : ''}">
<label class="label" for="${name}">${label}</label>
${problem(name) ? html`<p class="error-message" id="${name}-error"><span class="visually-hidden">Error:</span> ${problem(name)?.message}</p>` : ''}
<select class="select" id="${name}" name="${name}"${problem(name) ? html` aria-describedby="${name}-error"` : ''}>
${[['', 'Choose'] as [string, string], ...options].map(([value, text]) => html`<option value="${value}"${value === values[name] ? html` selected` : ''}>${text}</option>`)}
</select>
</div>`;
  return layout({
    section: 'offers',
    title: 'Create a call for help',
    user,
    hasErrors: problems.length > 0,
    body: html`${pageTop({ problems, back: [`/dashboard/offers/calls${queryString({ list: list.id })}`, 'Back to calls for help'] })}
<h1>Create a call for help</h1>
<p>For one task in ${list.title.en}. Residents are not told by Tandem: you ask the people it proposes, and record who said yes.</p>
<form method="post" action="/dashboard/offers/calls/new${queryString({ list: list.id })}" novalidate>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
${choice('way', 'Way to help', list.ways.map((way) => [way.id, way.title.en]))}
${choice('area', 'Where', areaIds(list).map((id) => [id, areaName(list, id)]))}
${field({ name: 'date', label: 'Date', value: values.date, problems, type: 'date', hint: 'For example, 2027-03-14' })}
${field({ name: 'start', label: 'Starts at (UK time)', value: values.start, problems, type: 'time', hint: 'For example, 09:30' })}
${field({ name: 'end', label: 'Ends at (UK time, optional)', value: values.end, problems, type: 'time' })}
${field({ name: 'people', label: 'How many people it needs', value: values.people, problems, type: 'number' })}
${field({ name: 'details', label: 'Details for staff (optional)', value: values.details, problems, textarea: true, rows: 4, hint: 'What it is and where to meet, for whoever asks the residents. Write nothing about a resident.' })}
<div class="button-group">
<button class="button" type="submit">Create the call</button>
</div>
</form>`,
  });
}
