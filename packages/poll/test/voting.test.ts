import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { PARTICIPANT } from '@tandem/core/protocol.js';
import { participantKey } from '../src/participant.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { axNode, eventually, pollTests, received, scenario, showAgain, SITE } from './support.js';

const tab = () => sendKeys({ press: 'Tab' });
const press = (key: string) => sendKeys({ press: key });

const { POLL, setPoll, mountPoll, forgetParticipant, storedParticipant } = pollTests('voting-poll');

describe('<tandem-poll>: voting', () => {
  beforeEach(() => forgetParticipant());

  it('fetches the poll exactly as the contract says, without a participant before the first answer', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    expect(poll.element.loadStatus).to.equal('ready');
    expect(poll.text('#title')).to.equal('Day centres in 2026');
    const { pollRequests } = await received(name);
    expect(pollRequests.map((r) => r.query)).to.deep.equal([`site=${SITE}`]);
    expect(storedParticipant(), 'nothing stored before an answer').to.equal(null);
    expect(await axNode((n) => n.role === 'heading' && n.name === 'Day centres in 2026' && n.level === 2)).to.exist;
    // Each question is a native radio group: a fieldset whose legend is the question.
    const fieldset = poll.question('overall').querySelector('fieldset')!;
    expect(fieldset.firstElementChild!.localName).to.equal('legend');
    expect(fieldset.firstElementChild!.textContent!.trim()).to.equal('How good is your day centre?');
    expect(new Set([...fieldset.querySelectorAll('input')].map((i) => `${i.type} ${i.name}`))).to.deep.equal(new Set(['radio overall']));
    expect(await axNode((n) => n.role === 'radio' && n.name === '1 Very poor')).to.exist;
    expect(await axNode((n) => n.role === 'radio' && n.name === 'Very happy'), 'a face is named by its label').to.exist;
    expect(await axNode((n) => n.role === 'radio' && n.name === 'Agree')).to.exist;
    await expectNoAxeViolations();
  });

  it('with the keyboard: Tab into the group, arrows choose, Tab to Save, Enter saves; announced politely', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await tab();
    expect(poll.focused).to.equal('q0-0', 'Tab lands on the first radio of the first group');
    expect(poll.checked('overall')).to.equal(undefined, 'focus alone chooses nothing');
    await press('ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(poll.focused).to.equal('q0-3');
    expect(poll.checked('overall')).to.equal('4');
    await press('ArrowUp');
    expect(poll.checked('overall')).to.equal('3');
    await press('ArrowDown');
    await tab();
    expect(poll.focused).to.equal('q0-save', 'one Tab leaves the group');
    await press('Enter');
    await poll.until(() => poll.element.answerState.overall === 'saved');
    expect(poll.answerState('overall')).to.equal('Answer saved');
    await eventually(() => expect(poll.announcement).to.equal('Your answer has been saved.'));
    expect(poll.query('#announcement')!.getAttribute('role')).to.equal('status');
    expect(poll.focused).to.equal('q0-save', 'focus stays where the person is');

    // The id the collector issued with the poll, kept only now (the stand-in refuses any other).
    const participant = storedParticipant();
    expect(participant).to.match(PARTICIPANT);
    const { stored } = await received(name);
    const votes = Object.values(stored);
    expect(votes).to.have.length(1);
    expect(votes[0]).to.include({ widget: 'poll', instance: POLL, participant });
    expect(votes[0]!.answers).to.deep.equal({ question: 'overall', choice: '4' });
    // After the vote, the results are fetched again with the participant.
    await eventually(async () => expect((await received(name)).pollRequests.map((r) => r.query)).to.deep.equal([`site=${SITE}`, `site=${SITE}&participant=${participant}`]));
  });

  it('a choice not saved yet says so, until it is saved; a new choice after saving says so again', async () => {
    const poll = await mountPoll(scenario());
    expect(poll.query('#q0-state')).to.equal(null);
    await poll.choose('overall', '2');
    expect(poll.answerState('overall')).to.equal('Not saved yet');
    expect(poll.control('q0-save').getAttribute('aria-describedby')).to.equal('q0-legend q0-state');
    await poll.save('overall');
    expect(poll.answerState('overall')).to.equal('Answer saved');
    await poll.choose('overall', '5');
    expect(poll.answerState('overall')).to.equal('Not saved yet');
    await poll.choose('overall', '2');
    expect(poll.query('#q0-state'), 'back to the saved answer').to.equal(null);
    await expectNoAxeViolations();
  });

  it('Space checks the focused radio; the statement group works the same way', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    poll.radio('transport', 'agree').focus();
    await press('ArrowDown');
    expect(poll.checked('transport')).to.equal('disagree');
    poll.control(`q${poll.index('transport')}-save`).focus();
    await press('Space');
    await poll.until(() => poll.element.answerState.transport === 'saved');
    expect(Object.values((await received(name)).stored).map((s) => s.answers)).to.deep.equal([{ question: 'transport', choice: 'disagree' }]);
  });

  it('shows the results after an answer: a table with counts and percentages, marking the person\'s own', async () => {
    const name = scenario();
    await setPoll(name, { counts: { overall: { '1': 0, '2': 1, '3': 2, '4': 4, '5': 4 } } });
    const poll = await mountPoll(name);
    expect(poll.query(`#q0-results`), 'no results before answering').to.equal(null);
    await poll.answer('overall', '4');
    await eventually(() =>
      expect(poll.results('overall')).to.deep.equal([
        ['1 Very poor', '0', '0%'],
        ['2 Poor', '1', '8%'],
        ['3 Fair', '2', '17%'],
        ['4 Good (your answer)', '5', '42%'],
        ['5 Very good', '4', '33%'],
      ]),
    );
    expect(poll.text('#q0-results .results-heading')).to.equal('Results so far: 12 answers');
    await expectNoAxeViolations();
  });

  it('changes an answer: the count moves from the old choice to the new, never counted twice', async () => {
    const name = scenario();
    await setPoll(name, { counts: { visits: { daily: 3, weekly: 2, monthly: 1 } } });
    const poll = await mountPoll(name);
    await poll.answer('visits', 'weekly');
    await eventually(() => expect(poll.results('visits').map((r) => r[1])).to.deep.equal(['3', '3', '1']));
    await poll.choose('visits', 'daily');
    await poll.save('visits');
    await eventually(() => expect(poll.results('visits').map((r) => r[1])).to.deep.equal(['4', '2', '1']));
    const { stored, polls } = (await received(name)) as unknown as { stored: Record<string, { answers: unknown; participant: string }>; polls: Record<string, { votes: Record<string, unknown> }> };
    const sent = Object.values(stored);
    expect(sent.map((s) => s.answers)).to.deep.equal([
      { question: 'visits', choice: 'weekly' },
      { question: 'visits', choice: 'daily' },
    ]);
    expect(new Set(sent.map((s) => s.participant)).size).to.equal(1, 'the same participant both times');
    expect(polls[POLL]!.votes).to.deep.equal({ [sent[0]!.participant]: { visits: 'daily' } });
  });

  it('comes back with the answers already given and their results (the participant is remembered)', async () => {
    const name = scenario();
    let poll = await mountPoll(name);
    await poll.answer('mood', '5');
    document.body.innerHTML = '';
    poll = await mountPoll(name);
    expect(poll.checked('mood')).to.equal('5');
    expect(poll.results('mood')[4]).to.deep.equal(['Very happy (your answer)', '1', '100%']);
    const { pollRequests } = await received(name);
    expect(pollRequests.at(-1)!.participant).to.equal(storedParticipant());
  });

  it('drops a kept id the collector did not issue, and answers with the one it issues instead', async () => {
    const name = scenario();
    const madeUp = `${crypto.randomUUID()}.${'A'.repeat(43)}`;
    localStorage.setItem(participantKey(POLL), madeUp);
    const poll = await mountPoll(name);
    await poll.answer('mood', '4');
    await poll.until(() => poll.element.answerState.mood === 'saved');
    const kept = storedParticipant();
    expect(kept).to.match(PARTICIPANT).and.not.equal(madeUp);
    const { stored } = await received(name);
    expect(Object.values(stored).map((s) => s.participant)).to.deep.equal([kept]);
  });

  it('saving again without a change sends nothing more, and says it is saved', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await poll.answer('overall', '2');
    await poll.save('overall');
    expect(Object.keys((await received(name)).stored)).to.have.length(1);
    expect(poll.answerState('overall')).to.equal('Answer saved');
  });

  it('Save with nothing chosen: an error in the group, focus on its first radio', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await poll.save('visits');
    const i = poll.index('visits');
    expect(poll.text(`#q${i}-error`)).to.equal('Error: Choose an answer');
    expect(poll.query(`#q${i} fieldset`)!.getAttribute('aria-describedby')).to.contain(`q${i}-error`);
    expect(poll.focused).to.equal(`q${i}-0`);
    await expectNoAxeViolations();
    await poll.choose('visits', 'monthly');
    expect(poll.query(`#q${i}-error`)).to.equal(null);
    expect((await received(name)).attempts).to.equal(0);
  });

  it('refreshes the results when the page is shown again', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await poll.answer('overall', '3');
    await eventually(() => expect(poll.results('overall')[2]).to.deep.equal(['3 Fair (your answer)', '1', '100%']));
    // Someone else votes meanwhile.
    await setPoll(name, { votes: { other: { overall: '5' }, [storedParticipant()!]: { overall: '3' } } });
    showAgain();
    await eventually(() => expect(poll.results('overall')[4]).to.deep.equal(['5 Very good', '1', '50%']));
  });

  it('shows residents\' published statements after the staff questions, to agree or disagree with', async () => {
    const name = scenario();
    await setPoll(name, { statements: [{ id: 's-1', participant: 'someone', text: 'The minibus is often late.', status: 'published' }] });
    const poll = await mountPoll(name);
    const i = poll.index('s-1');
    expect(i).to.equal(4);
    expect(poll.text(`#q${i}-legend`)).to.equal('The minibus is often late.');
    expect(poll.text(`#q${i}-hint`)).to.equal('A statement from a resident');
    await poll.answer('s-1', 'agree');
    expect(Object.values((await received(name)).stored)[0]!.answers).to.deep.equal({ question: 's-1', choice: 'agree' });
  });
});

