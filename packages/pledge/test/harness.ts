import type { TandemPledge } from '../src/pledge.js';
import { sleep, WidgetHarness } from '../../../test/support/widget-harness.js';

/** A whole offer as a resident might make it, for `pledge.fill(offer)`. */
export interface TypedOffer {
  ways: string[];
  areas: string[];
  when: string[];
  often: string;
  age: string;
  name?: string;
  email?: string;
  phone?: string;
  prefer?: 'email' | 'phone';
  guardianEmail?: string;
  note?: string;
}

/** The offer the tests make when what is offered does not matter. */
export const AN_OFFER: TypedOffer = {
  ways: ['befriending-calls', 'litter-picks'],
  areas: ['home', 'north'],
  when: ['weekdays-mornings', 'weekends-afternoons'],
  often: 'monthly',
  age: 'adult',
  name: 'Jo Bloggs',
  email: 'jo@example.com',
};

/**
 * Drives <tandem-pledge> as a person would, for tests and story play functions:
 * `await pledge.fill(AN_OFFER); await pledge.send(); pledge.reference`. DOM only.
 */
export class PledgeHarness extends WidgetHarness<TandemPledge> {
  /** Waits until the widget has rendered and the list has loaded (or failed to). */
  override async ready(): Promise<this> {
    await super.ready();
    await this.loaded(() => this.element.loadStatus);
    return this;
  }

  protected override describe(): string {
    return ` (list "${this.element.loadStatus}", ${this.element.stage})`;
  }

  /** Turns a checkbox on or off by its control id (`way-litter-picks`, `area-home`, `when-weekends-evenings`). */
  async tick(id: string, on = true): Promise<void> {
    const box = this.control<HTMLInputElement>(id);
    if (box.checked !== on) box.click();
    await this.settle();
  }

  async choose(group: 'often' | 'age' | 'prefer', value: string): Promise<void> {
    this.control<HTMLInputElement>(`${group}-${value}`).click();
    await this.settle();
  }

  async type(id: string, text: string): Promise<void> {
    const field = this.control<HTMLInputElement | HTMLTextAreaElement>(id);
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  async fill(offer: TypedOffer): Promise<void> {
    for (const way of offer.ways) await this.tick(`way-${way}`);
    for (const area of offer.areas) await this.tick(`area-${area}`);
    for (const slot of offer.when) await this.tick(`when-${slot}`);
    await this.choose('often', offer.often);
    await this.choose('age', offer.age);
    if (offer.guardianEmail !== undefined) await this.type('guardian', offer.guardianEmail);
    if (offer.note !== undefined) await this.type('note', offer.note);
    if (offer.name !== undefined) await this.type('name', offer.name);
    if (offer.email !== undefined) await this.type('email', offer.email);
    if (offer.phone !== undefined) await this.type('phone', offer.phone);
    if (offer.prefer) await this.choose('prefer', offer.prefer);
  }

  /** Presses "Offer to help" and waits until the widget has dealt with it. */
  async send(): Promise<void> {
    this.control('send').click();
    await this.settle();
    await this.until(() => this.element.stage !== 'offering' || !!this.query('#error-summary, #offer-refusal'), 5000, 'the offer to be dealt with');
  }

  /** The error summary's links: [message, the control it leads to]. */
  get errorLinks(): string[][] {
    return [...this.root.querySelectorAll<HTMLAnchorElement>('#error-summary a')].map((a) => [a.textContent!.trim(), a.getAttribute('href')!.slice(1)]);
  }

  /** The reference shown once the offer is made. */
  get shownReference(): string {
    return this.text('#reference');
  }

  /** Opens "Withdraw an offer you made", types a reference and presses the button. */
  async withdraw(reference: string): Promise<void> {
    const details = this.query<HTMLDetailsElement>('details.withdraw')!;
    details.open = true;
    await this.type('withdraw-reference', reference);
    this.control('withdraw').click();
    // Once rendered, the button says "Withdrawing…" while the request is out; the message follows it.
    await this.settle();
    await this.until(() => !!this.query('#withdraw-message') && !this.text('#withdraw').endsWith('…'), 5000, 'the withdrawal');
  }

  async until(condition: () => boolean, timeout = 5000, what = 'the widget to settle'): Promise<void> {
    const end = Date.now() + timeout;
    while (!condition()) {
      if (Date.now() > end) throw new Error(`Timed out waiting for ${what}${this.describe()}`);
      await sleep(20);
    }
    await this.settle();
  }
}
