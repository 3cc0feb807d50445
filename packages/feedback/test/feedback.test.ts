import { expect } from '@esm-bundle/chai';
import { a11ySnapshot, executeServerCommand, findAccessibilityNode, sendKeys, setViewport } from '@web/test-runner-commands';
import type { TandemSubmitEvent, TandemSubmittedEvent } from '@tandem/core';
import '../src/define.js';
import { FEEDBACK_MAX_LENGTH } from '../src/feedback.js';
import { FeedbackHarness } from './harness.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';
import { FakeClock } from '../../../test/support/fake-clock.js';

type Node = { name?: string; role?: string; level?: number; focused?: boolean; invalid?: string; children?: Node[] };

async function mount(attributes = 'site="adult-social-care" transport="events"', options = {}) {
  mountPage(`<tandem-feedback ${attributes}></tandem-feedback>`, options);
  return new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
}

async function axNode(predicate: (node: Node) => boolean): Promise<Node | null> {
  const snapshot = (await a11ySnapshot({})) as unknown as Node;
  return findAccessibilityNode(snapshot as never, predicate as never) as Node | null;
}

async function until(condition: () => boolean, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const tab = () => sendKeys({ press: 'Tab' });
/** Live regions in the widget: a message that takes focus must not be one (it would be said twice). */
const liveRegions = (feedback: FeedbackHarness) => feedback.root.querySelectorAll('[role=status], [role=alert], [aria-live]:not(.visually-hidden)').length;
const press = (key: string) => sendKeys({ press: key });

describe('<tandem-feedback>', () => {
  let submitted: TandemSubmittedEvent['detail'][] = [];
  const record = (event: Event) => submitted.push((event as TandemSubmittedEvent).detail);
  beforeEach(() => {
    submitted = [];
    document.addEventListener('tandem-submitted', record);
  });
  afterEach(() => document.removeEventListener('tandem-submitted', record));

  describe('asking', () => {
    it('asks "Is this page useful?" with Yes, No and Report a problem, named for screen readers', async () => {
      await mount();
      expect(await axNode((n) => n.role === 'heading' && n.name === 'Is this page useful?' && n.level === 2)).to.exist;
      expect(await axNode((n) => n.role === 'button' && n.name === 'Yes this page is useful')).to.exist;
      expect(await axNode((n) => n.role === 'button' && n.name === 'No this page is not useful')).to.exist;
      expect(await axNode((n) => n.role === 'button' && n.name === 'Report a problem with this page')).to.exist;
    });

    it('uses the heading level the host asks for', async () => {
      await mount('site="adult-social-care" transport="events" heading-level="4"');
      expect(await axNode((n) => n.role === 'heading' && n.name === 'Is this page useful?' && n.level === 4)).to.exist;
    });

    it('keeps its buttons at least 44 by 44 pixels', async () => {
      const feedback = await mount();
      for (const id of ['yes', 'no', 'report']) {
        const { width, height } = feedback.control(id).getBoundingClientRect();
        expect(width, id).to.be.at.least(44);
        expect(height, id).to.be.at.least(44);
      }
    });
  });

  describe('with the keyboard only', () => {
    it('Yes: Tab, Enter → thanks, focus on the message, the vote sent', async () => {
      const feedback = await mount();
      await tab();
      expect(feedback.focused).to.equal('yes');
      await press('Enter');
      await feedback.settle();
      expect(feedback.state).to.equal('thanks');
      expect(feedback.focused).to.equal('message');
      expect(feedback.text('#message')).to.equal('Thank you for your feedback');
      expect(liveRegions(feedback)).to.equal(0);
      // Focus given by script after a key press shows the ring, and Tab goes on to the next link.
      expect(getComputedStyle(feedback.control('message')).outlineStyle).to.equal('solid');
      await tab();
      expect(feedback.focused).to.equal('more');
      await until(() => submitted.length === 1);
      expect(submitted.map((s) => s.submission.answers)).to.deep.equal([{ useful: true }]);
      await expectNoAxeViolations();
    });

    it('No: opens the form at its heading; the hint and limit describe each field; Enter sends; focus on the thanks, then on into the page', async () => {
      mountPage('<tandem-feedback site="adult-social-care" transport="events"></tandem-feedback><a href="#next" id="next">Next on the page</a>');
      const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
      await tab();
      await tab();
      expect(feedback.focused).to.equal('no');
      await press('Space');
      await feedback.settle();
      expect(feedback.state).to.equal('form');
      // Focus starts at the form, before the privacy warning, not past it.
      expect(feedback.focused).to.equal('form-heading');
      await tab();
      expect(feedback.focused).to.equal('trying');
      const field = await axNode((n) => n.focused === true);
      expect(field?.name).to.equal('What were you trying to do?');
      expect((field as { description?: string }).description).to.equal(
        'Do not include personal information such as your name, phone number or National Insurance number. Personal details like these are removed before your feedback is sent. ' +
          `You can enter up to ${FEEDBACK_MAX_LENGTH} characters`,
      );
      await sendKeys({ type: 'Find out about home care' });
      await tab();
      expect(feedback.focused).to.equal('wrong');
      await sendKeys({ type: 'The cost section was unclear' });
      await tab();
      expect(feedback.focused).to.equal('send', 'the honeypot is skipped');
      await press('Enter');
      await feedback.waitFor('sent');
      expect(feedback.focused).to.equal('message');
      expect(liveRegions(feedback)).to.equal(0);
      // The message is the last thing in the widget: Tab leaves it, rather than wrapping to its first control.
      await tab();
      expect(document.activeElement?.id).to.equal('next');
      expect(submitted.map((s) => s.submission.answers)).to.deep.equal([
        { useful: false },
        { reason: 'not-useful', trying: 'Find out about home care', wrong: 'The cost section was unclear' },
      ]);
    });

    it('Report a problem, then Cancel: back to the question with focus on the link', async () => {
      const feedback = await mount();
      await tab();
      await tab();
      await tab();
      expect(feedback.focused).to.equal('report');
      await press('Enter');
      await feedback.settle();
      expect(feedback.state).to.equal('form');
      expect(feedback.focused).to.equal('form-heading');
      feedback.control('cancel').focus();
      await press('Enter');
      await feedback.settle();
      expect(feedback.state).to.equal('ask');
      expect(feedback.focused).to.equal('report');
      expect(submitted).to.have.length(0);
    });

    it('Cancel after No keeps the vote and thanks the person', async () => {
      const feedback = await mount();
      await feedback.no();
      await feedback.cancel();
      expect(feedback.state).to.equal('thanks');
      expect(feedback.focused).to.equal('message');
    });

    it('Yes, then Tell us more: one field, sent with reason "more"', async () => {
      const feedback = await mount();
      await feedback.yes();
      await feedback.tellUsMore();
      expect(feedback.focused).to.equal('form-heading');
      expect(feedback.query('#wrong')).to.equal(null);
      await feedback.type('trying', 'Check the cost of care');
      await feedback.send();
      await feedback.waitFor('sent');
      expect(submitted[1]!.submission.answers).to.deep.equal({ reason: 'more', trying: 'Check the cost of care' });
    });
  });

  describe('errors', () => {
    it('empty fields: the error summary takes focus, links move to each field, fields are marked invalid', async () => {
      const feedback = await mount();
      await feedback.report();
      await feedback.send();
      expect(feedback.focused).to.equal('error-summary');
      // Announced by taking focus, as a named group; not also an alert, which would say it twice.
      expect(await axNode((n) => n.role === 'alert')).to.equal(null);
      expect(await axNode((n) => n.role === 'group' && n.name === 'There is a problem' && n.focused === true)).to.exist;
      const links = [...feedback.root.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
      expect(links.map((a) => a.textContent)).to.deep.equal(['Enter what you were trying to do', 'Enter what went wrong']);
      expect(feedback.control('trying').getAttribute('aria-invalid')).to.equal('true');
      expect(feedback.control('trying').getAttribute('aria-describedby')).to.contain('trying-error');
      expect(feedback.text('#wrong-error')).to.equal('Error: Enter what went wrong');
      links[1]!.focus();
      await press('Enter');
      expect(feedback.focused).to.equal('wrong');
      expect(submitted).to.have.length(0);
      await expectNoAxeViolations();
    });

    it('too long: counts down, then says how many too many, and refuses to send', async () => {
      const feedback = await mount();
      await feedback.report();
      await feedback.type('trying', 'x'.repeat(FEEDBACK_MAX_LENGTH - 1));
      expect(feedback.text('#trying + .count, .field:first-of-type .count')).to.equal('You have 1 character remaining');
      await feedback.type('trying', 'x'.repeat(FEEDBACK_MAX_LENGTH + 3));
      expect(feedback.root.querySelector('.count.over')?.textContent).to.equal('You have 3 characters too many');
      await feedback.type('wrong', 'Nothing loaded');
      await feedback.send();
      expect(feedback.text('#trying-error')).to.equal(`Error: What you were trying to do must be ${FEEDBACK_MAX_LENGTH} characters or fewer`);
      expect(submitted).to.have.length(0);
    });

    it('announces the count to screen readers only once typing pauses', async () => {
      const feedback = await mount();
      const clock = new FakeClock();
      feedback.element.clock = clock;
      await feedback.report();
      await feedback.type('wrong', 'a');
      clock.advance(900);
      await feedback.type('wrong', 'abc');
      clock.advance(900);
      await feedback.settle();
      expect(feedback.text('#wrong-count-sr')).to.equal('', 'still typing');
      clock.advance(100);
      await feedback.settle();
      expect(feedback.text('#wrong-count-sr')).to.equal(`You have ${FEEDBACK_MAX_LENGTH - 3} characters remaining`);
    });
  });

  describe('what is sent', () => {
    it('removes personal details, strips the query and fragment, and carries language and site', async () => {
      history.replaceState(null, '', `${location.pathname}?name=Jane#top`);
      const feedback = await mount();
      await feedback.report();
      await feedback.type('trying', 'Email me at jane.doe@example.com or call 07700 900123');
      await feedback.type('wrong', 'My postcode is SW1A 1AA');
      await feedback.send();
      await feedback.waitFor('sent');
      const { submission } = submitted[0]!;
      expect(submission.answers).to.deep.equal({ reason: 'problem', trying: 'Email me at [email] or call [phone]', wrong: 'My postcode is [postcode]' });
      expect(submission.page.url).to.equal(`${location.origin}${location.pathname}`);
      expect(submission).to.include({ site: 'adult-social-care', widget: 'feedback', instance: 'feedback', lang: 'en' });
      expect(submission.id).to.match(/^[0-9a-f-]{36}$/);
    });

    it('marks a filled honeypot and a too-fast form without telling the person', async () => {
      const feedback = await mount();
      const clock = new FakeClock();
      feedback.element.clock = clock;
      await feedback.report();
      clock.advance(1234);
      const trap = feedback.control<HTMLInputElement>('tandem-hp');
      trap.value = 'http://spam.example';
      trap.dispatchEvent(new Event('input'));
      await feedback.type('trying', 'a');
      await feedback.type('wrong', 'b');
      await feedback.send();
      await feedback.waitFor('sent');
      expect(submitted[0]!.submission.signals.honeypot).to.equal(true);
      expect(submitted[0]!.submission.signals.fillMs).to.equal(1234);
      expect(feedback.text('#message')).to.equal('Thank you for your feedback. It has been sent.');
    });

    it('hides the honeypot from assistive technology and the tab order', async () => {
      const feedback = await mount();
      await feedback.report();
      expect(await axNode((n) => n.name === 'Leave this field empty')).to.equal(null);
      expect(feedback.control('tandem-hp').tabIndex).to.equal(-1);
    });

    it('lets the host take the answer: a cancelled tandem-submit sends nothing', async () => {
      const feedback = await mount('site="adult-social-care" endpoint="/collector/host-cancel"');
      const cancel = (event: TandemSubmitEvent) => event.preventDefault();
      document.addEventListener('tandem-submit', cancel);
      try {
        await feedback.yes();
        // tandem-submitted (delivery "host") is the widget's last step: nothing is sent after it.
        await until(() => submitted.length > 0);
        expect(submitted.map((s) => s.delivery)).to.deep.equal(['host']);
        const received = await (await fetch('/collector/host-cancel/received')).json();
        expect(received.attempts).to.equal(0);
      } finally {
        document.removeEventListener('tandem-submit', cancel);
      }
    });
  });

  describe('sending to a collector', () => {
    const scenario = () => `fb-${crypto.randomUUID().slice(0, 8)}`;

    it('sends to the collector and shows it was sent', async () => {
      const name = scenario();
      const feedback = await mount(`site="adult-social-care" endpoint="/collector/${name}"`);
      await feedback.report();
      await feedback.type('trying', 'Apply for a blue badge');
      await feedback.type('wrong', 'The link was broken');
      await feedback.send();
      await feedback.waitFor('sent');
      const received = await (await fetch(`/collector/${name}/received`)).json();
      expect(Object.values(received.stored)).to.have.length(1);
      expect(submitted[0]!.delivery).to.equal('sent');
    });

    it('collector down: says it will send later, then does, exactly once', async () => {
      const name = scenario();
      await fetch(`/collector/${name}/script`, { method: 'PUT', body: JSON.stringify([{ status: 503, retryAfter: '1' }]) });
      const feedback = await mount(`site="adult-social-care" endpoint="/collector/${name}"`);
      await feedback.report();
      await feedback.type('trying', 'Find a carer');
      await feedback.type('wrong', 'Nothing');
      await feedback.send();
      await feedback.waitFor('queued');
      expect(feedback.text('#message')).to.equal('Thank you. We will send your feedback when you are back online.');
      expect(feedback.focused).to.equal('message');
      await expectNoAxeViolations();
      let received = { stored: {}, accepted: {} as Record<string, number> };
      for (let i = 0; i < 40 && Object.keys(received.stored).length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        received = await (await fetch(`/collector/${name}/received`)).json();
      }
      expect(Object.values(received.accepted)).to.deep.equal([1]);
    });

    it('collector refuses the answer (400): says so, fires tandem-error', async () => {
      const name = scenario();
      await fetch(`/collector/${name}/script`, { method: 'PUT', body: JSON.stringify([{ status: 400 }]) });
      const feedback = await mount(`site="adult-social-care" endpoint="/collector/${name}"`);
      const errors: string[] = [];
      feedback.element.addEventListener('tandem-error', (e) => errors.push(e.detail.kind));
      await feedback.report();
      await feedback.type('trying', 'a thing');
      await feedback.type('wrong', 'it broke');
      await feedback.send();
      await feedback.waitFor('failed');
      expect(errors).to.deep.equal(['rejected']);
      expect(feedback.focused).to.equal('message');
    });
  });

  describe('misconfigured', () => {
    for (const [attributes, attribute] of [
      ['site="adult-social-care"', 'endpoint'],
      ['endpoint="/collector/x"', 'site'],
      ['endpoint="/collector/x" site="Adult Social Care"', 'site'],
      ['endpoint="javascript:alert(1)" site="ok"', 'endpoint'],
      ['site="ok" transport="pigeon"', 'transport'],
    ]) {
      it(`${attributes}: a short notice, a console error naming "${attribute}", nothing thrown`, async () => {
        const errors: unknown[][] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => errors.push(args);
        try {
          const feedback = await mount(attributes);
          expect(feedback.text('.notice')).to.equal('Sorry, feedback is not available on this page.');
          expect(errors.some((args) => String(args[0]).includes(`"${attribute}"`))).to.equal(true);
          await expectNoAxeViolations();
        } finally {
          console.error = original;
        }
      });
    }
  });

  describe('language', () => {
    it('speaks Welsh from the closest lang, and follows a change of <html lang>', async () => {
      const feedback = await mount(undefined, { lang: 'cy' });
      await feedback.waitForText('#question', "Ydy'r dudalen hon yn ddefnyddiol?");
      expect(feedback.query('.base')!.getAttribute('lang')).to.equal('cy');
      document.getElementById('host')!.setAttribute('lang', 'en-GB');
      await feedback.waitForText('#question', 'Is this page useful?');
    });

    it('falls back to English for a language it does not have', async () => {
      const feedback = await mount(undefined, { lang: 'fr' });
      expect(feedback.text('#question')).to.equal('Is this page useful?');
      expect(feedback.query('.base')!.getAttribute('lang')).to.equal('en');
    });

    it('takes string overrides from its strings attribute', async () => {
      const feedback = await mount(`site="adult-social-care" transport="events" strings='{"question":"Did you find what you needed?"}'`);
      expect(feedback.text('#question')).to.equal('Did you find what you needed?');
    });
  });

  describe('zoom and forced colours', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
      await executeServerCommand('forced-colors', { active: false });
    });

    it('reflows at 320 CSS pixels (400% zoom of 1280) without scrolling sideways, in every step', async () => {
      await setViewport({ width: 320, height: 640 });
      const feedback = await mount();
      const fits = () => {
        const base = feedback.query('.base')!;
        expect(base.scrollWidth, `state ${feedback.state}`).to.be.at.most(base.clientWidth + 1);
        expect(document.documentElement.scrollWidth, `state ${feedback.state}`).to.be.at.most(320);
      };
      fits();
      await feedback.no();
      fits();
      await feedback.send();
      fits();
      await feedback.type('trying', 'A long sentence about the thing that I was trying to do on this page today');
      await feedback.type('wrong', 'Nothing');
      await feedback.send();
      await feedback.waitFor('sent');
      fits();
    });

    it('keeps a visible focus indicator and button borders in forced colours', async () => {
      await executeServerCommand('forced-colors', { active: true });
      const feedback = await mount();
      await tab();
      const style = getComputedStyle(feedback.control('yes'));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(3);
      expect(parseFloat(style.borderTopWidth)).to.be.at.least(2);
    });
  });
});
