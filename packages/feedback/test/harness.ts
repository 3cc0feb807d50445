import type { TandemFeedback } from '../src/feedback.js';

/**
 * Drives <tandem-feedback> as a person would, for tests and story play functions:
 * `await feedback.no(); await feedback.type('wrong', 'The form would not load'); await feedback.send();`
 */
export class FeedbackHarness {
  constructor(readonly element: TandemFeedback) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** Waits until the widget has rendered with its strings. */
  async ready(): Promise<this> {
    for (let i = 0; i < 100 && !this.root?.querySelector('.base'); i += 1) {
      await this.element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!this.root?.querySelector('.base')) throw new Error('<tandem-feedback> did not render');
    return this;
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
    if (!control) throw new Error(`No #${id} in <tandem-feedback> (state "${this.element.state}")`);
    return control;
  }

  /** The id of the focused element inside the widget, if any. */
  get focused(): string | undefined {
    return (this.root.activeElement as HTMLElement | null)?.id || undefined;
  }

  get state(): string {
    return this.element.state;
  }

  text(selector: string): string {
    return this.query(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  private async click(id: string): Promise<void> {
    this.control(id).click();
    await this.settle();
  }

  yes = () => this.click('yes');
  no = () => this.click('no');
  report = () => this.click('report');
  tellUsMore = () => this.click('more');
  cancel = () => this.click('cancel');
  send = () => this.click('send');

  async type(field: 'trying' | 'wrong', text: string): Promise<void> {
    const area = this.control<HTMLTextAreaElement>(field);
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  /** Waits until an element shows a text (strings for other languages load asynchronously). */
  async waitForText(selector: string, text: string, timeout = 3000): Promise<void> {
    const end = Date.now() + timeout;
    while (this.text(selector) !== text) {
      if (Date.now() > end) throw new Error(`${selector} shows "${this.text(selector)}", expected "${text}"`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits for the widget to reach a state (sending is asynchronous). */
  async waitFor(state: string, timeout = 5000): Promise<void> {
    const end = Date.now() + timeout;
    while (this.element.state !== state) {
      if (Date.now() > end) throw new Error(`<tandem-feedback> stayed "${this.element.state}", expected "${state}"`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.settle();
  }
}
