// The code that prepares an answer cannot be fetched (offline before it loaded): the feedback
// form says its answer was not sent, keeps what was written, and sends it once the code loads.
// This file has a page of its own, where the chunk has never loaded.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { FeedbackHarness } from './harness.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';

const PREPARE = ['*/core/src/prepare.ts*', '*/chunks/prepare-*'];

describe('<tandem-feedback>: the code that prepares answers cannot be fetched', () => {
  before(() => executeServerCommand('block-urls', { urls: PREPARE }));
  after(() => executeServerCommand('block-urls', { urls: [] }));

  it('does not say it will send: the form stays with the answers, the error summary says why, Send tries again', async () => {
    const name = `fb-unprepared-${crypto.randomUUID().slice(0, 8)}`;
    mountPage(`<tandem-feedback site="adult-social-care" endpoint="/collector/${name}"></tandem-feedback>`);
    const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
    const warn = console.warn;
    console.warn = () => {};
    try {
      await feedback.report();
      await feedback.type('trying', 'Find a carer');
      await feedback.type('wrong', 'The list would not load');
      await feedback.send();
      await feedback.waitFor('unsent');
    } finally {
      console.warn = warn;
    }
    expect(feedback.focused).to.equal('error-summary');
    expect(feedback.text('#error-summary a')).to.equal('Your feedback has not been sent. Check your internet connection and try again.');
    expect(feedback.control<HTMLTextAreaElement>('trying').value).to.equal('Find a carer');
    expect(feedback.control<HTMLTextAreaElement>('wrong').value).to.equal('The list would not load');
    await expectNoAxeViolations();
    // The summary's link goes to Send; back online, it sends.
    feedback.query<HTMLAnchorElement>('#error-summary a')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(feedback.focused).to.equal('send');
    await executeServerCommand('block-urls', { urls: [] });
    await sendKeys({ press: 'Enter' });
    await feedback.waitFor('sent');
    const received = await (await fetch(`/collector/${name}/received`)).json();
    expect(Object.values(received.stored).map((s) => (s as { answers: unknown }).answers)).to.deep.equal([
      { reason: 'problem', trying: 'Find a carer', wrong: 'The list would not load' },
    ]);
  });
});
