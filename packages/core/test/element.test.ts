import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { TandemElement, defineElement, tandemGlobal, VERSION } from '../src/index.js';
import { mountPage } from '../../../test/support/page.js';
import { waitFor } from './outbox-support.js';

const strings = { notice: { broken: 'Broken.', misconfigured: 'Misconfigured.' }, hello: 'Hello' };

/** A widget that throws wherever the test asks it to. */
class FaultyWidget extends TandemElement {
  static override locales = { en: strings };
  protected readonly widget = 'poll' as const;
  throwIn = '';
  protected renderWidget() {
    if (this.throwIn === 'render') throw new Error('render failed');
    return html`<p>${this.t('hello')}</p><button id="go" @click=${this.go}>Go</button>`;
  }
  private readonly go = () =>
    this.guard(async () => {
      await Promise.resolve();
      throw new Error('handler failed');
    });
}
defineElement('test-faulty-widget', FaultyWidget);

async function mount(): Promise<FaultyWidget> {
  mountPage('<test-faulty-widget site="test" transport="events"></test-faulty-widget>');
  const element = document.querySelector<FaultyWidget>('test-faulty-widget')!;
  await element.updateComplete;
  await element.updateComplete;
  return element;
}

describe('TandemElement error boundary', () => {
  const windowErrors: unknown[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => windowErrors.push('reason' in event ? event.reason : event.error);
  let consoleError: typeof console.error;
  beforeEach(() => {
    windowErrors.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    consoleError = console.error;
    console.error = () => {};
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    console.error = consoleError;
  });

  it('renders normally', async () => {
    const element = await mount();
    expect(element.shadowRoot!.querySelector('p')!.textContent).to.equal('Hello');
  });

  it('a render that throws becomes a notice, not a page error', async () => {
    const element = await mount();
    const errors: string[] = [];
    element.addEventListener('tandem-error', (e) => errors.push(e.detail.kind));
    element.throwIn = 'render';
    element.requestUpdate();
    await element.updateComplete.catch(() => {});
    await waitFor(() => element.shadowRoot!.textContent?.includes('Broken.'), 'the notice');
    expect(errors).to.deep.equal(['internal']);
    expect(windowErrors).to.deep.equal([]);
  });

  it('an async handler that rejects becomes a notice, not an unhandled rejection', async () => {
    const element = await mount();
    element.shadowRoot!.querySelector<HTMLButtonElement>('#go')!.click();
    // The notice comes from the same catch that keeps the rejection from reaching the window.
    await waitFor(() => element.shadowRoot!.textContent?.includes('Broken.'), 'the notice');
    expect(windowErrors).to.deep.equal([]);
  });
});

describe('defineElement', () => {
  it('defines a tag once; a second copy with another class is skipped without throwing', () => {
    class Other extends HTMLElement {}
    const first = customElements.get('test-faulty-widget');
    expect(() => defineElement('test-faulty-widget', Other)).not.to.throw();
    expect(customElements.get('test-faulty-widget')).to.equal(first);
  });
});

describe('window.Tandem', () => {
  it('is one global with version, configure and ready', async () => {
    const { tandem } = tandemGlobal();
    expect(window.Tandem).to.equal(tandem);
    expect(tandem.version).to.equal(VERSION);
    expect(typeof tandem.configure).to.equal('function');
    await tandem.ready;
    expect(tandemGlobal().created).to.equal(false);
  });

  it('Tandem.configure updates widgets that rely on it', async () => {
    mountPage('<test-faulty-widget></test-faulty-widget>');
    const element = document.querySelector<FaultyWidget>('test-faulty-widget')!;
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).to.contain('Misconfigured.');
    window.Tandem!.configure({ site: 'test', transport: 'events' });
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).to.contain('Hello');
    window.Tandem!.configure({ site: undefined, transport: undefined });
  });
});
