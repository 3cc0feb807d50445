import { html, nothing } from 'lit';
import { heading, type Translate } from '@tandem/core';
import type { MyStatement, PollText } from './types.js';

/** A statement of this device's, with `queued` for one still waiting in the outbox. */
export type ShownStatement = Omit<MyStatement, 'status'> & { status: MyStatement['status'] | 'queued' };

const STATUS_KEYS = { pending: 'statusPending', published: 'statusPublished', rejected: 'statusRejected', queued: 'statusQueued' } as const;

/**
 * "Your statements": what happened to each statement this device sent. Residents' words and
 * staff's replies are rendered as text, never as HTML.
 */
export function myStatements(t: Translate, level: number, statements: ShownStatement[], staffText: (text: PollText) => unknown) {
  if (!statements.length) return nothing;
  return html`<section class="section" aria-labelledby="mine-heading">
    ${heading(level, t('mineHeading'), 'mine-heading', 'heading-small')}
    <ul class="statements" id="mine">
      ${statements.map(
        (statement) => html`<li class="my-statement" data-status=${statement.status}>
          <p class="my-statement-text">${statement.text}</p>
          <p class="tag ${statement.status}"><span class="tag-text">${t(STATUS_KEYS[statement.status])}</span></p>
          ${statement.status === 'rejected' && statement.reason ? html`<p class="reason">${t('because', { reason: statement.reason })}</p>` : nothing}
          ${statement.reply ? html`<p class="reply"><strong>${t('reply')}</strong> ${staffText(statement.reply)}</p>` : nothing}
        </li>`,
      )}
    </ul>
  </section>`;
}
