import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { TandemErrorEvent, TandemSubmitEvent, TandemSubmittedEvent, type SubmittedDetail } from './events.js';
import { globalOptions, onConfigure } from './global.js';
import { applyHostStrings, hasStrings, loadStrings, registerNamespace, resolveLanguage, setElementStrings, translator, type StringsSource, type Translate } from './i18n.js';
import { newId } from './id.js';
import { LocaleController } from './locale-controller.js';
import { pageOutbox } from './outbox.js';
import { pageAddress } from './page.js';
import type { AnswerValue, Submission, WidgetName } from './schema.js';
import { VERSION } from './version.js';

/** A setting the widget cannot work without, and how to fix it. */
export interface ConfigProblem {
  attribute: string;
  message: string;
}

export interface ResolvedConfig {
  endpoint: string;
  site: string;
  transport: 'collector' | 'events';
}

/** How a submission ended for the widget's next step. */
export type Outcome = SubmittedDetail['delivery'] | 'rejected';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The base of every Tandem widget: configuration from attributes, `Tandem.configure()` and
 * the loader; reactive language and direction; strings; submissions; and an error boundary
 * that turns any failure into a short notice in the widget and a console message, never an
 * uncaught error in the host page.
 */
export abstract class TandemElement extends LitElement {
  static override properties = {
    endpoint: { type: String },
    site: { type: String },
    transport: { type: String },
    page: { type: String },
    strings: { type: Object },
  };

  /** The collector's base URL. Defaults to the loader's `data-endpoint`. */
  declare endpoint: string | undefined;
  /** The site id the collector knows this website by. Defaults to the loader's `data-site`. */
  declare site: string | undefined;
  /** `collector` (default) sends answers; `events` sends nothing and only fires events. */
  declare transport: string | undefined;
  /** The page address to report, if not this page's own. Query and fragment are removed. */
  declare page: string | undefined;
  /** JSON object of string overrides for this element, e.g. `{"question":"Was this useful?"}`. */
  declare strings: Record<string, string> | undefined;

  /** The widget's strings by language: English given at once, others loaded when needed. */
  static locales: Record<string, StringsSource> = {};

  /** The i18n namespace, which is also the widget's name. */
  protected abstract readonly widget: WidgetName;

  protected readonly locale = new LocaleController(this, () => this.localeChanged());
  protected t: Translate = (key) => key;
  /** The language the widget speaks (a language Tandem has strings for). */
  protected language = 'en';
  /** The language the page asks for, drawn once its strings are here. */
  private wanted = '';
  private stringsReady = false;
  private internals: ElementInternals | undefined;
  private failure: unknown;
  private reportedProblems = '';
  private unsubscribe: (() => void) | undefined;
  private readonly elementNs = `el-${newId()}`;

  override connectedCallback(): void {
    try {
      super.connectedCallback();
      this.unsubscribe = onConfigure(() => this.guard(() => this.localeChanged()));
      // Someone about to answer: fetch the redactor and validator now, not on Send.
      const warm = () => void loadPreparer().catch(() => {});
      this.addEventListener('focusin', warm, { once: true });
      this.addEventListener('pointerdown', warm, { once: true });
      if (this.resolveConfig().transport === 'collector') pageOutbox();
    } catch (error) {
      this.fail(error);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /** Attribute, then `Tandem.configure()` / loader option. */
  protected resolveConfig(): ResolvedConfig {
    const options = globalOptions();
    const transport = this.transport ?? options.transport ?? 'collector';
    return {
      endpoint: (this.endpoint ?? options.endpoint ?? '').trim(),
      site: (this.site ?? options.site ?? '').trim(),
      transport: transport === 'events' ? 'events' : 'collector',
    };
  }

  /** Checks the configuration; a widget adds its own checks by overriding this. */
  protected configProblems(): ConfigProblem[] {
    const { endpoint, site, transport } = this.resolveConfig();
    const problems: ConfigProblem[] = [];
    if (this.transport && !['collector', 'events'].includes(this.transport)) {
      problems.push({ attribute: 'transport', message: `must be "collector" or "events", not "${this.transport}"` });
    }
    if (transport === 'collector') {
      if (!endpoint) problems.push({ attribute: 'endpoint', message: 'is missing: set it on the element or as data-endpoint on the tandem.js script tag' });
      else if (!isHttpUrl(endpoint)) problems.push({ attribute: 'endpoint', message: `must be an http(s) URL, not "${endpoint}"` });
    }
    if (!site) problems.push({ attribute: 'site', message: 'is missing: set it on the element or as data-site on the tandem.js script tag' });
    else if (!SLUG.test(site)) problems.push({ attribute: 'site', message: `must be lower-case letters, digits and dashes, not "${site}"` });
    return problems;
  }

  /**
   * Draws only in the language the page asks for: until its strings are here, what is on
   * screen stays (nothing, at first). A language that cannot load falls back to English.
   */
  private localeChanged(): void {
    registerNamespace(this.widget, (this.constructor as typeof TandemElement).locales);
    const wanted = (this.wanted = resolveLanguage(this.widget, this.locale.lang));
    const done = loadStrings(this.widget, wanted);
    applyHostStrings(this.widget);
    const show = (language = wanted) => {
      if (this.wanted !== wanted) return;
      this.language = language;
      this.applyStrings();
    };
    if (hasStrings(this.widget, wanted)) show();
    void done.then(() => show(), (error) => {
      console.warn(`[tandem] <${this.localName}>: no "${wanted}" strings, so English:`, error);
      show('en');
    });
  }

  private applyStrings(): void {
    if (this.strings && typeof this.strings === 'object') setElementStrings(this.elementNs, this.language, this.strings);
    this.t = translator(this.widget, this.language, this.elementNs);
    this.stringsReady = true;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('strings') && this.hasUpdated) this.applyStrings();
  }

  /** The id of the element to focus once the next render is done: focus moves with the content it leads to. */
  protected focusAfterRender: string | undefined;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // `:state(drawn)` ends the space the loader reserves for the widget: set once it shows its
    // content in its language, not while a widget that fetches it (the poll's `loadStatus`) waits.
    const { loadStatus } = this as { loadStatus?: string };
    try {
      if (this.stringsReady && loadStatus !== 'idle' && loadStatus !== 'loading') (this.internals ??= this.attachInternals()).states.add('drawn');
    } catch {
      // Browsers before custom states (Chrome < 125) reserve the space only until definition.
    }
    const id = this.focusAfterRender;
    if (!id) return;
    this.focusAfterRender = undefined;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** The error boundary: Lit calls this for every render. */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch (error) {
      this.fail(error);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.stringsReady) return nothing;
    if (this.failure) return this.renderNotice(this.t('notice.broken'));
    const problems = this.configProblems();
    if (problems.length) {
      this.reportProblems(problems);
      return this.renderNotice(this.t('notice.misconfigured'));
    }
    return html`<div class="base" part="base" lang=${this.language}>${this.renderWidget()}</div>`;
  }

