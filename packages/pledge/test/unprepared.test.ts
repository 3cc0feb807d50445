// The code that prepares an answer (redaction and the schema check, its own chunk) is fetched
// when the page is idle. Here that fetch fails, as it does offline before it ever loaded: an
// offer must not be promised, and once the code can load the same offer is sent. This file has
// a page of its own, where the chunk has never loaded.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { AN_OFFER } from './harness.js';
import { mountPledge, received, scenario } from './support.js';

const PREPARE = ['*/core/src/prepare.ts*', '*/chunks/prepare-*'];

describe('<tandem-pledge>: the code that prepares offers cannot be fetched', () => {
  before(() => executeServerCommand('block-urls', { urls: PREPARE }));
  after(() => executeServerCommand('block-urls', { urls: [] }));

  it('the offer is not promised: it says it was not sent, keeps every answer, and sends it once the code loads', async () => {
    const name = scenario();
    const warn = console.warn;
    console.warn = () => {};
    try {
      const pledge = await mountPledge(name);
      await pledge.fill(AN_OFFER);
      await pledge.send();
      expect(pledge.element.stage).to.equal('offering');
      expect(pledge.focused).to.equal('offer-refusal');
      expect(pledge.text('#offer-refusal')).to.equal('Your offer has not been sent. Check your internet connection and try again.');
      expect(pledge.control<HTMLInputElement>('name').value).to.equal('Jo Bloggs');
      expect(pledge.query('#reference'), 'no reference for an offer that was not made').to.equal(null);
      await expectNoAxeViolations();
      await executeServerCommand('block-urls', { urls: [] });
      await pledge.send();
      expect(pledge.element.stage).to.equal('sent');
      expect(Object.keys((await received(name)).stored)).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
