import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { referenceOf } from '@tandem/core/protocol.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { AN_OFFER } from './harness.js';
import { axFullTree, axNode, eventually, flatten, LIST, mountPledge, received, scenario, SITE } from './support.js';

describe('<tandem-pledge>: making an offer', () => {
  it('sends the offer with its contact details apart from its answers, and shows the reference the collector will know', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    const submitted: CustomEvent[] = [];
    pledge.element.addEventListener('tandem-submitted', (event) => submitted.push(event as CustomEvent));
    await pledge.fill({ ...AN_OFFER, note: 'I have a car. Call me on 07700 900982.' });
    await pledge.send();

    expect(pledge.element.stage).to.equal('sent');
    const { stored } = await received(name);
    const offers = Object.values(stored);
    expect(offers).to.have.length(1);
    const offer = offers[0]!;
    expect([offer.widget, offer.instance, offer.site]).to.deep.equal(['pledge', LIST, SITE]);
    expect(offer.answers).to.deep.equal({
      ways: ['befriending-calls', 'litter-picks'],
      areas: ['home', 'north'],
      when: ['weekdays-mornings', 'weekends-afternoons'],
      often: 'monthly',
      age: 'adult',
      note: 'I have a car. Call me on [phone].',
    });
    expect(offer.contact, 'contact details are the point of the offer: kept as typed').to.deep.equal({ name: 'Jo Bloggs', email: 'jo@example.com', prefer: 'email' });
    expect(pledge.shownReference).to.equal(referenceOf(offer.id));
    expect(pledge.element.reference).to.equal(pledge.shownReference);
    expect(submitted.map((event) => event.detail.delivery)).to.deep.equal(['sent']);
    expect(pledge.focused, 'focus moves to what happened').to.equal('confirmation-heading');
    expect(pledge.text('#confirmation-heading')).to.equal('Thank you for offering to help');
    expect(pledge.text('.confirmation')).to.contain('will contact you by email within 10 working days');
    expect(await axNode((n) => n.role === 'button' && n.name === 'Copy reference' && n.description === pledge.shownReference)).to.exist;
    await expectNoAxeViolations();
  });

  it('says who will be in touch for tasks run with a partner, and never asks about criminal records', async () => {
    const pledge = await mountPledge(scenario());
    expect(pledge.text('#way-sitting-service-details')).to.contain("Carers' Trust (local branch) will get in touch to arrange what the role needs. We will not ask you about criminal records here.");
    expect(pledge.text('.pledge')).not.to.match(/DBS|convict/i);
    await pledge.fill({ ...AN_OFFER, ways: ['repair-cafe', 'sitting-service', 'lunch-club'], areas: ['north'], phone: '07700 900 982', prefer: 'phone' });
    await pledge.send();
    expect(pledge.element.stage).to.equal('sent');
    const lines = [...pledge.root.querySelectorAll('.confirmation p')].map((p) => p.textContent!.trim());
    expect(lines).to.include('For Repair café helper, Town Repair Café (community group) will contact you instead.');
    expect(lines.some((line) => line.includes('will contact you by phone'))).to.equal(true);
  });

  it('says what each way involves and what the resident will not be asked to do, in the checkbox\'s description', async () => {
    const pledge = await mountPledge(scenario());
    const box = await axNode((n) => n.role === 'checkbox' && n.name === 'Shopping drop-offs');
    expect(box?.description).to.contain('Collecting a prescription or a few groceries');
    expect(box?.description).to.contain("You won't be asked to go into anyone's home or to handle their money");
    expect(box?.description).to.contain('For people aged 18 or over.');
    expect(pledge.query('#way-shopping-drop-offs-details .boundaries li')).to.exist;
  });

  it('with nothing chosen: a GOV.UK error summary, each link moving focus to its question, and nothing sent', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    await pledge.send();
    expect(pledge.focused).to.equal('error-summary');
    expect(pledge.errorLinks).to.deep.equal([
      ['Choose at least one way you could help', 'way-befriending-calls'],
      ['Choose where you could help, or "From home"', 'area-town-centre'],
      ['Choose when you could help, or "Now and then"', 'when-weekdays-mornings'],
      ['Choose how often you could help', 'often-once'],
      ['Choose how old you are', 'age-adult'],
      ['Enter your name', 'name'],
      ['Enter the email address or phone number you would like us to use', 'email'],
    ]);
    const ways = pledge.control('ways');
    expect(ways.getAttribute('aria-describedby')).to.equal('ways-hint ways-error');
    expect(pledge.text('#ways-error')).to.equal('Error: Choose at least one way you could help');
    pledge.root.querySelector<HTMLAnchorElement>('#error-summary a[href="#often-once"]')!.click();
    await pledge.settle();
    expect(pledge.focused).to.equal('often-once');
    expect((await received(name)).attempts).to.equal(0);
    await expectNoAxeViolations();
  });

  it('a 16 or 17 year old: only ways open to young people, and a parent\'s or guardian\'s email', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    await pledge.fill({ ...AN_OFFER, age: 'young' });
    expect(pledge.query('#guardian'), 'asked for only once "16 or 17" is chosen').to.exist;
    await pledge.send();
    expect(pledge.errorLinks).to.deep.equal([
      ['Some of the ways to help you chose are for people aged 18 or over', 'way-befriending-calls'],
      ['Enter the email address of a parent or guardian', 'guardian'],
    ]);
    await pledge.tick('way-befriending-calls', false);
    await pledge.type('guardian', 'parent@example.com');
    await pledge.send();
    expect(pledge.element.stage).to.equal('sent');
    const offer = Object.values((await received(name)).stored)[0]!;
    expect(offer.answers.age).to.equal('young');
    expect(offer.contact?.guardianEmail).to.equal('parent@example.com');
    expect(pledge.text('.confirmation')).to.contain('We will first email your parent or guardian to ask them to confirm.');
  });

  it('"Now and then" with set times, an email that is not one: the shared rule\'s errors, inline and in the summary', async () => {
    const pledge = await mountPledge(scenario());
    await pledge.fill({ ...AN_OFFER, when: ['weekdays-evenings', 'now-and-then'], email: 'jo at example' });
    await pledge.send();
    expect(pledge.errorLinks).to.deep.equal([
      ['Choose "Now and then" or the times that suit you, not both', 'when-weekdays-mornings'],
      ['Enter an email address in the correct format, like name@example.com', 'email'],
    ]);
    expect(pledge.control('email').getAttribute('aria-invalid')).to.equal('true');
    expect(pledge.control('email').getAttribute('aria-describedby')).to.equal('email-error');
  });

  it('by keyboard alone: Tab reaches each checkbox, Space ticks it, and the form is sent with Enter', async () => {
    const name = scenario();
    const pledge = await mountPledge(name);
    pledge.control<HTMLInputElement>('way-befriending-calls').focus();
    await sendKeys({ press: 'Space' });
    await pledge.settle();
    expect(pledge.control<HTMLInputElement>('way-befriending-calls').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(pledge.focused, 'each checkbox is its own tab stop, as in a GOV.UK checkbox group').to.equal('way-welcome-letters');
    pledge.control<HTMLInputElement>('area-home').focus();
    await sendKeys({ press: 'Space' });
    pledge.control<HTMLInputElement>('when-weekends-evenings').focus();
    await sendKeys({ press: 'Space' });
    pledge.control<HTMLInputElement>('often-once').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await pledge.settle();
    expect(pledge.focused, 'arrows move within a radio group').to.equal('often-monthly');
    expect(pledge.control<HTMLInputElement>('often-monthly').checked).to.equal(true);
    pledge.control<HTMLInputElement>('age-adult').focus();
    await sendKeys({ press: 'Space' });
    pledge.control('name').focus();
    await sendKeys({ type: 'Sam Jones' });
    await sendKeys({ press: 'Tab' });
    expect(pledge.focused).to.equal('email');
    await sendKeys({ type: 'sam@example.com' });
    await sendKeys({ press: 'Enter' });
    await pledge.until(() => pledge.element.stage === 'sent', 5000, 'the offer to be sent');
    const offer = Object.values((await received(name)).stored)[0]!;
    expect(offer.answers).to.deep.include({ ways: ['befriending-calls'], areas: ['home'], when: ['weekends-evenings'], often: 'monthly', age: 'adult' });
    expect(offer.contact).to.deep.equal({ name: 'Sam Jones', email: 'sam@example.com', prefer: 'email' });
  });

  it('the time grid: each checkbox is named by its row and column, in a table with headers', async () => {
    await mountPledge(scenario());
    const grid = flatten(await axFullTree('pierce/.when-grid')).filter((n) => /header|checkbox/.test(n.role!)).map((n) => `${n.role}:${n.name}`);
    expect(grid).to.deep.equal([
      'columnheader:Mornings', 'columnheader:Afternoons', 'columnheader:Evenings',
      'rowheader:Weekdays', 'checkbox:Weekdays, Mornings', 'checkbox:Weekdays, Afternoons', 'checkbox:Weekdays, Evenings',
      'rowheader:Weekends', 'checkbox:Weekends, Mornings', 'checkbox:Weekends, Afternoons', 'checkbox:Weekends, Evenings',
    ]);
  });

  it('copies the reference, and says so politely', async () => {
    const pledge = await mountPledge(scenario());
    await pledge.fill(AN_OFFER);
    await pledge.send();
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void (copied = text) }, configurable: true });
    try {
      pledge.control('copy').click();
      await eventually(() => expect(pledge.text('#copy-status')).to.equal('Reference copied'));
      expect(copied).to.equal(pledge.shownReference);
      expect(pledge.control('copy-status').getAttribute('role')).to.equal('status');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('keeps nothing on the device: no offer, no contact details in localStorage or IndexedDB', async () => {
    const pledge = await mountPledge(scenario());
    await pledge.fill(AN_OFFER);
    await pledge.send();
    const everywhere = JSON.stringify({ ...localStorage });
    expect(everywhere).not.to.contain('jo@example.com');
    const databases = (await indexedDB.databases()).map((database) => database.name);
    for (const database of databases) {
      const text = await new Promise<string>((resolve) => {
        const open = indexedDB.open(database!);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          if (!stores.length) return resolve('');
          const all = db.transaction(stores).objectStore(stores[0]!).getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
        };
      });
      expect(text, `IndexedDB ${database}`).not.to.contain('jo@example.com');
    }
  });
});
