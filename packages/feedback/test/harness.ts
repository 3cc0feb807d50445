import type { TandemFeedback } from '../src/feedback.js';
import { sleep, WidgetHarness } from '../../../test/support/widget-harness.js';

/**
 * Drives <tandem-feedback> as a person would, for tests and story play functions:
 * `await feedback.no(); await feedback.type('wrong', 'The form would not load'); await feedback.send();`
 */
export class FeedbackHarness extends WidgetHarness<TandemFeedback> {
  protected override describe(): string {
    return ` (state "${this.element.state}")`;
  }

  get state(): string {
    return this.element.state;
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

  /** Waits for the widget to reach a state (sending is asynchronous). */
  async waitFor(state: string, timeout = 5000): Promise<void> {
    const end = Date.now() + timeout;
    while (this.element.state !== state) {
      if (Date.now() > end) throw new Error(`<tandem-feedback> stayed "${this.element.state}", expected "${state}"`);
      await sleep(20);
    }
    await this.settle();
  }
}
