import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import cy from '../src/locales/cy.json';
import en from '../src/locales/en.json';
import list from './fixtures/help-your-neighbourhood.json';
import { AN_OFFER } from './harness.js';
import { axFullTree, axNode, mountPledge, scenario } from './support.js';

/** Every string of a catalogue, without the parts filled in at run time. */
const phrases = (strings: object): string[] =>
  Object.values(strings).flatMap((value) => (typeof value === 'string' ? value.split(/\{\{[^}]*\}\}/).map((part) => part.trim()) : phrases(value)));
const englishOnly = (() => {
  const welsh = new Set(phrases(cy));
  return phrases(en).filter((phrase) => phrase.length >= 8 && !welsh.has(phrase));
})();

describe('<tandem-pledge>: what it shows', () => {
  it('an outline a screen reader can move through: the list\'s title, then its sections one level below', async () => {
    const pledge = await mountPledge(scenario(), { attributes: 'heading-level="3"' });
    // On a page whose section above it has a level 2 heading.
    document.getElementById('host')!.insertAdjacentHTML('beforebegin', '<h2>Get involved</h2>');
    expect(await axNode((n) => n.role === 'heading' && n.name === 'Help in your neighbourhood' && n.level === 3)).to.exist;
    expect(await axNode((n) => n.role === 'heading' && n.name === 'Your contact details' && n.level === 4)).to.exist;
    const groups = await Promise.all(['ways', 'areas', 'when', 'often', 'age', 'prefer'].map((id) => axFullTree(`pierce/#${id}`)));
    expect(groups.map((group) => `${group.role}:${group.name}`)).to.deep.equal([
      'group:What could you do?',
      'group:Where could you help?',
      'group:When could you help?',
      'group:How often could you help?',
      'group:How old are you?',
      'group:How would you like us to contact you?',
    ]);
    expect(pledge.query('form')!.getAttribute('aria-labelledby')).to.equal('title');
    expect(pledge.text('#contact-use')).to.equal(list.contactUse.en);
    await expectNoAxeViolations();
  });

  it('the contact fields say what they are, so browsers can fill them in and nothing is spell-checked', async () => {
    const pledge = await mountPledge(scenario());
    expect(['name', 'email', 'phone'].map((id) => pledge.control(id).getAttribute('autocomplete'))).to.deep.equal(['name', 'email', 'tel']);
    expect(['email', 'phone'].map((id) => pledge.control(id).getAttribute('type'))).to.deep.equal(['email', 'tel']);
    expect(pledge.control('name').getAttribute('spellcheck')).to.equal('false');
  });

  it('speaks Welsh throughout, with the list\'s own Welsh, and never shows an English string on the way', async () => {
    const pledge = await mountPledge(scenario(), { lang: 'cy' });
    await pledge.waitForText('#title', list.title.cy);
    expect(pledge.query('.base')!.getAttribute('lang')).to.equal('cy');
    expect(await axNode((n) => n.role === 'checkbox' && n.name === 'Galwadau ffôn cyfeillio')).to.exist;
    await pledge.send();
    await pledge.fill({ ...AN_OFFER, email: 'nid e-bost' });
    await pledge.send();
    const shown = pledge.root.textContent!.replace(/\s+/g, ' ');
    const english = englishOnly.filter((phrase) => shown.includes(phrase));
    expect(english, 'English strings on a Welsh page').to.deep.equal([]);
    expect(pledge.text('#email-error')).to.equal(`Gwall: ${cy.problem['email-invalid']}`);
    await expectNoAxeViolations();
  });

  it('right to left: the checkboxes sit at the start of the line', async () => {
    const pledge = await mountPledge(scenario(), { dir: 'rtl' });
    const box = pledge.control('way-befriending-calls').getBoundingClientRect();
    const label = pledge.query('label[for="way-befriending-calls"]')!.getBoundingClientRect();
    expect(box.left, 'the box to the right of its label').to.be.greaterThan(label.left);
  });

  describe('zoom and forced colours', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
      await executeServerCommand('forced-colors', { active: false });
    });

    for (const lang of ['en', 'cy']) {
      it(`reflows at 320 CSS pixels (400% zoom) without scrolling sideways, the form and the confirmation (${lang})`, async () => {
        await setViewport({ width: 320, height: 640 });
        const pledge = await mountPledge(scenario(), { lang });
        await pledge.send();
        const base = pledge.query('.base')!;
        expect(document.documentElement.scrollWidth, 'the form with its errors').to.be.at.most(320);
        expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
        await pledge.fill(AN_OFFER);
        await pledge.send();
        expect(pledge.element.stage).to.equal('sent');
        expect(document.documentElement.scrollWidth, 'the confirmation').to.be.at.most(320);
        expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      });
    }

    it('keeps the checkboxes and their focus visible in forced colours', async () => {
      await executeServerCommand('forced-colors', { active: true });
      const pledge = await mountPledge(scenario());
      pledge.control<HTMLInputElement>('way-befriending-calls').focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(pledge.focused).to.equal('way-befriending-calls');
      expect(getComputedStyle(pledge.control('way-befriending-calls')).outlineStyle).to.equal('solid');
      expect(getComputedStyle(pledge.control('way-befriending-calls')).forcedColorAdjust, 'the system draws the box in its own colours').to.not.equal('none');
    });
  });

  it('every state passes axe: loading, errors, the young person\'s guardian field, sent, queued, withdrawn', async () => {
    const pledge = await mountPledge(scenario());
    await pledge.fill({ ...AN_OFFER, age: 'young', ways: ['welcome-letters'] });
    await expectNoAxeViolations();
    await pledge.type('guardian', 'not an email');
    await pledge.send();
    await expectNoAxeViolations();
    await pledge.type('guardian', 'parent@example.com');
    await pledge.send();
    expect(pledge.element.stage).to.equal('sent');
    await pledge.withdraw(pledge.shownReference);
    await expectNoAxeViolations();
  });
});
