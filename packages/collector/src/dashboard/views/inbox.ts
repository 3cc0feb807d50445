// The feedback inbox (and its quarantine view): filters, votes per page, answers newest first.
import { ANSWERS, queryString, STATUSES } from '../filters.js';
import { html, tableScroller } from '../html.js';
import { answerLabel, formatTime } from './format.js';
import { errorSummary, layout, select } from './layout.js';
import type { ParsedFilters } from '../filters.js';
import type { AnswerRow, PageCounts } from '../../store/store.js';
import type { User } from './layout.js';

export type InboxState = {
  user: User;
  parsed: ParsedFilters;
  siteIds: string[];
  pages: { site: string, pageUrl: string }[];
  counts: PageCounts[];
  rows: AnswerRow[];
  total: number;
  pageSize: number;
  notice?: string;
};

function filterForm({ parsed, siteIds, pages }: InboxState) {
  const { values, problems } = parsed;
  const dateField = (name: 'from' | 'to', label: string) => {
    const problem = problems.find((p) => p.field === name);
    return html`<div class="form-group form-group--inline${problem ? ' form-group--error' : ''}">
<label class="label" for="${name}">${label}</label>
${problem ? html`<p class="error-message" id="${name}-error"><span class="visually-hidden">Error:</span> ${problem.message}</p>` : ''}
<input class="input input--date" id="${name}" name="${name}" type="date" value="${values[name]}"${problem ? html` aria-describedby="${name}-error"` : ''}>
</div>`;
  };
  return html`<form class="filters" method="get" action="/dashboard">
<h2>Filter answers</h2>
${values.view ? html`<input type="hidden" name="view" value="${values.view}">` : ''}
<div class="filters__row">
${select('site', 'Site', values.site, [['', 'All sites'], ...siteIds.map((id) => [id, id] as [string, string])])}
${select('url', 'Page', values.url, [['', 'All pages'], ...pages.map((p) => [p.pageUrl, p.pageUrl] as [string, string])])}
${select('answer', 'Answer', values.answer, [['', 'Any answer'], ...(Object.entries(ANSWERS) as [string, string][])])}
${select('status', 'Status', values.status, [['', 'Reviewed or not'], ...(Object.entries(STATUSES) as [string, string][])])}
</div>
<div class="filters__row">
${dateField('from', 'From (date)')}
${dateField('to', 'To (date)')}
<div class="form-group form-group--inline form-group--wide">
<label class="label" for="q">Search what people wrote</label>
<input class="input" id="q" name="q" type="search" value="${values.q}">
</div>
</div>
<div class="button-group">
<button class="button" type="submit">Apply filters</button>
<a class="link-button" href="/dashboard${queryString({ view: values.view })}">Clear filters</a>
</div>
</form>`;
}

function countsTable(counts: PageCounts[]) {
  if (!counts.length) return html`<h2>Is this page useful?</h2><p>No Yes or No votes in the last 90 days for these pages.</p>`;
  return html`<h2>Is this page useful?</h2>
${tableScroller('counts-caption')}
<table class="table">
<caption class="table__caption" id="counts-caption">Yes and No votes per page over the last 7, 30 and 90 days</caption>
<thead><tr>
<th scope="col">Page</th>
<th scope="col" class="numeric">Yes, 7 days</th><th scope="col" class="numeric">No, 7 days</th>
<th scope="col" class="numeric">Yes, 30 days</th><th scope="col" class="numeric">No, 30 days</th>
<th scope="col" class="numeric">Yes, 90 days</th><th scope="col" class="numeric">No, 90 days</th>
</tr></thead>
<tbody>
${counts.map((c) => html`<tr>
<th scope="row"><span class="page-title">${c.pageTitle}</span> <span class="page-url">${c.pageUrl}</span></th>
<td class="numeric">${c.yes[7]}</td><td class="numeric">${c.no[7]}</td>
<td class="numeric">${c.yes[30]}</td><td class="numeric">${c.no[30]}</td>
<td class="numeric">${c.yes[90]}</td><td class="numeric">${c.no[90]}</td>
</tr>`)}
</tbody>
</table>
</div>`;
}