describe('<tandem-poll>: given as data, and handled by the host', () => {
  it('pollData with transport="events": fetches nothing, counts the answer locally, fires events with the participant the data carries', async () => {
    const { mountPage } = await import('../../../test/support/page.js');
    const { PollHarness } = await import('./harness.js');
    const { pollView } = await import('./fixtures/poll-view.mjs');
    const dayCentres = (await import('./fixtures/day-centres-2026.json')).default;
    // As the host fetched it from the collector: with a participant issued for this device.
    const issued = `${crypto.randomUUID()}.${'A'.repeat(43)}`;
    const data = { ...pollView({ ...dayCentres, id: 'events-poll' }, { counts: { visits: { daily: 1, weekly: 1, monthly: 0 } } }), participant: issued };
    mountPage('<tandem-poll site="adult-social-care" transport="events"></tandem-poll>');
    const element = document.querySelector('tandem-poll')!;
    const events: { type: string; delivery?: string; participant?: string; answers?: unknown }[] = [];
    for (const type of ['tandem-submit', 'tandem-submitted'] as const) {
      element.addEventListener(type, (e) => {
        const detail = (e as CustomEvent).detail;
        events.push({ type, delivery: detail.delivery, participant: detail.submission.participant, answers: detail.submission.answers });
      });
    }
    element.pollData = data;
    const poll = await new PollHarness(element).ready();
    await poll.answer('visits', 'monthly');
    expect(poll.results('visits').map((r) => r[1])).to.deep.equal(['1', '1', '1']);
    expect(events.map((e) => [e.type, e.delivery ?? null])).to.deep.equal([
      ['tandem-submit', null],
      ['tandem-submitted', 'events'],
    ]);
    expect(events[0]!.answers).to.deep.equal({ question: 'visits', choice: 'monthly' });
    expect(events[0]!.participant).to.equal(issued);
    expect(localStorage.getItem('tandem:poll:events-poll:participant')).to.equal(issued);
    // Changed: the count moves, never twice.
    await poll.answer('visits', 'daily');
    expect(poll.results('visits').map((r) => r[1])).to.deep.equal(['2', '1', '0']);
    expect(data.questions[2]!.results.counts, 'the data given is not changed').to.deep.equal({ daily: 1, weekly: 1, monthly: 0 });
  });
});