  protected abstract renderWidget(): unknown;

  private renderNotice(text: string): TemplateResult {
    return html`<div class="base notice" part="base error" lang=${this.language}><p>${text}</p></div>`;
  }

  private reportProblems(problems: ConfigProblem[]): void {
    const key = JSON.stringify(problems);
    if (key === this.reportedProblems) return;
    this.reportedProblems = key;
    for (const { attribute, message } of problems) {
      const text = `[tandem] <${this.localName}>: "${attribute}" ${message}.`;
      console.error(text, this);
      this.dispatchEvent(new TandemErrorEvent({ kind: 'configuration', attribute, message: text }));
    }
  }

  /** Turns a failure into the notice and one console message. */
  protected fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error ?? new Error('unknown failure');
    console.error(`[tandem] <${this.localName}> stopped after an error:`, error);
    try {
      this.dispatchEvent(new TandemErrorEvent({ kind: 'internal', message: String(error) }));
    } finally {
      this.requestUpdate();
    }
  }

  /** Runs a handler inside the error boundary, sync or async. */
  protected guard(action: () => unknown): void {
    try {
      const result = action();
      if (result instanceof Promise) result.catch((error: unknown) => this.fail(error));
    } catch (error) {
      this.fail(error);
    }
  }

  /** This element's instance id: its `id` if that is a usable slug, else the widget name. */
  protected get instance(): string {
    const id = this.id.toLowerCase();
    return SLUG.test(id) ? id : this.widget;
  }

  /** Builds a submission of this widget's answers; `deliver()` redacts and checks it. */
  protected buildSubmission(answers: Record<string, AnswerValue>, signals: Submission['signals']): Submission {
    return {
      id: newId(),
      site: this.resolveConfig().site,
      widget: this.widget,
      instance: this.instance,
      page: { url: pageAddress(this.page || location.href), title: document.title.slice(0, 300) },
      lang: this.language,
      answers,
      signals,
      clientTime: new Date().toISOString(),
      sdkVersion: VERSION,
    };
  }

  /**
   * Fires `tandem-submit`; unless cancelled, sends through the page's outbox (or only fires
   * events with `transport="events"`); then fires `tandem-submitted` or `tandem-error`.
   */
  protected async deliver(draft: Submission): Promise<Outcome> {
    let prepared: typeof import('./prepare.js');
    try {
      prepared = await loadPreparer();
    } catch {
      this.holdUntilPreparable(draft);
      return 'queued';
    }
    const submission = prepared.prepareSubmission(draft);
    if (!this.dispatchEvent(new TandemSubmitEvent({ submission }))) return this.submitted(submission, 'host');
    const { endpoint, transport } = this.resolveConfig();
    if (transport === 'events') return this.submitted(submission, 'events');
    const delivery = await pageOutbox().submit(submission, new URL('v1/submissions', new URL(endpoint.replace(/\/?$/, '/'), document.baseURI)).href);
    if (delivery.status === 'rejected') {
      this.dispatchEvent(new TandemErrorEvent({ kind: 'rejected', message: `The collector refused the answer (HTTP ${delivery.httpStatus}).`, response: delivery.message }));
      return 'rejected';
    }
    return this.submitted(submission, delivery.status);
  }

  /**
   * Offline before the redactor could be fetched: nothing unredacted may be stored or sent, so
   * the answer waits in memory and is tried again when the device is back online (or in 30 s).
   */
  private holdUntilPreparable(draft: Submission): void {
    const retry = () => {
      window.removeEventListener('online', retry);
      clearTimeout(timer);
      this.guard(() => this.deliver(draft));
    };
    const timer = setTimeout(retry, 30000);
    window.addEventListener('online', retry);
  }

  private submitted(submission: Submission, delivery: SubmittedDetail['delivery']): Outcome {
    this.dispatchEvent(new TandemSubmittedEvent({ submission, delivery }));
    return delivery;
  }
}

let preparer: Promise<typeof import('./prepare.js')> | undefined;

/**
 * Loads the redactor and validator (their own chunk, fetched when someone first touches a
 * widget, so the many who never answer don't download them). A failed load can be retried.
 */
function loadPreparer(): Promise<typeof import('./prepare.js')> {
  preparer ??= import('./prepare.js').catch((error: unknown) => {
    preparer = undefined;
    throw error;
  });
  return preparer;
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, document.baseURI).protocol);
  } catch {
    return false;
  }
}
