import type { TandemPoll } from '../src/poll.js';
import { sleep, WidgetHarness } from '../../../test/support/widget-harness.js';

/**
 * Drives <tandem-poll> as a person would, for tests and story play functions:
 * `await poll.choose('overall', '4'); await poll.save('overall'); await poll.writeStatement('…'); await poll.sendStatement();`
 * DOM only (no test-runner commands), so stories can use it too.
 */
export class PollHarness extends WidgetHarness<TandemPoll> {
  /** Waits until the widget has rendered and the poll has loaded (or failed to). */
  override async ready(): Promise<this> {
    await super.ready();
    await this.loaded(() => this.element.loadStatus);
    return this;
  }

  protected override describe(): string {
    return ` (poll "${this.element.loadStatus}")`;
  }

  /** A question's form (or, in a closed poll, its section), by its id. */
  question(id: string): HTMLElement {
    const form = this.query(`.question[data-question="${id}"]`);
    if (!form) throw new Error(`No question "${id}" in <tandem-poll>${this.describe()}`);
    return form;
  }

  /** The index the widget gives a question in its element ids (`q2-…`). */
  index(id: string): number {
    return Number(this.question(id).id.slice(1));
  }

  radio(question: string, option: string): HTMLInputElement {
    const radio = this.question(question).querySelector<HTMLInputElement>(`input[type=radio][value="${option}"]`);
    if (!radio) throw new Error(`No option "${option}" in question "${question}"`);
    return radio;
  }

  /** The option ids checked in a question (none or one). */
  checked(question: string): string | undefined {
    return this.question(question).querySelector<HTMLInputElement>('input[type=radio]:checked')?.value;
  }

  async choose(question: string, option: string): Promise<void> {
    this.radio(question, option).click();
    await this.settle();
  }

  /** Presses the question's Save answer, and waits for the answer to be dealt with. */
  async save(question: string): Promise<void> {
    this.control(`q${this.index(question)}-save`).click();
    await this.settle();
    await this.until(() => this.element.answerState[question] !== 'saving');
  }

  async answer(question: string, option: string): Promise<void> {
    await this.choose(question, option);
    await this.save(question);
  }

  /** The text of what happened to a question's answer ("Answer saved"). */
  answerState(question: string): string {
    return this.text(`#q${this.index(question)}-state`);
  }

  /** The rows of a question's results table: [label, count, percentage]. */
  results(question: string): string[][] {
    const rows = this.root.querySelectorAll(`#q${this.index(question)}-results tbody tr`);
    return [...rows].map((row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));
  }

  async writeStatement(text: string): Promise<void> {
    const area = this.control<HTMLTextAreaElement>('statement');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  async sendStatement(): Promise<void> {
    this.control('send').click();
    await this.settle();
    await this.until(() => !!this.query('#statement-message, #error-summary'));
    await this.settle();
  }

  /** "Your statements": [text, status, and any reason or reply], one per statement. */
  get myStatements(): string[][] {
    return [...this.root.querySelectorAll('#mine .my-statement')].map((item) =>
      [...item.querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim()),
    );
  }

  get announcement(): string {
    return this.text('#announcement');
  }

  /** Waits for a condition on the widget (answers and fetches are asynchronous). */
  async until(condition: () => boolean, timeout = 5000, what = 'the poll to settle'): Promise<void> {
    const end = Date.now() + timeout;
    while (!condition()) {
      if (Date.now() > end) throw new Error(`Timed out waiting for ${what}${this.describe()}`);
      await sleep(20);
    }
    await this.settle();
  }
}
