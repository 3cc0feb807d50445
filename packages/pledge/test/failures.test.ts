import { expect } from '@esm-bundle/chai';
import { referenceOf } from '@tandem/core/protocol.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { capture, watchPageErrors } from '../../../test/support/host-page.js';
import { mountPage } from '../../../test/support/page.js';
import { AN_OFFER, PledgeHarness } from './harness.js';
import { eventually, LIST, mountPledge, received, scenario, script, SITE } from './support.js';

describe('<tandem-pledge>: when things go wrong', () => {
  it('collector unreachable on load: a short message, a console warning, nothing thrown', async () => {
    const errors = watchPageErrors();
    await capture('warn', async (warnings) => {
      mountPage(`<tandem-pledge list="${LIST}" site="${SITE}" endpoint="http://127.0.0.1:9/"></tandem-pledge>`);
      const pledge = await new PledgeHarness(document.querySelector('tandem-pledge')!).ready();
      expect(pledge.element.loadStatus).to.equal('unavailable');
      expect(pledge.text('#load-message')).to.equal('Sorry, offering help is not available right now. Please try again later.');
      expect(warnings.join('\n')).to.match(/could not reach the collector for list "help-your-neighbourhood"/);
      await expectNoAxeViolations();
    });
    errors.stop();
    expect(errors.list).to.deep.equal([]);
  });

  it('a list the collector does not have: a notice for residents, a tandem-error for the web team', async () => {
    const events: CustomEvent[] = [];
    document.addEventListener('tandem-error', (event) => events.push(event as CustomEvent), { once: true });
    await capture('error', async (messages) => {
      mountPage(`<tandem-pledge list="no-such-list" site="${SITE}" endpoint="/collector/${scenario()}"></tandem-pledge>`);
      const pledge = await new PledgeHarness(document.querySelector('tandem-pledge')!).ready();
      expect(pledge.element.loadStatus).to.equal('not-found');
      expect(pledge.text('#load-message')).to.equal('Sorry, offering help is not available on this page.');
      expect(messages.join('\n')).to.contain('"list" "no-such-list" was not found for site "adult-social-care"');
    });
    expect(events[0]?.detail).to.deep.include({ kind: 'configuration', attribute: 'list' });
  });

  it('a list attribute that is not an id: says so in the console, fetches nothing', async () => {
    const name = scenario();
    await capture('error', async (messages) => {
      mountPage(`<tandem-pledge list="Help Us!" site="${SITE}" endpoint="/collector/${name}"></tandem-pledge>`);
      await new PledgeHarness(document.querySelector('tandem-pledge')!).ready();
      expect(messages.join('\n')).to.contain('must be lower-case letters, digits and dashes, not "Help Us!"');
    });
    expect((await received(name)).attempts).to.equal(0);
  });

  it('offline when sending: the resident is told it waits on this page only, gets the reference, and it is sent once, later', async () => {
    const name = scenario();
    const errors = watchPageErrors();
    const pledge = await mountPledge(name);
    await script(name, ['drop']);
    await pledge.fill(AN_OFFER);
    await pledge.send();
    expect(pledge.element.stage).to.equal('queued');
    expect(pledge.text('#confirmation-heading')).to.equal('Your offer is ready to send');
    expect(pledge.text('#queued-message')).to.equal(
      'We could not reach the council just now. Keep this page open: your offer will be sent as soon as you are back online. It is not saved on this device, so it will be lost if you close the page.',
    );
    const reference = pledge.shownReference;
    await expectNoAxeViolations();
    // The outbox tries again (after about 2 seconds) and the collector has it once, under the reference shown.
    await eventually(async () => expect(Object.values((await received(name)).accepted)).to.deep.equal([1]), 8000);
    const [id] = Object.keys((await received(name)).stored);
    expect(referenceOf(id!)).to.equal(reference);
    errors.stop();
    expect(errors.list).to.deep.equal([]);
  });

  it('refused by the collector: says so where focus lands, keeps every answer to try again', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    await script(name, [{ status: 422, body: { error: 'refused: invalid-offer', code: 'invalid-offer' } }]);
    await capture('warn', async () => {
      await pledge.fill(AN_OFFER);
      await pledge.send();
    });
    expect(pledge.element.stage).to.equal('offering');
    expect(pledge.focused).to.equal('offer-refusal');
    expect(pledge.text('#offer-refusal')).to.equal('Sorry, your offer could not be sent. Check your answers and try again.');
    expect(pledge.control<HTMLInputElement>('way-litter-picks').checked).to.equal(true);
    expect(pledge.control<HTMLInputElement>('email').value).to.equal('jo@example.com');
    await expectNoAxeViolations();
    await pledge.send();
    expect(pledge.element.stage, 'the same offer goes through the second time').to.equal('sent');
  });

  it('a host that handles offers itself: tandem-submit cancelled, nothing sent to the collector', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    let detail: { submission: { contact?: unknown; answers: unknown } } | undefined;
    pledge.element.addEventListener('tandem-submit', (event) => {
      event.preventDefault();
      detail = (event as CustomEvent).detail;
    });
    await pledge.fill(AN_OFFER);
    await pledge.send();
    expect(pledge.element.stage).to.equal('sent');
    expect(detail?.submission.contact).to.deep.equal({ name: 'Jo Bloggs', email: 'jo@example.com', prefer: 'email' });
    expect((await received(name)).attempts).to.equal(0);
  });

  describe('storage blocked', () => {
    const blocked = () => {
      throw new DOMException('The user denied storage', 'SecurityError');
    };
    // Both kinds of storage, as a browser set to block all site data does.
    beforeEach(() => {
      Object.defineProperty(window, 'localStorage', { get: blocked, configurable: true });
      Object.defineProperty(window, 'indexedDB', { get: blocked, configurable: true });
    });
    afterEach(() => {
      delete (window as { localStorage?: unknown }).localStorage;
      delete (window as { indexedDB?: unknown }).indexedDB;
    });

    it('still sends an offer and shows its reference, throwing nothing: an offer never needs the device', async () => {
      expect(() => window.localStorage).to.throw();
      expect(() => window.indexedDB).to.throw();
      const errors = watchPageErrors();
      const name = scenario();
      const pledge = await mountPledge(name);
      await pledge.fill(AN_OFFER);
      await pledge.send();
      expect(pledge.element.stage).to.equal('sent');
      const [id] = Object.keys((await received(name)).stored);
      expect(pledge.shownReference).to.equal(referenceOf(id!));
      errors.stop();
      expect(errors.list).to.deep.equal([]);
    });
  });
});
