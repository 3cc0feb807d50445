import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { TandemElement, defineElement } from '../src/index.js';
import { mountPage } from '../../../test/support/page.js';

/**
 * A widget draws once, in the page's language: nothing until that language's strings are
 * here, then the widget. A language that cannot load falls back to English, marked lang="en".
 * The test holds the Welsh strings' arrival in its own hands (a promise it settles).
 */

const en = { notice: { broken: 'Broken.', misconfigured: 'Misconfigured.' }, hello: 'Hello' };
const cy = { notice: { broken: 'Wedi torri.', misconfigured: 'Gosodiadau anghywir.' }, hello: 'Helo' };

let arrival: { promise: Promise<{ default: typeof cy }>; resolve: () => void; reject: (error: Error) => void };
function holdWelsh() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<{ default: typeof cy }>((yes, no) => {
    resolve = () => yes({ default: cy });
    reject = no;
  });
  arrival = { promise, resolve, reject };
}

/** A widget of its own namespace for each test, so that no test finds Welsh already loaded. */
function speakingWidget(tag: string, widget: 'feedback' | 'finder' | 'poll'): void {
  class SpeakingWidget extends TandemElement {
    static override locales = { en, cy: () => arrival.promise };
    protected readonly widget = widget;
    protected renderWidget() {
      return html`<p>${this.t('hello')}</p>`;
    }
  }
  defineElement(tag, SpeakingWidget);
}
speakingWidget('test-welsh-widget', 'feedback');
speakingWidget('test-switching-widget', 'finder');
speakingWidget('test-falling-back-widget', 'poll');

function mount(tag: string, lang: string): HTMLElement {
  mountPage(`<${tag} site="test" transport="events"></${tag}>`, { lang });
  return document.querySelector<HTMLElement>(tag)!;
}
const updated = (element: HTMLElement) => (element as unknown as { updateComplete: Promise<boolean> }).updateComplete;

/** A turn of the event loop: whatever was to render has rendered (test pages may run in the background, without frames). */
const frame = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Every text the shadow root showed, sampled from before the first render and after each
 * change (a MutationObserver sees every state a frame could paint, and some it could not).
 */
function sample(element: HTMLElement): { seen: Set<string>; stop: () => void } {
  const seen = new Set<string>();
  const look = () => {
    const base = element.shadowRoot?.querySelector('.base');
    seen.add(base ? `${base.getAttribute('lang')}:${base.textContent!.trim()}` : `empty:${element.shadowRoot?.textContent?.trim() ?? ''}`);
  };
  const observer = new MutationObserver(look);
  observer.observe(element.shadowRoot!, { childList: true, subtree: true, characterData: true, attributes: true });
  look();
  return { seen, stop: () => observer.disconnect() };
}

const drawn = (element: HTMLElement) => element.matches(':state(drawn)');

/** What the widgets said with console.warn during each test. */
let warnings: unknown[][];
let consoleWarn: typeof console.warn;
beforeEach(() => {
  warnings = [];
  consoleWarn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
});
afterEach(() => {
  console.warn = consoleWarn;
});

describe('TandemElement language', () => {
  it('draws nothing on a Welsh page until the Welsh strings arrive, then Welsh once', async () => {
    holdWelsh();
    const element = mount('test-welsh-widget', 'cy');
    const { seen, stop } = sample(element);
    for (let i = 0; i < 5; i += 1) await frame();
    expect(element.shadowRoot!.textContent!.trim()).to.equal('');
    expect(drawn(element), 'drawn before its language').to.equal(false);
    arrival.resolve();
    await frame();
    await updated(element);
    await frame();
    stop();
    expect(element.shadowRoot!.querySelector('.base')!.getAttribute('lang')).to.equal('cy');
    expect([...seen]).to.deep.equal(['empty:', 'cy:Helo']);
    expect(drawn(element)).to.equal(true);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps English on screen while Welsh loads after the page switches, then switches once', async () => {
    const element = mount('test-switching-widget', 'en');
    await updated(element);
    expect(element.shadowRoot!.textContent!.trim()).to.equal('Hello');
    holdWelsh();
    const { seen, stop } = sample(element);
    document.getElementById('host')!.lang = 'cy-GB';
    for (let i = 0; i < 3; i += 1) await frame();
    expect(element.shadowRoot!.textContent!.trim(), 'while Welsh loads').to.equal('Hello');
    arrival.resolve();
    await frame();
    await updated(element);
    await frame();
    stop();
    expect([...seen]).to.deep.equal(['en:Hello', 'cy:Helo']);
  });
});

describe('TandemElement language that cannot load', () => {
  it('falls back to English marked lang="en", says so in the console, and no error reaches the page', async () => {
    const windowErrors: unknown[] = [];
    const onError = (event: Event) => windowErrors.push(event);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    holdWelsh();
    const element = mount('test-falling-back-widget', 'cy');
    const { seen, stop } = sample(element);
    for (let i = 0; i < 3; i += 1) await frame();
    arrival.reject(new Error('Failed to fetch dynamically imported module'));
    await frame();
    await updated(element);
    await frame();
    stop();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect([...seen]).to.deep.equal(['empty:', 'en:Hello']);
    expect(element.shadowRoot!.querySelector('.base')!.getAttribute('lang')).to.equal('en');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.equal('[tandem] <test-falling-back-widget>: no "cy" strings, so English:');
    expect(windowErrors).to.deep.equal([]);
  });
});
