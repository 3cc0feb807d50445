// One call for help: what it needs; the residents whose offers fit, fairest first, to ask (their
// contact details masked here, in full on each offer's page); who was asked, their answers and
// the hours they gave; and marking the call done or cancelled.
import { html, tableScroller } from '../html.js';
import { areaName, SLOT_LABELS, wayTitle } from '../offers/words.js';
import { formatTime } from './format.js';
import { layout, pageTop } from './layout.js';
import { CALL_STATUS_LABELS, callPath, callTime } from './calls.js';
import type { Ask, CallForHelp, Candidate, PledgeList } from '../../store/store.js';
import type { Problem } from '../../errors.js';
import type { User } from './layout.js';

/** An answer as staff posted it, shown again beside its problem. */
export type TypedAnswer = { offerId: string, answer: string, hours: string };

export type CallState = {
  user: User;
  call: CallForHelp;
  list: PledgeList | undefined;
  /** Fairest first, each with its contact details masked. */
  candidates: (Candidate & { contact: string })[];
  asks: (Ask & { contact: string })[];
  cap: number;
  problems: Problem[];
  /** Why whom-you-asked could not be recorded, shown in its fieldset. */
  offersError?: string | undefined;
  typed?: TypedAnswer | undefined;
  notice?: string;
};

const ANSWER_LABELS = { waiting: 'Not answered yet', yes: 'Yes', no: 'No' } as const;
const offerLink = (id: string, text: string) => html`<a href="/dashboard/offers/${encodeURIComponent(id)}">${text}</a>`;
const row = (term: string, value: unknown) => html`<div class="summary-list__row"><dt>${term}</dt><dd>${value}</dd></div>`;

/** A field's error message, GOV.UK style, and the id to describe the field by. */
const errorFor = (id: string, message: string | undefined) =>
  message ? { text: html`<p class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${message}</p>`, describedBy: `${id}-error` } : { text: '', describedBy: '' };

function proposals({ user, call, candidates, cap, offersError }: CallState) {
  if (call.status !== 'open') return '';
  return html`<h2 id="proposed-heading">Residents to ask</h2>
<p>Offers that fit this call (its way to help, area and time of the week, or "now and then"), those asked least recently first. Nobody is proposed who has been asked ${cap} ${cap === 1 ? 'time' : 'times'} in the last 30 days. Open an offer to see how to get in touch, then record here whom you asked.</p>
${candidates.length === 0
  ? html`<p>No more offers fit this call.</p>`
  : html`<form method="post" action="${callPath(call.id)}/ask" novalidate>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<div class="form-group${offersError ? ' form-group--error' : ''}">
<fieldset class="fieldset" id="offers" aria-describedby="proposed-hint${offersError ? ' offers-error' : ''}">
<legend class="fieldset__legend">Choose whom you asked</legend>
<p class="hint" id="proposed-hint">Fairest first. Asked in the last 30 days is shown beside each.</p>
${errorFor('offers', offersError).text}
${candidates.map((candidate, i) => html`<div class="checkbox">
<input class="checkbox__input" id="${i === 0 ? 'offers-first' : `offer-${candidate.id}`}" name="offer" type="checkbox" value="${candidate.id}">
<label class="checkbox__label" for="${i === 0 ? 'offers-first' : `offer-${candidate.id}`}">${candidate.contact}: offered ${formatTime(candidate.createdAt)}, ${candidate.lastAskedAt === null ? 'never asked' : `last asked ${formatTime(candidate.lastAskedAt)}`}, asked ${candidate.asksSince} ${candidate.asksSince === 1 ? 'time' : 'times'} in 30 days</label>
</div>
<p class="hint checkbox__hint">${offerLink(candidate.id, 'See how to get in touch')}<span class="visually-hidden"> with ${candidate.contact}</span></p>`)}
</fieldset>
</div>
<button class="button" type="submit">Record that you asked them</button>
</form>`}`;
}