function answersTable({ user, parsed, rows, total, pageSize }: InboxState) {
  const quarantine = parsed.filter.quarantined === true;
  const back = queryString(parsed.values, { p: parsed.page > 1 ? parsed.page : '' });
  const first = (parsed.page - 1) * pageSize + 1;
  const last = first + rows.length - 1;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : html`<span class="none">None</span>`);
  return html`<h2>${quarantine ? 'Quarantined answers' : 'Answers'}</h2>
<p><a class="link-button" href="/dashboard/export.csv${queryString(parsed.values)}">Download these ${total} answers as CSV</a></p>
${rows.length === 0
  ? html`<p>No answers match these filters.</p>`
  : html`${tableScroller('answers-caption')}
<table class="table">
<caption class="table__caption" id="answers-caption">${quarantine ? 'Quarantined answers' : 'Answers'}, newest first: ${first} to ${last} of ${total}</caption>
<thead><tr>
<th scope="col">Received (UK time)</th><th scope="col">Page</th><th scope="col">Answer</th>
<th scope="col">What they were trying to do</th><th scope="col">What went wrong</th>
<th scope="col">${quarantine ? 'Why quarantined' : 'Status'}</th><th scope="col">Actions</th>
</tr></thead>
<tbody>
${rows.map((row) => {
  const when = formatTime(row.receivedAt);
  return html`<tr>
<td>${when}</td>
<td><span class="page-title">${row.pageTitle}</span> <span class="page-url">${row.site}: ${row.pageUrl}</span></td>
<td>${answerLabel(row.answers)}</td>
<td class="resident-text">${text(row.answers.trying)}</td>
<td class="resident-text">${text(row.answers.wrong)}</td>
<td>${quarantine ? whyHeld(row) : row.reviewedAt ? `Reviewed by ${row.reviewedBy}` : 'Not reviewed'}</td>
<td class="actions">
${row.reviewedAt
  ? ''
  : html`<form method="post" action="/dashboard/answers/${encodeURIComponent(row.id)}/reviewed">
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<input type="hidden" name="back" value="${back}">
<button class="button button--secondary button--small" type="submit">Mark as reviewed<span class="visually-hidden"> (answer of ${when})</span></button>
</form>`}
<a class="link-button link-button--warning" href="/dashboard/answers/${encodeURIComponent(row.id)}/delete${queryString({ back })}">Delete<span class="visually-hidden"> answer of ${when}</span></a>
</td>
</tr>`;
})}
</tbody>
</table>
</div>`}
${pagination(parsed, total, pageSize)}`;
}

function pagination(parsed: ParsedFilters, total: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return '';
  const page = Math.min(parsed.page, pages);
  return html`<nav class="pagination" aria-label="Pages of answers">
${page > 1 ? html`<a class="link-button" rel="prev" href="/dashboard${queryString(parsed.values, { p: page - 1 })}">Previous page</a>` : ''}
<span class="pagination__position">Page ${page} of ${pages}</span>
${page < pages ? html`<a class="link-button" rel="next" href="/dashboard${queryString(parsed.values, { p: page + 1 })}">Next page</a>` : ''}
</nav>`;
}

export function inboxPage(state: InboxState) {
  const quarantine = state.parsed.filter.quarantined === true;
  return layout({
    title: quarantine ? 'Quarantined answers' : 'Feedback inbox',
    user: state.user,
    hasErrors: state.parsed.problems.length > 0,
    body: html`${errorSummary(state.parsed.problems)}
${state.notice ? html`<div class="notice" role="status"><p>${state.notice}</p></div>` : ''}
<h1>${quarantine ? 'Quarantined answers' : 'Feedback inbox'}</h1>
<nav class="tabs" aria-label="Views">
<a class="tabs__link" href="/dashboard"${quarantine ? '' : html` aria-current="page"`}>Inbox</a>
<a class="tabs__link" href="/dashboard?view=quarantine"${quarantine ? html` aria-current="page"` : ''}>Quarantine</a>
</nav>
${quarantine
  ? html`<p>Answers held back: likely spam (the hidden honeypot field was filled in, or a form was sent in under 2 seconds), or the same answer sent again from the same address within 10 minutes. They are not counted anywhere else.</p>`
  : ''}
${filterForm(state)}
${quarantine ? '' : countsTable(state.counts)}
${answersTable(state)}`,
  });
}

/** Why an answer is in quarantine, in staff's words. */
function whyHeld(row: AnswerRow) {
  if (row.quarantine === 'honeypot') return 'Hidden spam-trap field filled in';
  if (row.quarantine === 'too-fast') return 'Sent in under 2 seconds';
  if (row.quarantine === 'repeat') return `Sent again within 10 minutes (first sent as ${row.repeatOf})`;
  return row.quarantine;
}
