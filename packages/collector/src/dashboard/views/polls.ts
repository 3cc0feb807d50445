// The polls' dashboard pages: the list (with each site's moderation policy), one poll's results
// and staff response, and the moderation queue. Every resident's words are rendered as text.
import { pollStatus } from '../../polls/definition.js';
import { html, tableScroller } from '../html.js';
import { formatTime } from './format.js';
import { errorSummary, layout } from './layout.js';
import { burstsWarning } from './poll-bursts.js';
import type { PollBurst, PollRecord, StatementRow } from '../../store/store.js';
import type { PollText } from '../../polls/definition.js';
import type { User } from './layout.js';
import type { Problem } from '../../errors.js';


export const STATUS_LABELS = ({ upcoming: 'Not open yet', open: 'Open', closed: 'Closed' } as const);
export const STATEMENT_LABELS = ({ pending: 'Waiting for moderation', published: 'Published', rejected: 'Not published' } as const);
const TYPE_NAMES = ({ rating: 'Rating', faces: 'Faces', choice: 'Choice', statement: 'Statement' } as const);

const noticeBox = (notice: string | undefined) => (notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : '');
const day = (iso: string) => `${formatTime(Date.parse(iso))} UK time`;
const percent = (n: number, total: number) => (total ? `${Math.round((n / total) * 100)}%` : '0%');
const pollPath = (id: string) => `/dashboard/polls/${encodeURIComponent(id)}`;

/**
 * A labelled field (input or textarea) with its hint and error, GOV.UK style.
 */
