// The delete confirmation and the error page.
import { html } from '../html.js';
import { answerLabel, formatTime } from './format.js';
import { layout } from './layout.js';
import type { SubmissionRecord } from '../../store/store.js';
import type { User } from './layout.js';

export function deletePage({ user, row, back }: { user: User, row: SubmissionRecord, back: string }) {
  const { trying, wrong } = row.answers;
  return layout({
    title: 'Delete this answer',
    user,
    body: html`<h1>Delete this answer?</h1>
<p>Delete an answer when the resident who gave it asks you to. It is removed for good and cannot be brought back.</p>
<dl class="summary-list">
<div class="summary-list__row"><dt>Received (UK time)</dt><dd>${formatTime(row.receivedAt)}</dd></div>
<div class="summary-list__row"><dt>Page</dt><dd>${row.pageTitle} (${row.site}: ${row.pageUrl})</dd></div>
<div class="summary-list__row"><dt>Answer</dt><dd>${answerLabel(row.answers)}</dd></div>
<div class="summary-list__row"><dt>What they were trying to do</dt><dd class="resident-text">${typeof trying === 'string' && trying ? trying : 'None'}</dd></div>
<div class="summary-list__row"><dt>What went wrong</dt><dd class="resident-text">${typeof wrong === 'string' && wrong ? wrong : 'None'}</dd></div>
</dl>
<form method="post" action="/dashboard/answers/${encodeURIComponent(row.id)}/delete">
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<input type="hidden" name="back" value="${back}">
<div class="button-group">
<button class="button button--warning" type="submit">Yes, delete this answer</button>
<a class="link-button" href="/dashboard${back}">No, keep it</a>
</div>
</form>`,
  });
}

export function errorPage({ title, message, user = null }: { status: number, title: string, message: string, user?: User | null }) {
  return layout({
    title,
    user,
    body: html`<h1>${title}</h1>
<p>${message}</p>
<p><a href="/dashboard">Go to the feedback inbox</a></p>`,
  });
}
