// The form that creates or edits a poll made in the dashboard. No JavaScript: two empty
// question slots each time (save, then edit again for more); empty a question to remove it.
import { html } from '../html.js';
import { TYPE_LABELS } from '../poll-form.js';
import { errorSummary, layout } from './layout.js';
import { field } from './polls.js';
import type { PollFormValues } from '../poll-form.js';
import type { User } from './layout.js';

export function pollFormPage({ user, values, siteIds, problems, editing }: { user: User, values: PollFormValues, siteIds: string[], problems: { field: string, message: string }[], editing: boolean }) {
  const title = editing ? `Edit ${values.title_en || values.id}` : 'Create a poll';
  const action = editing ? `/dashboard/polls/${encodeURIComponent(values.id)}/edit` : '/dashboard/polls/new';
  const siteProblem = problems.find((p) => p.field === 'site');
  return layout({
    section: 'polls',
    title,
    user,
    hasErrors: problems.length > 0,
    body: html`${errorSummary(problems)}
<p><a href="${editing ? `/dashboard/polls/${encodeURIComponent(values.id)}` : '/dashboard/polls'}">Back</a></p>
<h1>${title}</h1>
<form method="post" action="${action}" novalidate>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
${editing
  ? html`<p>Poll id: <code>${values.id}</code> (a page shows it with <code>&lt;tandem-poll poll="${values.id}"&gt;</code>)</p>`
  : field({ name: 'id', label: 'Poll id', value: values.id, problems, hint: 'Lower-case letters, digits and dashes, such as day-centres-2026. The page shows the poll with <tandem-poll poll="this id">. It cannot be changed later.' })}
<div class="form-group${siteProblem ? ' form-group--error' : ''}">
<label class="label" for="site">Site</label>
${siteProblem ? html`<p class="error-message" id="site-error"><span class="visually-hidden">Error:</span> ${siteProblem.message}</p>` : ''}
<select class="select" id="site" name="site"${siteProblem ? html` aria-describedby="site-error"` : ''}>
${siteIds.map((id) => html`<option value="${id}"${id === values.site ? html` selected` : ''}>${id}</option>`)}
</select>
</div>
${field({ name: 'title_en', label: 'Title in English', value: values.title_en, problems })}
${field({ name: 'title_cy', label: 'Title in Welsh (optional)', value: values.title_cy, problems, lang: 'cy' })}
${field({ name: 'intro_en', label: 'Introduction in English (optional)', value: values.intro_en, problems, textarea: true })}
${field({ name: 'intro_cy', label: 'Introduction in Welsh (optional)', value: values.intro_cy, problems, textarea: true, lang: 'cy' })}
<div class="filters__row">
${field({ name: 'opens', label: 'Opens on (from the start of the day, UK time)', value: values.opens, problems, type: 'date' })}
${field({ name: 'closes', label: 'Closes on (at the end of the day, UK time)', value: values.closes, problems, type: 'date' })}
</div>
<div class="form-group">
<div class="checkbox">
<input class="checkbox__input" id="allowStatements" name="allowStatements" type="checkbox" value="yes"${values.allowStatements ? html` checked` : ''}>
<label class="checkbox__label" for="allowStatements">Residents may add their own statements (you moderate them before they are shown)</label>
</div>
</div>
<h2>Questions</h2>
<p>Fill in the empty questions at the end to add questions; save and edit again to add more. Empty all of a question's fields to remove it.
Changing an option's English words after people have answered starts a new count for it.</p>
${values.questions.map((q, i) => {
  const typeProblem = problems.find((p) => p.field === `q${i}_type`);
  return html`<fieldset class="fieldset">
<legend class="fieldset__legend">Question ${i + 1}${q.en ? '' : ' (empty)'}</legend>
<div class="form-group${typeProblem ? ' form-group--error' : ''}">
<label class="label" for="q${i}_type">Kind of question ${i + 1}</label>
${typeProblem ? html`<p class="error-message" id="q${i}_type-error"><span class="visually-hidden">Error:</span> ${typeProblem.message}</p>` : ''}
<select class="select" id="q${i}_type" name="q${i}_type"${typeProblem ? html` aria-describedby="q${i}_type-error"` : ''}>
${Object.entries(TYPE_LABELS).map(([type, label]) => html`<option value="${type}"${type === q.type ? html` selected` : ''}>${label}</option>`)}
</select>
</div>
${field({ name: `q${i}_en`, label: `Question ${i + 1} in English`, value: q.en, problems })}
${field({ name: `q${i}_cy`, label: `Question ${i + 1} in Welsh (optional)`, value: q.cy, problems, lang: 'cy' })}
${field({ name: `q${i}_options`, label: `Options of question ${i + 1}`, value: q.options, problems, textarea: true, rows: 5, hint: 'One option a line: the English words, then | and the Welsh words. Choose one: 2 to 20 lines. Rating and faces: five lines from the lowest to the highest, or empty for the usual words. Statements: leave empty (agree, disagree, unsure).' })}
${field({ name: `q${i}_id`, label: `Short name of question ${i + 1} (optional)`, value: q.id, problems, hint: 'Lower-case letters, digits and dashes; made from the English words when empty. Keep it the same to keep its answers.' })}
</fieldset>`;
})}
<div class="button-group">
<button class="button" type="submit">${editing ? 'Save the poll' : 'Create the poll'}</button>
<a class="link-button" href="/dashboard/polls">Cancel</a>
</div>
</form>`,
  });
}
