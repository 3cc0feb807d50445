/**
 * "Did this answer your need?", under an answer shown in place: Yes thanks the person; No
 * asks what they needed, in their own words. Either is sent once, with the query and the
 * entry; a "No" left unsent when the person moves on, leaves or searches again still counts
 * as not helped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Delay, type Clock, type FieldError, type Translate } from '@tandem/core';
import { fields } from './finder.templates.js';
import type { CatalogueEntry } from './catalogue.js';
import { NEED_MAX_LENGTH } from './finder-config.js';

/** How long typing must pause before the count of characters left is read out. */
const COUNT_DELAY_MS = 1000;

/** The "Did this answer your need?" step under an inline answer. */
export type HelpedStep = 'ask' | 'form' | 'thanks-yes' | 'thanks-no';

export interface HelpedOptions {
  /** Resolves `false` when the code that prepares an answer could not load: nothing was kept. */
  send: (answers: Record<string, string | boolean>, fillMs: number) => Promise<unknown>;
  /** Moves focus, once rendered, to the element with this id. */
  focus: (id: string) => void;
  t: () => Translate;
  clock: () => Clock;
}

export class HelpedController implements ReactiveController {
  entry: CatalogueEntry | undefined;
  step: HelpedStep = 'ask';
  need = '';
  errors: FieldError[] = [];
  /** The count as last read out to screen readers. */
  announcedCount = '';
  #query = '';
  #sent = false;
  #formOpenedAt = 0;
  readonly #countDelay: Delay;

  readonly #host: ReactiveControllerHost;
  readonly #options: HelpedOptions;

  constructor(
    host: ReactiveControllerHost,
    options: HelpedOptions,
  ) {
    this.#host = host;
    this.#options = options;
    this.#countDelay = new Delay(options.clock);
    host.addController(this);
  }

  /** An answer shown for a query: the question starts again (the last answer's "No" is sent first). */
  show(entry: CatalogueEntry, query: string): void {
    this.dismiss();
    this.entry = entry;
    this.#query = query;
    this.step = 'ask';
    this.#sent = false;
    this.need = '';
    this.errors = [];
    addEventListener('pagehide', this.#leaving);
    this.#host.requestUpdate();
  }

  /** The answer leaves the screen (a new search): an unsent "No" is sent as not helped. */
  dismiss(): void {
    this.#sendUnhelped();
    this.#countDelay.cancel();
    removeEventListener('pagehide', this.#leaving);
    if (this.entry) this.#host.requestUpdate();
    this.entry = undefined;
    this.errors = [];
  }

  readonly vote = (helped: boolean) => async (): Promise<void> => {
    if (helped) {
      this.step = 'thanks-yes';
      this.#options.focus('thanks');
      this.#host.requestUpdate();
      await this.#send(true);
    } else {
      this.step = 'form';
      this.#formOpenedAt = this.#options.clock().now();
      this.#options.focus('need');
      this.#host.requestUpdate();
    }
  };

  readonly onNeedInput = (event: InputEvent): void => {
    this.need = (event.target as HTMLTextAreaElement).value;
    this.#countDelay.restart(COUNT_DELAY_MS, () => {
      this.announcedCount = fields.characterCount(this.#options.t(), this.need, NEED_MAX_LENGTH);
      this.#host.requestUpdate();
    });
    this.#host.requestUpdate();
  };

  /** Send pressed: the errors, or the need sent and thanks. */
  async submit(): Promise<void> {
    const need = this.need.trim();
    this.errors = !need ? [{ field: 'need', message: 'needEmpty' }] : [...need].length > NEED_MAX_LENGTH ? [{ field: 'need', message: 'needTooLong' }] : [];
    this.#host.requestUpdate();
    if (this.errors.length) return this.#options.focus('error-summary');
    // Thanked at once: the first attempt to send may take seconds, while an answer that could
    // not be prepared is known as soon as its code fails to load.
    this.step = 'thanks-no';
    this.#options.focus('thanks');
    const entry = this.entry;
    if ((await this.#send(false, need)) !== false || this.entry !== entry || this.step !== 'thanks-no') return;
    // Nothing was kept, and a reload would lose it: the form again, with the need in it, to send again.
    this.#sent = false;
    this.step = 'form';
    this.errors = [{ field: 'send', message: 'needUnsent' }];
    this.#options.focus('error-summary');
    this.#host.requestUpdate();
  }

  #send(helped: boolean, need?: string): Promise<unknown> {
    const entry = this.entry;
    if (!entry || this.#sent) return Promise.resolve();
    this.#sent = true;
    removeEventListener('pagehide', this.#leaving);
    const answers: Record<string, string | boolean> = { query: this.#query.trim(), chosen: entry.id, helped };
    if (need) answers.need = need;
    const fillMs = need ? Math.max(0, Math.round(this.#options.clock().now() - this.#formOpenedAt)) : 0;
    return this.#options.send(answers, fillMs);
  }

  /** "No" pressed but nothing sent yet: the answer still counts as not helped. */
  #sendUnhelped(): void {
    if (this.entry && this.step === 'form' && !this.#sent) void this.#send(false);
  }

  readonly #leaving = () => this.#sendUnhelped();

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#countDelay.cancel();
    this.#sendUnhelped();
    removeEventListener('pagehide', this.#leaving);
  }
}
