// "Offers of help": filters, how many offers each way to help has, and the offers newest
// first, their contact details masked (in full only on an offer's own page).
import { queryString } from '../filters.js';
import { html, tableScroller } from '../html.js';
import { COUNCIL, partnersOf, type OfferFilterValues } from '../offers/filters.js';
import { areaIds, areaName, arrangedBy, SLOT_LABELS, SLOTS, STATUS_LABELS, wayTitle } from '../offers/words.js';
import { OFFER_STATUSES } from '../../store/pledge-store.js';
import { formatTime } from './format.js';
import { layout, select } from './layout.js';
import { offerCounts } from './offer-counts.js';
import type { OfferCounts, OfferSummary, PledgeList } from '../../store/store.js';
import type { User } from './layout.js';

export type OffersState = {
  user: User;
  lists: PledgeList[];
  list: PledgeList | undefined;
  values: OfferFilterValues;
  /** The ways the filters take (a way, or a partner's), if they narrow them. */
  ways?: string[] | undefined;
  counts: OfferCounts;
  /** Each offer with its contact details masked. */
  rows: (OfferSummary & { contact: string })[];
  total: number;
  page: number;
  pageSize: number;
};

const offerPath = (id: string) => `/dashboard/offers/${encodeURIComponent(id)}`;

/** What the counts and list take, in words: "Current offers", "Offers marked Active", "All offers". */
function scopeOf(values: OfferFilterValues) {
  if (values.status === 'all') return 'All offers';
  if (values.status) return `Offers marked ${STATUS_LABELS[values.status as keyof typeof STATUS_LABELS]}`;
  return 'Current offers';
}

function filterForm({ lists, list, values }: OffersState) {
  if (!list) return '';
  return html`<form class="filters" method="get" action="/dashboard/offers">
<h2>Filter offers</h2>
<div class="filters__row">
${lists.length > 1 ? select('list', 'Ways to help list', values.list, lists.map((l) => [l.id, l.title.en])) : html`<input type="hidden" name="list" value="${list.id}">`}
${select('status', 'Status', values.status, [['', 'Current (not withdrawn or not suitable)'], ...OFFER_STATUSES.map((s) => [s, STATUS_LABELS[s]] as [string, string]), ['all', 'Any status']])}
${select('way', 'Way to help', values.way, [['', 'Any way to help'], ...list.ways.map((w) => [w.id, w.title.en] as [string, string])])}
${select('partner', 'Arranged by', values.partner, [['', 'Anyone'], [COUNCIL, 'The council'], ...partnersOf(list).map((p) => [p, p] as [string, string])])}
</div>
<div class="filters__row">
${select('area', 'Area', values.area, [['', 'Any area'], ...areaIds(list).map((id) => [id, areaName(list, id)] as [string, string])])}
${select('slot', 'Time of the week', values.slot, [['', 'Any time'], ...SLOTS.map((id) => [id, SLOT_LABELS[id] ?? id] as [string, string])])}
</div>
<div class="button-group">
<button class="button" type="submit">Apply filters</button>
<a class="link-button" href="/dashboard/offers${queryString({ list: lists.length > 1 ? list.id : '' })}">Clear filters</a>
</div>
</form>`;
}

function offersTable(state: OffersState) {
  const { list, rows, total, page, pageSize, values } = state;
  const first = (page - 1) * pageSize + 1;
  const scope = scopeOf(values);
  return html`<h2 id="offers-heading">${scope}</h2>
<p><a class="link-button" href="/dashboard/offers/export.csv${queryString(values)}">Download these ${total} offers as CSV<span class="visually-hidden"> (without contact details)</span></a></p>
${rows.length === 0
  ? html`<p>No offers match these filters.</p>`
  : html`${tableScroller('offers-caption')}
<table class="table">
<caption class="table__caption" id="offers-caption">${scope}, newest first: ${first} to ${first + rows.length - 1} of ${total}. Contact details are shown in full on each offer's page.</caption>
<thead><tr>
<th scope="col">Received (UK time)</th><th scope="col">Ways to help</th><th scope="col">Where</th><th scope="col">When</th>
<th scope="col">Contact</th><th scope="col">Arranged by</th><th scope="col">Status</th>
</tr></thead>
<tbody>
${rows.map((row) => html`<tr>
<td><a href="${offerPath(row.id)}">${formatTime(row.createdAt)}<span class="visually-hidden">: offer from ${row.contact}</span></a></td>
<td>${row.ways.map((id) => wayTitle(list, id)).join(', ')}</td>
<td>${row.areas.map((id) => areaName(list, id)).join(', ')}</td>
<td>${row.when.map((id) => SLOT_LABELS[id] ?? id).join(', ')}</td>
<td>${row.contact}</td>
<td>${arrangedBy(list, row.ways)}</td>
<td>${STATUS_LABELS[row.status]}${row.age === 'young' ? html`<br><strong class="tag">Guardian to confirm</strong>` : ''}</td>
</tr>`)}
</tbody>
</table>
</div>`}
${pagination(values, total, page, pageSize)}`;
}

function pagination(values: OfferFilterValues, total: number, asked: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return '';
  const page = Math.min(asked, pages);
  return html`<nav class="pagination" aria-label="Pages of offers">
${page > 1 ? html`<a class="link-button" rel="prev" href="/dashboard/offers${queryString(values, { p: page - 1 })}">Previous page</a>` : ''}
<span class="pagination__position">Page ${page} of ${pages}</span>
${page < pages ? html`<a class="link-button" rel="next" href="/dashboard/offers${queryString(values, { p: page + 1 })}">Next page</a>` : ''}
</nav>`;
}

export function offersPage(state: OffersState) {
  const { list } = state;
  return layout({
    section: 'offers',
    title: 'Offers of help',
    user: state.user,
    body: html`<h1>Offers of help</h1>
${list
  ? html`<p>Residents' offers from <strong>${list.title.en}</strong>: what they could do, where and when. Open an offer to see how to get in touch, and to move it on.</p>
<ul class="list list--links">
<li><a href="/dashboard/offers/calls${queryString({ list: list.id })}">Calls for help</a>: ask the residents whose offers fit a task, fairly, and record the hours they give</li>
<li><a href="/dashboard/offers/volunteering.jsonld${queryString({ list: list.id })}">Download the ways to help and open calls for help</a> in the volunteering data standard (JSON-LD, no personal data), for a volunteer centre or platform to list</li>
</ul>
${filterForm(state)}
${offerCounts(list, state.counts, scopeOf(state.values), state.ways)}
${offersTable(state)}`
  : html`<p>There are no ways to help lists yet. Name one in the collector's configuration (<code>"pledges"</code>) to take offers of help.</p>`}`,
  });
}
