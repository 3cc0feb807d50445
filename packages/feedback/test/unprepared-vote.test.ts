// The code that prepares an answer cannot be fetched (offline before it loaded): a Yes or No
// is not thanked for as if it were kept; the question is asked again, and a No goes with its form.
// This file has a page of its own, where the chunk has never loaded: once it loads it stays, so
// only the last test lets it.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/define.js';
import { FeedbackHarness } from './harness.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';

const PREPARE = ['*/core/src/prepare.ts*', '*/chunks/prepare-*'];

describe('<tandem-feedback>: a vote whose code cannot be fetched', () => {
  before(() => executeServerCommand('block-urls', { urls: PREPARE }));
  after(() => executeServerCommand('block-urls', { urls: [] }));

  const quietly = async (act: () => Promise<void>) => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      await act();
    } finally {
      console.warn = warn;
    }
  };

  const stored = async (name: string) =>
    Object.values((await (await fetch(`/collector/${name}/received`)).json()).stored).map((s) => (s as { answers: unknown }).answers);

  it('says so in Welsh on a Welsh page', async () => {
    mountPage(`<tandem-feedback site="adult-social-care" endpoint="/collector/fb-unprepared-cy"></tandem-feedback>`, { lang: 'cy' });
    const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
    await quietly(async () => {
      await feedback.yes();
      await feedback.waitFor('vote-unsent');
    });
    expect(feedback.text('#message')).to.equal("Nid yw eich ateb wedi cael ei anfon. Gwiriwch eich cysylltiad â'r rhyngrwyd a rhowch gynnig arall arni.");
    await expectNoAxeViolations();
  });

  it('a Yes that could not be prepared is not thanked for: the message says so and Yes and No are offered again', async () => {
    mountPage('<tandem-feedback site="adult-social-care" endpoint="/collector/fb-unprepared-yes"></tandem-feedback>');
    const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
    await quietly(async () => {
      await feedback.yes();
      await feedback.waitFor('vote-unsent');
    });
    expect(feedback.focused).to.equal('message');
    expect(feedback.text('#message')).to.equal('Your answer has not been sent. Check your internet connection and try again.');
    expect(feedback.query('#yes'), 'Yes is offered again').to.exist;
    expect(feedback.query('#no'), 'No is offered again').to.exist;
    await expectNoAxeViolations();
  });

  it('a No that could not be prepared leaves the form alone, then goes with it, or is asked again on Cancel', async () => {
    const name = `fb-unprepared-no-${crypto.randomUUID().slice(0, 8)}`;
    mountPage(`<tandem-feedback site="adult-social-care" endpoint="/collector/${name}"></tandem-feedback>`);
    const feedback = await new FeedbackHarness(document.querySelector('tandem-feedback')!).ready();
    await quietly(async () => {
      await feedback.no();
      await feedback.waitFor('form');
      await feedback.type('trying', 'Find a carer');
      await feedback.cancel();
      await feedback.waitFor('vote-unsent');
    });
    expect(feedback.focused).to.equal('message');
    await expectNoAxeViolations();
    await quietly(async () => {
      await feedback.no();
      await feedback.type('wrong', 'The list would not load');
    });
    expect(feedback.state, 'the form stays open').to.equal('form');
    expect(feedback.focused, 'focus stays where the form put it').to.equal('form-heading');
    await executeServerCommand('block-urls', { urls: [] });
    await feedback.type('trying', 'Find a carer');
    await feedback.send();
    await feedback.waitFor('sent');
    expect(await stored(name)).to.deep.equal([{ useful: false }, { reason: 'not-useful', trying: 'Find a carer', wrong: 'The list would not load' }]);
  });
});
