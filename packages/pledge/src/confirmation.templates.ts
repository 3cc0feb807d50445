// What the resident sees once the offer is sent, or waiting to be sent: thanks, the reference
// to withdraw it with (and a button to copy it), and what happens next and when.
import { html, nothing } from 'lit';
import { heading, plainText, type Translate } from '@tandem/core';
import { partnerOf, type OfferAnswers, type OfferContact, type PledgeListView } from '@tandem/core/protocol.js';

export interface Confirmation {
  reference: string;
  answers: OfferAnswers;
  contact: OfferContact;
  queued: boolean;
}

export interface ConfirmationView {
  t: Translate;
  language: string;
  list: PledgeListView;
  level: number;
  confirmation: Confirmation;
  /** What the copy button last said ("Reference copied"), for the live region. */
  copyStatus: string;
  copy: () => void;
}

/** "For Lunch club and Sitting service, Carers' Trust will contact you instead", partner by partner. */
function partnerLines(view: ConfirmationView) {
  const { t, list, language, confirmation } = view;
  const byPartner = new Map<string, string[]>();
  for (const way of list.ways.filter((w) => confirmation.answers.ways.includes(w.id))) {
    const partner = partnerOf(way);
    if (!partner) continue;
    const name = plainText(partner.name, language);
    byPartner.set(name, [...(byPartner.get(name) ?? []), plainText(way.title, language)]);
  }
  const and = new Intl.ListFormat(language === 'cy' ? 'cy' : 'en-GB', { type: 'conjunction' });
  return [...byPartner].map(([partner, ways]) => html`<p>${t('nextPartner', { ways: and.format(ways), partner })}</p>`);
}

export function confirmationTemplate(view: ConfirmationView) {
  const { t, level, confirmation } = view;
  return html`<div class="confirmation" part="message">
    <div class="panel">
      ${heading(level, t(confirmation.queued ? 'queuedHeading' : 'sentHeading'), 'confirmation-heading', 'heading')}
      <p class="reference-line">${t('referenceIs')} <strong class="reference" id="reference">${confirmation.reference}</strong></p>
    </div>
    ${confirmation.queued ? html`<p class="message queued" id="queued-message">${t('queued')}</p>` : nothing}
    <button type="button" class="button secondary" part="button" id="copy" aria-describedby="reference" @click=${view.copy}>${t('copy')}</button>
    <p class="visually-hidden" role="status" id="copy-status">${view.copyStatus}</p>
    ${heading(Math.min(6, level + 1), t('nextHeading'), 'next-heading', 'heading-small')}
    <p>${t('next', { how: t(`nextHow.${confirmation.contact.prefer}`) })}</p>
    ${partnerLines(view)}
    ${confirmation.answers.age === 'young' ? html`<p>${t('nextGuardian')}</p>` : nothing}
    <p>${t('withdrawHint')}</p>
  </div>`;
}
