// The finder's page: what residents needed, what found nothing, what did not help, the
// answered rate and the contacts it avoided, over 7, 30 and 90 days, for one site or all.
import { queryString } from '../filters.js';
import { html, tableScroller } from '../html.js';
import { PERIODS } from '../finder-filters.js';
import { formatTime } from './format.js';
import { layout, select } from './layout.js';
import type { FinderNeed, FinderNotHelped, FinderPeriod, FinderSummary } from '../../store/store.js';
import type { User } from './layout.js';

export type FinderState = {
  user: User;
  parsed: ReturnType<typeof import('../finder-filters.js').parseFinderFilters>;
  siteIds: string[];
  summary: FinderSummary;
  top: FinderNeed[];
  unanswered: FinderNeed[];
  notHelped: FinderNotHelped[];
  notHelpedTotal: number;
  pageSize: number;
  costPerContact: number | null;
};

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const percent = (rate: number | null) => (rate === null ? 'None yet' : `${Math.round(rate * 100)}%`);
const none = html`<span class="none">None</span>`;

function filterForm({ parsed, siteIds }: FinderState) {
  return html`<form class="filters" method="get" action="/dashboard/finder">
<h2>Choose a site and period</h2>
<div class="filters__row">
${select('site', 'Site', parsed.values.site, [['', 'All sites'], ...siteIds.map((id) => [id, id] as [string, string])])}
${select('period', 'Lists cover', parsed.values.period, PERIODS.map((days) => [String(days), `The last ${days} days`] as [string, string]))}
</div>
<div class="button-group">
<button class="button" type="submit">Show</button>
</div>
</form>`;
}

function summaryTable({ summary, costPerContact }: FinderState) {
  const row = (label: string, cell: (p: FinderPeriod) => unknown) => html`<tr><th scope="row">${label}</th>${PERIODS.map((days) => html`<td class="numeric">${cell(summary[days])}</td>`)}</tr>`;
  return html`<h2>Needs and answers</h2>
${tableScroller('summary-caption')}
<table class="table">
<caption class="table__caption" id="summary-caption">What residents searched for, and whether it answered their need, over the last 7, 30 and 90 days</caption>
<thead><tr><th scope="col">Measure</th>${PERIODS.map((days) => html`<th scope="col" class="numeric">${days} days</th>`)}</tr></thead>
<tbody>
${row('Needs (searches)', (p) => p.needs)}
${row('Needs with no answer (nothing found)', (p) => p.noAnswer)}
${row('Needs where a result was chosen', (p) => p.chosen)}
${row('"Did this answer your need?": Yes', (p) => p.helpedYes)}
${row('"Did this answer your need?": No', (p) => p.helpedNo)}
${row('Needs answered', (p) => p.answered)}
${row('Answered rate', (p) => percent(p.answeredRate))}
${row('Contacts avoided (estimate)', (p) => p.answered)}
${costPerContact === null ? '' : row(`Saving at ${pounds.format(costPerContact)} a contact (estimate)`, (p) => pounds.format(p.answered * costPerContact))}
</tbody>
</table>
</div>
<h3>How these are counted</h3>
<p>A need is a search that settled (the resident stopped typing, pressed Enter or left the box), not every key. When a resident chooses a result, the finder sends the search again with their choice; that counts as the same need when the same words were searched on the same page in the 10 minutes before.</p>
<p>A need is answered when the resident chose a result, less each "No" to "Did this answer your need?". Contacts avoided counts each answered need as one call or visit the council did not have to take. Both are estimates that err low.</p>
${costPerContact === null
  ? html`<p>To show a saving in pounds, set <code>costPerContact</code> (what one call or visit costs the council) in the collector's configuration.</p>`
  : html`<p>The saving uses ${pounds.format(costPerContact)} a contact, from the collector's configuration (<code>costPerContact</code>).</p>`}`;
}

function needsTable(title: string, caption: string, needs: FinderNeed[], withCounts: boolean, download: string) {
  const id = `${title.toLowerCase().replace(/[^a-z]+/g, '-')}-caption`;
  return html`<h2>${title}</h2>
