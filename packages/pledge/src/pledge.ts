import { html, nothing, type PropertyValues } from 'lit';
import {
  base,
  choiceStyles,
  focusedMessageStyles,
  heading,
  headingLevel,
  honeypotStyles,
  staffText,
  TandemElement,
  TandemErrorEvent,
  tokens,
  type ConfigProblem,
  type DeliveryResult,
  type Submission,
  type ViewFetch,
} from '@tandem/core';
import type { OfferAnswers, OfferContact, PledgeListView } from '@tandem/core/protocol.js';
import en from './locales/en.json';
import { confirmationTemplate, type Confirmation } from './confirmation.templates.js';
import { OfferForm } from './offer-form.js';
import { PledgeList, type PledgeLoadStatus } from './pledge-list.js';
import { pledgeStyles } from './pledge.styles.js';
import { WithdrawForm } from './withdraw-form.js';

export type { PledgeLoadStatus } from './pledge-list.js';
/** Where the resident is: choosing what to offer, or told what happens next. */
export type PledgeStage = 'offering' | 'sent' | 'queued';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * An offer of help (co-delivery): the resident picks the ways to help they would like to do
 * from a list staff keep, each saying what it involves and what they won't be asked to do, then
 * where, when and how often, their age, and how to contact them. Once sent (or waiting to be
 * sent, offline) they get a reference to withdraw the offer with, which deletes their contact
 * details at once. Contact details are never redacted, logged or kept on the device.
 *
 * @customElement tandem-pledge
 * @summary Offer help: what you could do, where and when.
 *
 * @fires tandem-submit - Before the offer is sent. Cancelable: call `preventDefault()` to handle it yourself.
 * @fires tandem-submitted - Once the offer is sent, waiting to be sent, or handled by the host. `detail.delivery` says which.
 * @fires tandem-error - When the element is misconfigured, the list cannot be found, the collector refuses the offer, or something fails inside it.
 *
 * @csspart base - The widget's box.
 * @csspart heading - The list's title and the confirmation's heading.
 * @csspart label - Each question's legend and each field's label.
 * @csspart input - Checkboxes, radio buttons and text fields.
 * @csspart button - Every button.
 * @csspart form - The offer's form and the withdrawal form.
 * @csspart message - Loading and unavailable messages, and the confirmation.
 * @csspart error - The error summary, inline errors and the misconfiguration notice.
 *
 * @cssprop --tandem-font-family - Font family (default: inherited from the page).
 * @cssprop --tandem-font-size-body - Body text size (default: 1.1875rem).
 * @cssprop --tandem-color-text - Text colour (default: #0b0c0c).
 * @cssprop --tandem-color-text-secondary - Hints (default: #484949).
 * @cssprop --tandem-color-border - Checkboxes, radio buttons and fields' borders (default: #0b0c0c).
 * @cssprop --tandem-color-panel - Background of the reference (default: #f3f2f1).
 * @cssprop --tandem-color-focus - Focus highlight (default: #ffdd00).
 * @cssprop --tandem-color-button - Primary button colour (default: #00703c).
 * @cssprop --tandem-color-error - Error colour (default: #c0301a).
 * @cssprop --tandem-pledge-max-width - The widest the form grows (default: 40rem).
 */
export class TandemPledge extends TandemElement {
  static override properties = {
    ...TandemElement.properties,
    list: { type: String },
    listData: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  static override styles = [tokens, base, honeypotStyles, focusedMessageStyles, choiceStyles, pledgeStyles];
  static override locales = { en, cy: () => import('./locales/cy.json') };

  /** The ways to help list's id at the collector, e.g. `help-your-neighbourhood`. */
  declare list: string | undefined;
  /** The list as `GET /v1/pledges/{id}` gives it, instead of fetching it (for stories, tests and pages that render it themselves). */
  declare listData: PledgeListView | undefined;
  /** The level of the list's title, 2 to 6, to fit the page's outline; its sections go one below. */
  declare headingLevel: number;

  protected readonly widget = 'pledge' as const;

  private readonly ways = new PledgeList(this, {
    source: () => {
      if (!this.isConnected) return undefined;
      if (this.listData) return { endpoint: '', site: '', id: this.listId, given: this.listData };
      if (this.configProblems().length) return undefined;
      const { endpoint, site } = this.resolveConfig();
      return { endpoint, site, id: this.listId, given: undefined };
    },
    failed: (fetched) => this.fetchFailed(fetched),
  });

  private readonly offer = new OfferForm(this, {
    clock: () => this.clock,
    t: () => this.t,
    language: () => this.language,
    send: (answers, contact, signals) => this.send(answers, contact, signals),
    sent: (confirmation) => this.confirm(confirmation),
    focus: (id) => this.focusNext(id),
    guard: (action) => this.guard(action),
  });

  private readonly withdrawal = new WithdrawForm(this, {
    t: () => this.t,
    target: () => {
      const { endpoint, site, transport } = this.resolveConfig();
      return transport === 'events' && !endpoint ? undefined : { endpoint, site };
    },
    focus: (id) => this.focusNext(id),
    guard: (action) => this.guard(action),
  });

  private confirmation: Confirmation | undefined;
  private copyStatus = '';

  constructor() {
    super();
    this.headingLevel = 2;
  }

  /** Where the list is: `idle`, `loading`, `ready`, `unavailable`, `not-found` or `invalid`. */
  get loadStatus(): PledgeLoadStatus {
    return this.ways.status;
  }

  /** Choosing what to offer, or told what happens next (`sent`, or `queued` while offline). */
  get stage(): PledgeStage {
    return this.confirmation ? (this.confirmation.queued ? 'queued' : 'sent') : 'offering';
  }

  /** The reference of the offer just made, to withdraw it with. */
  get reference(): string | undefined {
    return this.confirmation?.reference;
  }

  private get listId(): string {
    return (this.listData?.id ?? this.list ?? '').trim();
  }

  protected override get instance(): string {
    return this.listId;
  }

  protected override configProblems(): ConfigProblem[] {
    const problems = super.configProblems();
    if (this.listData) return problems;
    const id = this.listId;
    if (!id) problems.push({ attribute: 'list', message: 'is missing: set it to the ways to help list\'s id at the collector, e.g. list="help-your-neighbourhood"' });
    else if (!SLUG.test(id)) problems.push({ attribute: 'list', message: `must be lower-case letters, digits and dashes, not "${id}"` });
    const { endpoint, transport } = this.resolveConfig();
    if (transport === 'events' && !endpoint) problems.push({ attribute: 'endpoint', message: 'is missing: the ways to help are fetched from it' });
    return problems;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.guard(() => this.ways.loadIfChanged());
  }

  private fetchFailed(fetched: Exclude<ViewFetch<PledgeListView>, { kind: 'ok' }>): void {
    if (fetched.kind === 'unavailable') {
      console.warn(`[tandem] <${this.localName}>: could not reach the collector for list "${this.listId}" (${fetched.reason}) at ${fetched.url}.`);
      return;
    }
    const message =
      fetched.kind === 'not-found'
        ? `[tandem] <${this.localName}>: "list" "${this.listId}" was not found for site "${this.resolveConfig().site}" at ${fetched.url}.`
        : `[tandem] <${this.localName}>: the collector's answer for "list" "${this.listId}" could not be used: ${fetched.problem} (${fetched.url}).`;
    console.error(message, this);
    this.dispatchEvent(new TandemErrorEvent({ kind: 'configuration', attribute: 'list', message }));
  }

  /** The offer, with its contact details beside its answers (never among them: answers are redacted, stored and exported). */
  private send(answers: OfferAnswers, contact: OfferContact, signals: Submission['signals']): Promise<DeliveryResult> {
    return this.deliver({ ...this.buildSubmission({ ...answers }, signals), contact });
  }

  private confirm(confirmation: Confirmation): void {
    this.confirmation = confirmation;
    this.copyStatus = '';
    this.focusNext('confirmation-heading');
  }

  private readonly copy = () =>
    this.guard(async () => {
      const reference = this.confirmation?.reference ?? '';
      this.copyStatus = '';
      this.requestUpdate();
      await this.updateComplete;
      try {
        await navigator.clipboard.writeText(reference);
        this.copyStatus = this.t('copied');
      } catch {
        this.copyStatus = this.t('copyFailed');
      }
      this.requestUpdate();
    });

  private focusNext(id: string): void {
    this.focusAfterRender = id;
    this.requestUpdate();
  }

  private readonly focusField = (id: string) => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();

  private readonly sectionHeading = (level: number, text: string, id: string) => heading(level, text, id, 'heading-small');

  protected renderWidget() {
    const level = headingLevel(this.headingLevel);
    const list = this.ways.list;
    if (!list) {
      const status = this.ways.status;
      const key = status === 'idle' || status === 'loading' ? 'loading' : status === 'unavailable' ? 'unavailable' : 'notice.misconfigured';
      return html`<div class="pledge"><p class="message ${status}" part="message" id="load-message">${this.t(key)}</p></div>`;
    }
    const sub = Math.min(6, level + 1);
    const body = this.confirmation
      ? confirmationTemplate({ t: this.t, language: this.language, list, level: sub, confirmation: this.confirmation, copyStatus: this.copyStatus, copy: this.copy })
      : this.offer.render(list, sub, this.sectionHeading, this.focusField);
    return html`<div class="pledge">
      ${heading(level, staffText(list.title, this.language), 'title', 'heading')}
      ${list.intro && !this.confirmation ? html`<p class="intro">${staffText(list.intro, this.language)}</p>` : nothing}
      ${body}
      ${this.withdrawal.render()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-pledge': TandemPledge;
  }
}
