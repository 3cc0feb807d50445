import { expect } from '@esm-bundle/chai';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { capture, watchPageErrors } from '../../../test/support/host-page.js';
import { mountPage } from '../../../test/support/page.js';
import { PollHarness } from './harness.js';
import { eventually, pollTests, received, scenario, script, showAgain, SITE } from './support.js';

const { POLL, setPoll, mountPoll, forgetParticipant, storedParticipant } = pollTests('failures-poll');

describe('<tandem-poll>: when things go wrong', () => {
  beforeEach(() => forgetParticipant());

  it('collector unreachable on load: a short message, a console warning, nothing thrown', async () => {
    const errors = watchPageErrors();
    try {
      await capture('warn', async (warnings) => {
        mountPage(`<tandem-poll poll="${POLL}" site="${SITE}" endpoint="http://127.0.0.1:9/"></tandem-poll>`);
        const poll = await new PollHarness(document.querySelector('tandem-poll')!).ready();
        expect(poll.element.loadStatus).to.equal('unavailable');
        expect(poll.text('#load-message')).to.equal('Sorry, this poll is not available right now. Please try again later.');
        expect(warnings.join('\n')).to.match(/could not reach the collector for poll "failures-poll"/);
        await expectNoAxeViolations();
      });
    } finally {
      errors.stop();
    }
    expect(errors.list).to.deep.equal([]);
  });

  it('collector down after loading: the answer is queued, results unavailable, then it is sent, exactly once', async () => {
    const name = scenario();
    const errors = watchPageErrors();
    const poll = await mountPoll(name);
    await script(name, ['drop']);
    await poll.answer('overall', '5');
    expect(poll.element.answerState.overall).to.equal('queued');
    expect(poll.answerState('overall')).to.equal('We could not reach the council. Your answer is saved on this device and will be sent when we can.');
    await eventually(() => expect(poll.announcement).to.equal(poll.answerState('overall')));
    expect(poll.text('#q0-results')).to.equal('Results are not available right now.');
    expect(poll.checked('overall')).to.equal('5');
    await expectNoAxeViolations();
    // The outbox tries again (after about 2 seconds) and the collector has it once.
    await eventually(async () => expect(Object.values((await received(name)).accepted)).to.deep.equal([1]), 8000);
    // Shown again, the results come back, with the answer counted once.
    showAgain();
    await eventually(() => expect(poll.results('overall')[4]).to.deep.equal(['5 Very good (your answer)', '1', '100%']));
    errors.stop();
    expect(errors.list).to.deep.equal([]);
  });

  it('results cannot be fetched again: the questions stay, the results say they are unavailable', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await script(name, [{ status: 503 }], 'poll-script');
    await capture('warn', async () => {
      await poll.answer('visits', 'weekly');
      await eventually(() => expect(poll.text(`#q${poll.index('visits')}-results`)).to.equal('Results are not available right now.'));
    });
    expect(poll.answerState('visits')).to.equal('Answer saved');
    expect(poll.query('#q0 fieldset')).to.exist;
  });

  it('a vote the collector refuses because the poll has closed: says so, shows the closed poll', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    const kinds: string[] = [];
    poll.element.addEventListener('tandem-error', (e) => kinds.push(e.detail.kind));
    await setPoll(name, { status: 'closed' });
    await capture('error', async (logged) => {
      await poll.answer('overall', '2');
      expect(logged.join('\n')).to.match(/HTTP 409/);
    });
    expect(kinds).to.deep.equal(['rejected']);
    await eventually(() => expect(poll.announcement).to.equal('Sorry, this poll has closed, so your answer could not be saved.'));
    // Fetched again: closed, with final results and no radio buttons.
    await eventually(() => expect(poll.text('#dates')).to.match(/^This poll closed on 31 January 2027/));
    expect(poll.query('input[type=radio]')).to.equal(null);
    expect(Object.keys((await received(name)).stored)).to.have.length(0);
  });

  it('a changed vote the collector refuses: the earlier answer stands, counted once', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await poll.answer('visits', 'weekly');
    await eventually(() => expect(poll.results('visits').map((r) => r[1])).to.deep.equal(['0', '1', '0']));
    await script(name, [{ status: 422, body: { error: 'No such option', code: 'unknown-option', field: 'answers.choice' } }]);
    await capture('error', async () => {
      await poll.choose('visits', 'monthly');
      await poll.save('visits');
    });
    expect(poll.answerState('visits')).to.equal('Sorry, your answer could not be saved. Please try again later.');
    expect(poll.checked('visits')).to.equal('weekly');
    await eventually(() => expect(poll.results('visits').map((r) => r[1])).to.deep.equal(['0', '1', '0']));
    const { polls } = (await received(name)) as unknown as { polls: Record<string, { votes: Record<string, unknown> }> };
    expect(polls[POLL]!.votes).to.deep.equal({ [storedParticipant()!]: { visits: 'weekly' } });
  });

  it('an unknown poll: the misconfigured notice, a console error naming "poll", nothing thrown', async () => {
    const name = scenario();
    await capture('error', async (logged) => {
      mountPage(`<tandem-poll poll="no-such-poll" site="${SITE}" endpoint="/collector/${name}"></tandem-poll>`);
      const poll = await new PollHarness(document.querySelector('tandem-poll')!).ready();
      expect(poll.element.loadStatus).to.equal('not-found');
      expect(poll.text('#load-message')).to.equal('Sorry, the poll is not available on this page.');
      expect(logged.join('\n')).to.match(/"poll" "no-such-poll" was not found for site "adult-social-care"/);
      await expectNoAxeViolations();
    });
  });

  it('an answer that is not a poll: the notice, and a console error naming the field', async () => {
    const name = scenario();
    await script(name, [{ status: 200, body: { id: POLL, site: SITE, title: { en: 'x' }, opensAt: 'a', closesAt: 'b', status: 'open', allowStatements: true, questions: [{ id: 'q' }] } }], 'poll-script');
    await capture('error', async (logged) => {
      const poll = await mountPoll(name);
      expect(poll.element.loadStatus).to.equal('invalid');
      expect(logged.join('\n')).to.match(/questions\[0\]\.type must be rating, faces, choice or statement/);
    });
  });

  for (const [attributes, attribute] of [
    [`site="${SITE}" endpoint="/collector/x"`, 'poll'],
    [`poll="Day Centres" site="${SITE}" endpoint="/collector/x"`, 'poll'],
    [`poll="${POLL}" endpoint="/collector/x"`, 'site'],
    [`poll="${POLL}" site="${SITE}"`, 'endpoint'],
    [`poll="${POLL}" site="${SITE}" transport="events"`, 'endpoint'],
  ]) {
    it(`${attributes}: a short notice and a console error naming "${attribute}"`, async () => {
      await capture('error', async (logged) => {
        mountPage(`<tandem-poll ${attributes}></tandem-poll>`);
        const poll = await new PollHarness(document.querySelector('tandem-poll')!).ready();
        expect(poll.text('.notice')).to.equal('Sorry, the poll is not available on this page.');
        expect(logged.some((line) => line.includes(`"${attribute}"`))).to.equal(true);
        await expectNoAxeViolations();
      });
    });
  }

  describe('storage blocked', () => {
    const blocked = () => {
      throw new DOMException('The user denied storage', 'SecurityError');
    };
    beforeEach(() => Object.defineProperty(window, 'localStorage', { get: blocked, configurable: true }));
    afterEach(() => delete (window as { localStorage?: unknown }).localStorage);

    it('still votes and changes answers (the participant is kept for this visit), and throws nothing', async () => {
      expect(() => window.localStorage).to.throw();
      const errors = watchPageErrors();
      const name = scenario();
      const poll = await mountPoll(name);
      await poll.answer('overall', '4');
      await poll.choose('overall', '2');
      await poll.save('overall');
      expect(poll.answerState('overall')).to.equal('Answer saved');
      const sent = Object.values((await received(name)).stored);
      expect(sent.map((s) => s.answers)).to.deep.equal([
        { question: 'overall', choice: '4' },
        { question: 'overall', choice: '2' },
      ]);
      expect(sent[0]!.participant).to.be.a('string');
      expect(sent[1]!.participant).to.equal(sent[0]!.participant);
      await eventually(() => expect(poll.results('overall')[1]).to.deep.equal(['2 Poor (your answer)', '1', '100%']));
      errors.stop();
      expect(errors.list).to.deep.equal([]);
    });
  });
});
