// One offer of help: what the resident offered, how to get in touch (in full, here only), who
// arranges what the role needs, and its status and notes, which staff move on.
import { partnerOf } from '@tandem/core/protocol.js';
import { html } from '../html.js';
import { AGE_LABELS, areaName, OFTEN_LABELS, SLOT_LABELS, STATUS_HINTS, STATUS_LABELS, TIER_LABELS, wayTitle } from '../offers/words.js';
import { formatTime } from './format.js';
import { layout, pageTop } from './layout.js';
import { field } from './polls.js';
import type { ContactShown } from '../offers/contact.js';
import type { OfferRecord, OfferStatus, PledgeList } from '../../store/store.js';
import type { Problem } from '../../errors.js';
import type { User } from './layout.js';

export type OfferState = {
  user: User;
  offer: OfferRecord;
  list: PledgeList | undefined;
  contact: ContactShown;
  values: { status: string, notes: string };
  problems: Problem[];
  notice?: string;
};

const row = (term: string, value: unknown) => html`<div class="summary-list__row"><dt>${term}</dt><dd>${value}</dd></div>`;
const none = html`<span class="none">None</span>`;

function contactDetails({ contact, offer }: OfferState) {
  if (contact.kind === 'none') {
    return html`<p>The contact details have been deleted${offer.status === 'withdrawn' ? ': the resident withdrew the offer' : ', 12 months after the offer was last active'}. What was offered is kept, without who offered it.</p>`;
  }
  if (contact.kind === 'unreadable') {
    return html`<p>The contact details cannot be read with this collector's contact key: they were sealed with another key. Start the collector with the key it had when the offer was made.</p>`;
  }
  const { name, email, phone, prefer, guardianEmail } = contact.contact;
  return html`<dl class="summary-list">
${row('Name', html`<span class="resident-text">${name}</span>`)}
${row('Email', email ? html`<a class="resident-text" href="mailto:${email}">${email}</a>` : none)}
${row('Phone', phone ? html`<a class="resident-text" href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>` : none)}
${row('Prefers to be contacted by', prefer === 'phone' ? 'Phone' : 'Email')}
${offer.age === 'young' ? row('Parent or guardian to confirm', guardianEmail ? html`<a class="resident-text" href="mailto:${guardianEmail}">${guardianEmail}</a>` : none) : ''}
</dl>`;
}

function offered({ offer, list }: OfferState) {
  const ways = offer.ways.map((id) => {
    const way = list?.ways.find((w) => w.id === id);
    const partner = way ? partnerOf(way) : null;
    return html`<li><strong>${wayTitle(list, id)}</strong>${way ? html`<br><span class="hint">${TIER_LABELS[way.tier]}${partner ? html`. ${partner.name.en} gets in touch to arrange what the role needs: pass the offer to them.` : '.'}</span>` : ''}</li>`;
  });
  return html`<dl class="summary-list">
${row('Ways to help', html`<ul class="list">${ways}</ul>`)}
${row('Where', offer.areas.map((id) => areaName(list, id)).join(', '))}
${row('When', offer.when.map((id) => SLOT_LABELS[id] ?? id).join(', '))}
${row('How often', OFTEN_LABELS[offer.often] ?? offer.often)}
${row('Age', AGE_LABELS[offer.age] ?? offer.age)}
${row('Anything else they said', offer.note ? html`<span class="resident-text">${offer.note}</span>` : none)}
${row('Received', `${formatTime(offer.createdAt)} UK time`)}
${row('Reference', html`<span class="reference">${offer.reference}</span>`)}
</dl>`;
}

function statusForm({ user, offer, values, problems }: OfferState) {
  if (offer.status === 'withdrawn') {
    return html`<p>The resident withdrew this offer${offer.statusChangedAt ? ` on ${formatTime(offer.statusChangedAt)} UK time` : ''}. It cannot be moved on.</p>`;
  }
  const statuses = Object.keys(STATUS_HINTS) as Exclude<OfferStatus, 'withdrawn'>[];
  const problem = problems.find((p) => p.field === 'status');
  return html`<form method="post" action="/dashboard/offers/${encodeURIComponent(offer.id)}" novalidate>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<div class="form-group${problem ? ' form-group--error' : ''}">
<fieldset class="fieldset"${problem ? html` aria-describedby="status-error"` : ''}>
<legend class="fieldset__legend">Status</legend>
${problem ? html`<p class="error-message" id="status-error"><span class="visually-hidden">Error:</span> ${problem.message}</p>` : ''}
${statuses.map((status, i) => html`<div class="radio">
<input class="radio__input" id="${i === 0 ? 'status' : `status-${status}`}" name="status" type="radio" value="${status}" aria-describedby="status-${status}-hint"${values.status === status ? html` checked` : ''}>
<label class="radio__label" for="${i === 0 ? 'status' : `status-${status}`}">${STATUS_LABELS[status]}</label>
<p class="hint radio__hint" id="status-${status}-hint">${STATUS_HINTS[status]}</p>
</div>`)}
</fieldset>
</div>
${field({ name: 'notes', label: 'Notes (for staff only)', value: values.notes, problems, textarea: true, rows: 5, hint: 'What was agreed, when you called, why it is not suitable. Do not write anything the resident would not expect to read.' })}
<button class="button" type="submit">Save the status and notes</button>
</form>
${offer.statusChangedBy && offer.statusChangedAt ? html`<p class="hint">Last changed by ${offer.statusChangedBy} on ${formatTime(offer.statusChangedAt)} UK time.</p>` : ''}`;
}

export function offerPage(state: OfferState) {
  const title = `Offer of help received ${formatTime(state.offer.createdAt)}`;
  return layout({
    section: 'offers',
    title,
    user: state.user,
    hasErrors: state.problems.length > 0,
    body: html`${pageTop({ problems: state.problems, notice: state.notice, back: [`/dashboard/offers?list=${encodeURIComponent(state.offer.listId)}`, 'Back to offers of help'] })}
<h1>${title}</h1>
<p>Status: <strong>${STATUS_LABELS[state.offer.status]}</strong></p>
<h2>How to get in touch</h2>
${contactDetails(state)}
<h2>What they offered</h2>
${offered(state)}
<h2>Move the offer on</h2>
${statusForm(state)}`,
  });
}