export function field({ name, label, value, problems, hint, textarea = false, rows = 3, type = 'text', lang, required = false }: { name: string, label: string, value: string, problems: Problem[], hint?: string, textarea?: boolean, rows?: number, type?: string, lang?: string, required?: boolean }) {
  const problem = problems.find((p) => p.field === name);
  const described = [hint ? `${name}-hint` : '', problem ? `${name}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`class="${textarea ? 'textarea' : `input${type === 'date' ? ' input--date' : ''}`}" id="${name}" name="${name}"${described ? html` aria-describedby="${described}"` : ''}${lang ? html` lang="${lang}"` : ''}${required ? html` aria-required="true"` : ''}`;
  return html`<div class="form-group${problem ? ' form-group--error' : ''}">
<label class="label" for="${name}">${label}</label>
${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}
${problem ? html`<p class="error-message" id="${name}-error"><span class="visually-hidden">Error:</span> ${problem.message}</p>` : ''}
${textarea ? html`<textarea ${attrs} rows="${rows}">${value}</textarea>` : html`<input ${attrs} type="${type}" value="${value}">`}
</div>`;
}

const bothLanguages = (text: PollText | null | undefined) =>
  text ? html`<span class="resident-text">${text.en}</span>${text.cy ? html`<br><span class="resident-text" lang="cy">${text.cy}</span>` : ''}` : html`<span class="none">None</span>`;

export function pollListPage({ user, polls, sites, notice, now }: { user: User, polls: (PollRecord & { pending: number })[], sites: { id: string, policy: PollText | null, fromConfig: boolean }[], notice?: string, now: number }) {
  return layout({
    section: 'polls',
    title: 'Polls',
    user,
    body: html`${noticeBox(notice)}
<h1>Polls</h1>
<p>Residents rate a service and add their own statements for others to agree or disagree with. Polls come from the collector's configuration files or are made here.</p>
<p><a class="link-button" href="/dashboard/polls/new">Create a poll</a></p>
${polls.length === 0
  ? html`<p>There are no polls yet.</p>`
  : html`${tableScroller('polls-caption')}
<table class="table">
<caption class="table__caption" id="polls-caption">Polls, newest first</caption>
<thead><tr><th scope="col">Poll</th><th scope="col">Site</th><th scope="col">Status</th><th scope="col">Opens</th><th scope="col">Closes</th><th scope="col" class="numeric">Statements waiting</th></tr></thead>
<tbody>
${polls.map(({ definition: poll, pending }) => html`<tr>
<th scope="row"><a href="${pollPath(poll.id)}">${poll.title.en}</a> <span class="page-url">${poll.id}</span></th>
<td>${poll.site}</td>
<td>${STATUS_LABELS[pollStatus(poll, now)]}</td>
<td>${day(poll.opensAt)}</td>
<td>${day(poll.closesAt)}</td>
<td class="numeric">${pending ? html`<a href="${pollPath(poll.id)}/statements">${pending}<span class="visually-hidden"> statements waiting in ${poll.title.en}</span></a>` : '0'}</td>
</tr>`)}
</tbody>
</table>
</div>`}
<h2>Moderation policies</h2>
<p>Each site's policy is shown to residents beside the "Add your own statement" form.</p>
<dl class="summary-list">
${sites.map((site) => html`<div class="summary-list__row"><dt>${site.id}</dt><dd>${bothLanguages(site.policy)}${site.fromConfig ? html` <span class="none">(from the configuration file)</span>` : ''}
<p><a href="/dashboard/polls/policies/${encodeURIComponent(site.id)}">Change the moderation policy<span class="visually-hidden"> of ${site.id}</span></a></p></dd></div>`)}
</dl>`,
  });
}

export function policyPage({ user, site, values, fromConfig, problems }: { user: User, site: string, values: { policy_en: string, policy_cy: string }, fromConfig: PollText | null, problems: Problem[] }) {
  return layout({
    section: 'polls',
    title: `Moderation policy for ${site}`,
    user,
    hasErrors: problems.length > 0,
    body: html`${errorSummary(problems)}
<h1>Moderation policy for ${site}</h1>
<p>Tell residents what you publish and what you do not, so they know why a statement is not shown.${fromConfig ? ' Leave both empty to use the policy in the configuration file.' : ''}</p>
<form method="post" action="/dashboard/polls/policies/${encodeURIComponent(site)}" novalidate>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
${field({ name: 'policy_en', label: 'Policy in English', value: values.policy_en, problems, textarea: true, rows: 6 })}
${field({ name: 'policy_cy', label: 'Policy in Welsh (optional)', value: values.policy_cy, problems, textarea: true, rows: 6, lang: 'cy' })}
<div class="button-group">
<button class="button" type="submit">Save the policy</button>
<a class="link-button" href="/dashboard/polls">Cancel</a>
</div>
</form>`,
  });
}

function resultsTable(question: { id: string, text: PollText, type: string, origin: string, options: { id: string, label: PollText | null }[], results: { total: number, counts: Record<string, number> } }) {
  const { total, counts } = question.results;
  return html`${tableScroller(`results-${question.id}`)}
<table class="table table--results">
<caption class="table__caption" id="results-${question.id}">${question.origin === 'resident' ? 'Resident’s statement: ' : ''}${question.text.en} <span class="page-url">${TYPE_NAMES[(question.type as keyof typeof TYPE_NAMES)]}, ${question.id}, ${total} ${total === 1 ? 'answer' : 'answers'}</span></caption>
<thead><tr><th scope="col">Answer</th><th scope="col" class="numeric">People</th><th scope="col" class="numeric">Share</th><th scope="col"><span class="visually-hidden">Bar</span></th></tr></thead>
<tbody>
${question.options.map((option) => {
  const n = counts[option.id] ?? 0;
  return html`<tr><th scope="row">${option.label?.en ?? option.id[0]?.toUpperCase() + option.id.slice(1)}</th><td class="numeric">${n}</td><td class="numeric">${percent(n, total)}</td>
<td class="bar-cell"><span class="bar bar--${Math.round(total ? (n / total) * 20 : 0) * 5}" aria-hidden="true"></span></td></tr>`;
})}
</tbody>
</table>
</div>`;
}

export function pollPage({ user, record, body, statementCounts, bursts, values, problems, notice }: { user: User, record: PollRecord, body: ReturnType<typeof import('../../polls/view.js').pollBody>, statementCounts: { pending: number, published: number, rejected: number }, bursts: PollBurst[], values: { response_en: string, response_cy: string }, problems: Problem[], notice?: string }) {
  const poll = record.definition;
  const path = pollPath(poll.id);
  return layout({
    section: 'polls',
    title: poll.title.en,
    user,
    hasErrors: problems.length > 0,
    body: html`${errorSummary(problems)}${noticeBox(notice)}
<p><a href="/dashboard/polls">All polls</a></p>
<h1>${poll.title.en}</h1>
${burstsWarning(bursts, `${path}/bursts.csv`)}
<dl class="summary-list">
<div class="summary-list__row"><dt>Poll id (the widget's poll attribute)</dt><dd><code>${poll.id}</code></dd></div>
<div class="summary-list__row"><dt>Site</dt><dd>${poll.site}</dd></div>
<div class="summary-list__row"><dt>Status</dt><dd>${STATUS_LABELS[body.status]}: opens ${day(poll.opensAt)}, closes ${day(poll.closesAt)}</dd></div>
<div class="summary-list__row"><dt>Residents' statements</dt><dd>${poll.allowStatements ? `Taken: ${statementCounts.pending} waiting, ${statementCounts.published} published, ${statementCounts.rejected} not published` : 'Not taken'}</dd></div>
<div class="summary-list__row"><dt>Defined</dt><dd>${record.source === 'file' ? 'In the collector’s configuration files: change it there, then restart the collector' : html`Here in the dashboard. <a href="${path}/edit">Edit this poll</a>`}</dd></div>
</dl>
<div class="button-group">
<a class="link-button" href="${path}/statements">Moderate statements (${statementCounts.pending} waiting)</a>
<a class="link-button" href="${path}/results.csv">Download results as CSV</a>
<a class="link-button" href="${path}/statements.csv">Download statements as CSV</a>
</div>
<h2>Results</h2>
<p>One answer per person per question: a changed answer moves from the old choice to the new one. Answers held back as likely spam are not counted.</p>
${body.questions.map(resultsTable)}
<h2 id="response-heading">Your response: "You said, we did"</h2>
<p>Residents see this when the poll has closed (${day(poll.closesAt)}), beside the results.</p>
<form method="post" action="${path}/response" novalidate>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
${field({ name: 'response_en', label: 'Response in English', value: values.response_en, problems, textarea: true, rows: 5 })}
${field({ name: 'response_cy', label: 'Response in Welsh (optional)', value: values.response_cy, problems, textarea: true, rows: 5, lang: 'cy' })}
<button class="button" type="submit">Save the response</button>
</form>`,
  });
}

export function statementsPage({ user, record, status, statements, counts, results, problems, notice, page, pageSize }: { user: User, record: PollRecord, status: 'pending' | 'published' | 'rejected', statements: StatementRow[], counts: { pending: number, published: number, rejected: number }, results: Record<string, { total: number, counts: Record<string, number> }>, problems: Problem[], notice?: string, page: number, pageSize: number }) {
  const poll = record.definition;
  const path = pollPath(poll.id);
  const csrf = html`<input type="hidden" name="_csrf" value="${user.csrfToken}">`;
  const total = counts[status];
  return layout({
    section: 'polls',
    title: `Statements in ${poll.title.en}`,
    user,
    hasErrors: problems.length > 0,
    body: html`${errorSummary(problems)}${noticeBox(notice)}
<p><a href="${path}">Back to ${poll.title.en}</a></p>
<h1>Statements in ${poll.title.en}</h1>
<p>Publish a statement to let other residents agree or disagree with it. When you do not publish one, say why: its author sees your reason. Follow your <a href="/dashboard/polls/policies/${encodeURIComponent(poll.site)}">moderation policy</a>.</p>
<nav class="tabs" aria-label="Statements by status">
${(['pending', 'published', 'rejected'] as const).map((s) => html`<a class="tabs__link" href="${path}/statements?status=${s}"${s === status ? html` aria-current="page"` : ''}>${STATEMENT_LABELS[s]} (${counts[s]})</a>`)}
</nav>
${statements.length === 0
  ? html`<p>No statements here.</p>`
  : html`<ol class="statements">
${statements.map((s) => {
  const label = `statement s-${s.id}`;
  const result = results[`s-${s.id}`];
  return html`<li class="statement" id="s-${s.id}">
<h2 class="statement__heading">Statement s-${s.id} <span class="page-url">received ${formatTime(s.createdAt)} UK time${s.lang.startsWith('cy') ? ', in Welsh' : ''}</span></h2>
<blockquote class="statement__text resident-text"${s.lang.startsWith('cy') ? html` lang="cy"` : ''}>${s.text}</blockquote>
${s.status === 'published' && result ? html`<p>Agree ${result.counts.agree ?? 0}, disagree ${result.counts.disagree ?? 0}, unsure ${result.counts.unsure ?? 0}.</p>` : ''}
${s.status === 'rejected' ? html`<p><strong>Why it was not published:</strong> <span class="resident-text">${s.reason}</span></p>` : ''}
${s.moderatedBy ? html`<p class="page-url">Last changed by ${s.moderatedBy}</p>` : ''}
<div class="statement__actions">
${s.status !== 'published'
  ? html`<form method="post" action="${path}/statements/${s.id}/publish">${csrf}<button class="button" type="submit">Publish<span class="visually-hidden"> ${label}</span></button></form>`
  : ''}
${s.status !== 'rejected'
  ? html`<form method="post" action="${path}/statements/${s.id}/reject" novalidate>${csrf}
${field({ name: `reason-${s.id}`, label: s.status === 'published' ? `Unpublish ${label}: why? (its author sees this)` : `Why not publish ${label}? (its author sees this)`, value: '', problems })}
<button class="button button--warning" type="submit">${s.status === 'published' ? 'Unpublish' : 'Do not publish'}<span class="visually-hidden"> ${label}</span></button></form>`
  : ''}
${s.status === 'published'
  ? html`<form method="post" action="${path}/statements/${s.id}/reply" novalidate>${csrf}
${field({ name: `reply-en-${s.id}`, label: `Reply to ${label} in English: "You said, we did"`, value: s.reply?.en ?? '', problems, textarea: true })}
${field({ name: `reply-cy-${s.id}`, label: `Reply to ${label} in Welsh (optional)`, value: s.reply?.cy ?? '', problems, textarea: true, lang: 'cy' })}
<button class="button button--secondary" type="submit">Save the reply<span class="visually-hidden"> to ${label}</span></button></form>`
  : ''}
<p><a class="link-button link-button--warning" href="${path}/statements/${s.id}/delete">Delete on its author’s request<span class="visually-hidden">: ${label}</span></a></p>
</div>
</li>`;
})}
</ol>`}
${total > page * pageSize || page > 1
  ? html`<nav class="pagination" aria-label="Pages of statements">
${page > 1 ? html`<a class="link-button" rel="prev" href="${path}/statements?status=${status}&p=${page - 1}">Previous page</a>` : ''}
${total > page * pageSize ? html`<a class="link-button" rel="next" href="${path}/statements?status=${status}&p=${page + 1}">Next page</a>` : ''}
</nav>`
  : ''}`,
  });
}

export function deleteStatementPage({ user, record, statement }: { user: User, record: PollRecord, statement: StatementRow }) {
  const path = pollPath(record.definition.id);
  return layout({
    section: 'polls',
    title: 'Delete this statement',
    user,
    body: html`<h1>Delete this statement?</h1>
<p>Delete a statement when the resident who wrote it asks you to. The statement, the answer that brought it and every vote on it are removed for good and cannot be brought back.</p>
<dl class="summary-list">
<div class="summary-list__row"><dt>Statement</dt><dd>s-${statement.id} in ${record.definition.title.en}</dd></div>
<div class="summary-list__row"><dt>Received (UK time)</dt><dd>${formatTime(statement.createdAt)}</dd></div>
<div class="summary-list__row"><dt>Status</dt><dd>${STATEMENT_LABELS[statement.status]}</dd></div>
<div class="summary-list__row"><dt>What they wrote</dt><dd class="resident-text">${statement.text}</dd></div>
</dl>
<form method="post" action="${path}/statements/${statement.id}/delete">
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<div class="button-group">
<button class="button button--warning" type="submit">Yes, delete this statement</button>
<a class="link-button" href="${path}/statements?status=${statement.status}">No, keep it</a>
</div>
</form>`,
  });
}
