import type { LitElement } from 'lit';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What every widget's test harness shares: finding controls in the shadow root, waiting for
 * renders, and reading text and focus as a person would meet them. Widget harnesses add the
 * actions (`feedback.no()`, `finder.type('help with wash')`). DOM only, so stories can use them.
 */
export class WidgetHarness<E extends LitElement> {
  constructor(readonly element: E) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** Waits until the widget has rendered with its strings. */
  async ready(): Promise<this> {
    for (let i = 0; i < 250 && !this.root?.querySelector('.base'); i += 1) {
      await this.element.updateComplete;
      await sleep(10);
    }
    if (!this.root?.querySelector('.base')) throw new Error(`<${this.element.localName}> did not render`);
    return this;
  }

  /** For a widget that fetches what it shows: waits until it has loaded, or failed to (a notice). */
  protected async loaded(status: () => string): Promise<void> {
    for (let i = 0; i < 250 && ['idle', 'loading'].includes(status()) && !this.query('.notice'); i += 1) await sleep(20);
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.element.updateComplete;
    await this.element.updateComplete;
  }

  query<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  control<T extends HTMLElement = HTMLButtonElement>(id: string): T {
    const control = this.root.getElementById(id) as T | null;
    if (!control) throw new Error(`No #${id} in <${this.element.localName}>${this.describe()}`);
    return control;
  }

  /** Extra words for a "not found" message, such as the widget's step. */
  protected describe(): string {
    return '';
  }

  /** The id of the focused element inside the widget, if any. */
  get focused(): string | undefined {
    return (this.root.activeElement as HTMLElement | null)?.id || undefined;
  }

  text(selector: string): string {
    return this.query(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Waits until an element shows a text (strings for other languages load asynchronously). */
  async waitForText(selector: string, text: string, timeout = 3000): Promise<void> {
    const end = Date.now() + timeout;
    while (this.text(selector) !== text) {
      if (Date.now() > end) throw new Error(`${selector} shows "${this.text(selector)}", expected "${text}"`);
      await sleep(20);
    }
  }
}
