import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { AN_OFFER } from './harness.js';
import { mountPledge, received, scenario, script } from './support.js';

describe('<tandem-pledge>: withdrawing an offer', () => {
  it('takes the reference as a person types it (lower case, spaces), withdraws it, and says the contact details are deleted', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    await pledge.fill(AN_OFFER);
    await pledge.send();
    const reference = pledge.shownReference;
    const typed = ` ${reference.toLowerCase().replace(/-/g, ' ')} `;
    await pledge.withdraw(typed);
    expect(pledge.focused).to.equal('withdraw-message');
    expect(pledge.text('#withdraw-message')).to.equal(`Your offer ${reference} has been withdrawn and your contact details deleted.`);
    expect((await received(name)).withdrawn).to.deep.equal([reference]);
    await expectNoAxeViolations();
  });

  it('an unknown or already withdrawn reference: the same message, marked as an error on the field', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    await pledge.fill(AN_OFFER);
    await pledge.send();
    const reference = pledge.shownReference;
    await pledge.withdraw(reference);
    await pledge.withdraw(reference);
    const again = pledge.text('#withdraw-message');
    await pledge.withdraw('TDM-2345-6789-ABCD');
    expect(pledge.text('#withdraw-message')).to.equal(again);
    expect(again).to.equal('We could not find an offer with that reference. Check it and try again. If you withdrew it already, there is nothing more to do.');
    const field = pledge.control('withdraw-reference');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('withdraw-reference-hint withdraw-message');
    await expectNoAxeViolations();
  });

  it('something that is not a reference: asks for the format, sends nothing', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    await pledge.withdraw('my offer');
    expect(pledge.text('#withdraw-message')).to.equal('Enter your reference in the format TDM-7K3Q-M2XP-R4WA');
    expect((await received(name)).withdrawn).to.deep.equal([]);
  });

  it('the collector cannot be reached: says to try later, keeps what was typed', async () => {
    const pledge = await mountPledge(scenario(), { attributes: '' });
    pledge.element.setAttribute('endpoint', 'http://127.0.0.1:9/');
    await pledge.settle();
    await pledge.withdraw('TDM-2345-6789-ABCD');
    expect(pledge.text('#withdraw-message')).to.equal('Sorry, we could not withdraw your offer just now. Please try again later.');
    expect(pledge.control<HTMLInputElement>('withdraw-reference').value).to.equal('TDM-2345-6789-ABCD');
  });

  it('by keyboard: the disclosure opens with Enter, and the reference is sent with Enter', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    await script(name, []);
    const summary = pledge.query<HTMLElement>('details.withdraw summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(pledge.query<HTMLDetailsElement>('details.withdraw')!.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(pledge.focused).to.equal('withdraw-reference');
    await sendKeys({ type: 'TDM-2345-6789-ABCD' });
    await sendKeys({ press: 'Enter' });
    await pledge.until(() => !!pledge.query('#withdraw-message') && !pledge.text('#withdraw').endsWith('…'), 5000, 'the withdrawal');
    expect(pledge.text('#withdraw-message')).to.match(/^We could not find an offer/);
  });
});