${needs.length === 0
  ? html`<p>None in this period.</p>`
  : html`<p><a class="link-button" href="${download}">Download this list as CSV<span class="visually-hidden">: ${title}</span></a></p>
${tableScroller(id)}
<table class="table">
<caption class="table__caption" id="${id}">${caption}</caption>
<thead><tr><th scope="col">What they typed</th><th scope="col" class="numeric">Needs</th>
${withCounts ? html`<th scope="col" class="numeric">Found nothing</th><th scope="col" class="numeric">Chose a result</th>` : ''}
<th scope="col">Last searched (UK time)</th></tr></thead>
<tbody>
${needs.map((need) => html`<tr>
<td class="resident-text">${need.query || none}</td><td class="numeric">${need.needs}</td>
${withCounts ? html`<td class="numeric">${need.noResults ?? 0}</td><td class="numeric">${need.chosen ?? 0}</td>` : ''}
<td>${formatTime(need.lastAt)}</td>
</tr>`)}
</tbody>
</table>
</div>`}`;
}

function notHelpedTable({ parsed, notHelped, notHelpedTotal, pageSize }: FinderState) {
  const first = (parsed.page - 1) * pageSize + 1;
  const last = first + notHelped.length - 1;
  const pages = Math.max(1, Math.ceil(notHelpedTotal / pageSize));
  return html`<h2>Answers that did not help</h2>
${notHelped.length === 0
  ? html`<p>No resident said an answer did not help in this period.</p>`
  : html`<p><a class="link-button" href="/dashboard/finder/export.csv${queryString(parsed.values, { list: 'not-helped' })}">Download all ${notHelpedTotal} as CSV<span class="visually-hidden">: answers that did not help</span></a></p>
${tableScroller('not-helped-caption')}
<table class="table">
<caption class="table__caption" id="not-helped-caption">"No" to "Did this answer your need?", with what residents needed in their own words, newest first: ${first} to ${last} of ${notHelpedTotal}</caption>
<thead><tr><th scope="col">Received (UK time)</th><th scope="col">Page</th><th scope="col">Searched for</th><th scope="col">Answer chosen</th><th scope="col">What they needed</th></tr></thead>
<tbody>
${notHelped.map((row) => html`<tr>
<td>${formatTime(row.receivedAt)}</td>
<td><span class="page-title">${row.pageTitle}</span> <span class="page-url">${row.site}: ${row.pageUrl}</span></td>
<td class="resident-text">${row.query || none}</td>
<td>${row.chosen || none}</td>
<td class="resident-text">${row.need || none}</td>
</tr>`)}
</tbody>
</table>
</div>
${pages > 1
  ? html`<nav class="pagination" aria-label="Pages of answers that did not help">
${parsed.page > 1 ? html`<a class="link-button" rel="prev" href="/dashboard/finder${queryString(parsed.values, { p: parsed.page - 1 })}">Previous page</a>` : ''}
<span class="pagination__position">Page ${Math.min(parsed.page, pages)} of ${pages}</span>
${parsed.page < pages ? html`<a class="link-button" rel="next" href="/dashboard/finder${queryString(parsed.values, { p: parsed.page + 1 })}">Next page</a>` : ''}
</nav>`
  : ''}`}`;
}

export function finderPage(state: FinderState) {
  const { parsed } = state;
  const period = `the last ${parsed.period} days`;
  const csv = (list: string) => `/dashboard/finder/export.csv${queryString(parsed.values, { list })}`;
  return layout({
    title: 'Finder: what residents needed',
    user: state.user,
    section: 'finder',
    body: html`<h1>Finder: what residents needed</h1>
<p>From <code>&lt;tandem-finder&gt;</code>, "What do you need help with?", ${parsed.values.site ? html`on ${parsed.values.site}` : 'on all sites'}. Likely spam is left out.</p>
${filterForm(state)}
${summaryTable(state)}
${needsTable('Top needs', `The needs residents searched for most, in ${period}`, state.top, true, csv('needs'))}
${needsTable('Needs with no answer', `Searches that found nothing, most often first, in ${period}`, state.unanswered, false, csv('unanswered'))}
${notHelpedTable(state)}`,
  });
}
