import { expect } from '@esm-bundle/chai';
import '../src/define.js';
import { FeedbackHarness } from './harness.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';

describe('smoke', () => {
  it('renders and sends via events', async () => {
    mountPage('<tandem-feedback site="test-site" transport="events"></tandem-feedback>');
    const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
    expect(feedback.text('#question')).to.equal('Is this page useful?');
    await expectNoAxeViolations();
    const events: string[] = [];
    feedback.element.addEventListener('tandem-submitted', (e) => events.push(e.detail.delivery));
    await feedback.no();
    expect(feedback.state).to.equal('form');
    expect(feedback.focused).to.equal('trying');
    await expectNoAxeViolations();
    await feedback.send();
    expect(feedback.focused).to.equal('error-summary');
    await expectNoAxeViolations();
    await feedback.type('trying', 'Find a care home');
    await feedback.type('wrong', 'My email is a@b.com');
    await feedback.send();
    await feedback.waitFor('sent');
    expect(events).to.deep.equal(['events', 'events']);
    await expectNoAxeViolations();
  });
});
