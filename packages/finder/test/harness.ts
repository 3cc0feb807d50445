import type { TandemFinder } from '../src/finder.js';
import { DIRECTORY_DELAY_MS } from '../src/sources/directory-source.js';
import { sleep, WidgetHarness } from '../../../test/support/widget-harness.js';
import { FakeClock } from '../../../test/support/fake-clock.js';

/**
 * Drives <tandem-finder> as a person would, for tests and story play functions:
 * `await finder.type('help with wash'); await finder.choose(0); await finder.no();`
 * It works through the DOM only (no test-runner commands), so stories can use it too.
 */
export class FinderHarness extends WidgetHarness<TandemFinder> {
  /** The finder's clock, once `useFakeClock()` gave it one: time moves only by `pause()`. */
  clock: FakeClock | undefined;

  /** From now on the finder's delays (settle, announce, debounce) wait for `pause()`. */
  useFakeClock(): this {
    this.clock = new FakeClock();
    this.element.clock = this.clock;
    return this;
  }

  /** The person stops typing for a while: the finder's clock moves on by `ms`. */
  async pause(ms: number): Promise<void> {
    if (!this.clock) throw new Error('pause() needs useFakeClock() first');
    this.clock.advance(ms);
    await this.settle();
  }

  /** Waits until the widget has rendered with its strings (and its catalogue, if it loads one). */
  override async ready(): Promise<this> {
    await super.ready();
    for (let i = 0; i < 250 && this.element.catalogueStatus === 'loading'; i += 1) await sleep(10);
    await this.settle();
    return this;
  }

  get input(): HTMLInputElement {
    return this.control<HTMLInputElement>('input');
  }

  get expanded(): boolean {
    return this.input.getAttribute('aria-expanded') === 'true';
  }

  /** The id of the option the search box points screen readers to. */
  get activeOption(): string | undefined {
    return this.input.getAttribute('aria-activedescendant') ?? undefined;
  }

  /** The titles of the results shown. */
  get results(): string[] {
    return [...this.root.querySelectorAll('[role=option] .option-title')].map((el) => el.textContent?.trim() ?? '');
  }

  get announcement(): string {
    return this.text('#announcement');
  }

  /**
   * Types into the search box as a whole (as a paste or a story does) and waits for the
   * search to finish: results, the no-results message, or nothing for a short query.
   */
  async type(text: string): Promise<void> {
    const input = this.input;
    input.focus();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.searched();
  }

  /** Waits until the search for what is in the box has run. */
  async searched(timeout = 3000): Promise<void> {
    const end = Date.now() + timeout;
    // A directory is asked once typing pauses: on a fake clock, that pause happens here.
    if (this.clock && this.element.directory) this.clock.advance(DIRECTORY_DELAY_MS);
    await this.settle();
    // The list may still show the last query's results while a directory is asked: wait for
    // the search of the text in the box itself (or the notice that it could not be done).
    const searched = () => (this.element as unknown as { search: { searched: string } }).search.searched === this.input.value;
    while (this.input.value.trim().length >= 2 && !(searched() && (this.query('[role=option]') || this.query('#no-results'))) && !this.query('#directory-failed, #failed')) {
      if (Date.now() > end) throw new Error(`no search result for "${this.input.value}"`);
      await sleep(10);
      await this.settle();
    }
  }

  /** Waits for the polite announcement of the number of results. */
  async announced(timeout = 3000): Promise<string> {
    const end = Date.now() + timeout;
    while (!this.announcement) {
      if (Date.now() > end) throw new Error('nothing was announced');
      await sleep(20);
    }
    return this.announcement;
  }

  /** Presses a key in the search box (a synthetic event; tests use real key presses). */
  async key(key: string, init: KeyboardEventInit = {}): Promise<void> {
    this.input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
    await this.settle();
  }

  /** Chooses a result by clicking (or tapping) it. */
  async choose(index: number): Promise<void> {
    const option = this.query(`#option-${index}`);
    if (!option) throw new Error(`No result ${index}: ${JSON.stringify(this.results)}`);
    option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true }));
    option.click();
    await this.settle();
  }

  async click(id: string): Promise<void> {
    this.control(id).click();
    await this.settle();
  }

  yes = () => this.click('yes');
  no = () => this.click('no');
  send = () => this.click('send');
  suggestion = (index: number) => this.click(`suggestion-${index}`);

  async typeNeed(text: string): Promise<void> {
    const area = this.control<HTMLTextAreaElement>('need');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }
}

/** The error a promise rejects with (and a failure if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
