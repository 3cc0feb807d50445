import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { TandemErrorEvent, TandemSubmitEvent, TandemSubmittedEvent, type SubmittedDetail } from './events.js';
import { realClock, type Clock } from './clock.js';
import { focusInPlace } from './focus.js';
import { globalOptions, onConfigure } from './global.js';
import { applyHostStrings, hasStrings, loadStrings, registerNamespace, resolveLanguage, setElementStrings, translator, type StringsSource, type Translate } from './i18n.js';
import { newId } from './id.js';
import { LocaleController } from './locale-controller.js';
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

/**
 * How a submission ended for the widget's next step: delivered in one of the ways
 * `tandem-submitted` reports, `rejected` by the collector, or `unprepared`: the code that
 * redacts and checks answers could not be fetched, so nothing was stored or sent (the widget
 * must say so and let the person try again; a reload would lose it).
 */
export type Outcome = SubmittedDetail['delivery'] | 'rejected' | 'unprepared';

/** The collector's refusal of an answer. */
export interface Refusal {
  httpStatus: number;
  /** The `code` of its answer (`{"error": "…", "code": "duplicate-statement"}`), if it has one. */
  code?: string | undefined;
  /** Its answer as it came. */
  response: string;
}

/** What `deliver()` did: the outcome, the submission as it left (redacted), and any refusal. */
export type DeliveryResult =
  | { outcome: 'unprepared' }
  | { outcome: SubmittedDetail['delivery']; submission: Submission }
  | { outcome: 'rejected'; submission: Submission; refusal: Refusal };

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
      // Ready before anyone can answer: an answer made before this code is here could not be kept.
      // It brings the outbox, which then sends what earlier pages left waiting.
      whenIdle(() => prefetchPreparer(this.resolveConfig().transport === 'collector'));
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
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (target) focusInPlace(target);
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

  /** The time the widget reads (how long a form took) and its timers: tests give it one they move by hand. */
  clock: Clock = realClock;

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
   * events with `transport="events"`); then fires `tandem-submitted` or `tandem-error`, and
   * returns what happened, so the widget need not listen to its own events.
   */
  protected async deliver(draft: Submission): Promise<DeliveryResult> {
    let prepared: typeof import('./prepare.js');
    try {
      prepared = await loadPreparer();
    } catch (error) {
      // Nothing unredacted may be stored or sent, and memory does not survive a reload: say so.
      console.warn('[tandem] answer not sent: its code did not load', error);
      return { outcome: 'unprepared' };
    }
    const submission = prepared.prepareSubmission(draft);
    if (!this.dispatchEvent(new TandemSubmitEvent({ submission }))) return this.submitted(submission, 'host');
    const { endpoint, transport } = this.resolveConfig();
    if (transport === 'events') return this.submitted(submission, 'events');
    const delivery = await prepared.pageOutbox(realClock).submit(submission, new URL('v1/submissions', new URL(endpoint.replace(/\/?$/, '/'), document.baseURI)).href);
    if (delivery.status === 'rejected') {
      this.dispatchEvent(new TandemErrorEvent({ kind: 'rejected', message: `The collector refused the answer (HTTP ${delivery.httpStatus}).`, response: delivery.message }));
      return { outcome: 'rejected', submission, refusal: { httpStatus: delivery.httpStatus, code: refusalCode(delivery.message), response: delivery.message } };
    }
    return this.submitted(submission, delivery.status);
  }

  private submitted(submission: Submission, delivery: SubmittedDetail['delivery']): DeliveryResult {
    this.dispatchEvent(new TandemSubmittedEvent({ submission, delivery }));
    return { outcome: delivery, submission };
  }
}

let preparer: Promise<typeof import('./prepare.js')> | undefined;

/**
 * Loads the redactor, the validator and the outbox (their own chunk, kept out of the first
 * paint). A failed load is forgotten, so the next answer (or the device back online) tries again.
 */
function loadPreparer(): Promise<typeof import('./prepare.js')> {
  preparer ??= import('./prepare.js').catch((error: unknown) => {
    preparer = undefined;
    throw error;
  });
  return preparer;
}

/** Fetches the preparer ahead of any answer (offline, again when the device is back), and resumes the outbox. */
function prefetchPreparer(resume: boolean): void {
  loadPreparer().then(
    (prepared) => resume && prepared.pageOutbox(realClock),
    () => window.addEventListener('online', () => prefetchPreparer(resume), { once: true }),
  );
}

function whenIdle(task: () => void): void {
  (window.requestIdleCallback ?? setTimeout)(task);
}

/** The `code` of a refusal (`{"error": "…", "code": "duplicate-statement"}`), if it has one. */
function refusalCode(response: string): string | undefined {
  try {
    const code = (JSON.parse(response) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, document.baseURI).protocol);
  } catch {
    return false;
  }
}