function asked({ user, call, asks, problems, typed }: CallState) {
  return html`<h2 id="asked-heading">Who was asked</h2>
${asks.length === 0
  ? html`<p>Nobody has been asked yet.</p>`
  : html`${tableScroller('asked-caption')}
<table class="table">
<caption class="table__caption" id="asked-caption">Residents asked for this call, first asked first</caption>
<thead><tr><th scope="col">Resident</th><th scope="col">Asked</th><th scope="col">Answer and hours given</th></tr></thead>
<tbody>
${asks.map((ask) => {
  // Shown again as posted, with its problem, when this is the row that was refused.
  const again = typed?.offerId === ask.offerId ? typed : undefined;
  const answerError = errorFor(`answer-${ask.offerId}`, problems.find((p) => p.field === `answer-${ask.offerId}`)?.message);
  const hoursError = errorFor(`hours-${ask.offerId}`, problems.find((p) => p.field === `hours-${ask.offerId}`)?.message);
  const chosen = again?.answer ?? ask.answer;
  return html`<tr>
<th scope="row">${offerLink(ask.offerId, ask.contact)}</th>
<td>${formatTime(ask.askedAt)} by ${ask.askedBy}</td>
<td><form class="inline-form" method="post" action="${callPath(call.id)}/answer" novalidate>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<input type="hidden" name="offer" value="${ask.offerId}">
<div class="form-group form-group--inline${answerError.describedBy ? ' form-group--error' : ''}">
<label class="label" for="answer-${ask.offerId}">Answer<span class="visually-hidden"> of ${ask.contact}</span></label>
${answerError.text}
<select class="select" id="answer-${ask.offerId}" name="answer"${answerError.describedBy ? html` aria-describedby="${answerError.describedBy}"` : ''}>
${(Object.keys(ANSWER_LABELS) as (keyof typeof ANSWER_LABELS)[]).map((answer) => html`<option value="${answer}"${answer === chosen ? html` selected` : ''}>${ANSWER_LABELS[answer]}</option>`)}
</select>
</div>
<div class="form-group form-group--inline${hoursError.describedBy ? ' form-group--error' : ''}">
<label class="label" for="hours-${ask.offerId}">Hours given<span class="visually-hidden"> by ${ask.contact}</span></label>
${hoursError.text}
<input class="input input--short" id="hours-${ask.offerId}" name="hours" type="text" inputmode="decimal" value="${again ? again.hours : (ask.hours ?? '')}"${hoursError.describedBy ? html` aria-describedby="${hoursError.describedBy}"` : ''}>
</div>
<button class="button button--secondary button--small" type="submit">Save<span class="visually-hidden"> the answer of ${ask.contact}</span></button>
</form></td>
</tr>`;
})}
</tbody>
</table>
</div>`}`;
}

function statusButtons({ user, call }: CallState) {
  if (call.status !== 'open') return html`<p>This call is ${CALL_STATUS_LABELS[call.status].toLowerCase()}.</p>`;
  const button = (status: 'done' | 'cancelled', label: string, warning = false) => html`<form method="post" action="${callPath(call.id)}/status">
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<input type="hidden" name="status" value="${status}">
<button class="button${warning ? ' button--warning' : ' button--secondary'}" type="submit">${label}</button>
</form>`;
  return html`<h2>When it is over</h2>
<p>Record the hours each person gave above, then mark the call done. It stays listed, with its hours.</p>
<div class="button-group">${button('done', 'Mark the call as done')}${button('cancelled', 'Cancel the call', true)}</div>`;
}

export function callPage(state: CallState) {
  const { call, list } = state;
  const title = `${wayTitle(list, call.wayId)}, ${formatTime(call.startsAt)}`;
  return layout({
    section: 'offers',
    title,
    user: state.user,
    hasErrors: state.problems.length > 0,
    body: html`${pageTop({ problems: state.problems, notice: state.notice, back: [`/dashboard/offers/calls?list=${encodeURIComponent(call.listId)}`, 'Back to calls for help'] })}
<h1>Call for help: ${title}</h1>
<dl class="summary-list">
${row('Way to help', wayTitle(list, call.wayId))}
${row('Where', areaName(list, call.area))}
${row('When', `${callTime(call)} (${SLOT_LABELS[call.slot] ?? call.slot})`)}
${row('People needed', call.peopleNeeded)}
${row('Details', call.details ? html`<span class="resident-text">${call.details}</span>` : html`<span class="none">None</span>`)}
${row('Status', CALL_STATUS_LABELS[call.status])}
${row('Created', `${formatTime(call.createdAt)} UK time by ${call.createdBy}`)}
</dl>
${proposals(state)}
${asked(state)}
${statusButtons(state)}`,
  });
}
