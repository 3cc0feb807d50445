import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { FakeClock } from '../../../test/support/fake-clock.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { STATEMENT_MAX_LENGTH } from '../src/types.js';
import { axNode, eventually, received, scenario, pollTests } from './support.js';

const { POLL, setPoll, mountPoll, forgetParticipant, storedParticipant } = pollTests('statements-poll');

describe('<tandem-poll>: your own statements', () => {
  beforeEach(() => forgetParticipant());

  it('sends a statement, redacted, with the participant; it shows as waiting to be checked', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await poll.writeStatement('  The café should open at weekends. Call me on 07700 900123.  ');
    await poll.sendStatement();
    expect(poll.text('#statement-message')).to.equal('Thank you. We will check your statement before others can see it.');
    expect(poll.focused).to.equal('statement-message');
    expect(poll.control<HTMLTextAreaElement>('statement').value).to.equal('');
    const sent = Object.values((await received(name)).stored);
    expect(sent).to.have.length(1);
    expect(sent[0]!.answers).to.deep.equal({ statement: 'The café should open at weekends. Call me on [phone].' });
    expect(sent[0]!.participant).to.equal(storedParticipant());
    await eventually(() =>
      expect(poll.myStatements).to.deep.equal([['The café should open at weekends. Call me on [phone].', 'Waiting to be checked']]),
    );
    expect(await axNode((n) => n.role === 'heading' && n.name === 'Your statements' && n.level === 3)).to.exist;
    await expectNoAxeViolations();
  });

  it('errors: empty, too short, too long, in the error summary pattern with the shared character count', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await poll.sendStatement();
    expect(poll.focused).to.equal('error-summary');
    expect(poll.text('#error-summary a')).to.equal('Enter your statement');
    expect(poll.control('statement').getAttribute('aria-invalid')).to.equal('true');
    expect(poll.text('#statement-error')).to.equal('Error: Enter your statement');
    // Announced by taking focus, as a named group; not also an alert, which would say it twice.
    expect(await axNode((n) => n.role === 'alert')).to.equal(null);
    expect(await axNode((n) => n.role === 'group' && n.name === 'There is a problem' && n.focused === true)).to.exist;
    await expectNoAxeViolations();

    await poll.writeStatement('Too short');
    await poll.sendStatement();
    expect(poll.text('#error-summary a')).to.equal('Your statement must be 10 characters or more');

    await poll.writeStatement('x'.repeat(STATEMENT_MAX_LENGTH + 2));
    expect(poll.text('.count.over')).to.equal('You have 2 characters too many');
    await poll.sendStatement();
    expect(poll.text('#error-summary a')).to.equal(`Your statement must be ${STATEMENT_MAX_LENGTH} characters or fewer`);

    // The summary's link moves focus to the field.
    poll.query<HTMLAnchorElement>('#error-summary a')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(poll.focused).to.equal('statement');
    await poll.writeStatement('x'.repeat(STATEMENT_MAX_LENGTH - 1));
    expect(poll.text('.count')).to.equal('You have 1 character remaining');
    expect((await received(name)).attempts).to.equal(0);
  });

  it('keyboard: the field is described by its hints and limit from first focus; after sending, Tab goes on to the form', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    const clock = new FakeClock();
    poll.element.clock = clock;
    poll.control('statement').focus();
    const field = await axNode((n) => n.focused === true);
    expect(field?.name).to.equal('Your statement');
    expect((field as { description?: string }).description).to.equal(
      'Write something about this service that others can agree or disagree with. We check every statement before anyone else sees it. ' +
        'Do not include personal information such as names, phone numbers or addresses. Personal details like these are removed before your statement is sent. ' +
        `You can enter up to ${STATEMENT_MAX_LENGTH} characters`,
    );
    await sendKeys({ type: 'The minibus should come twice a day.' });
    // The count is said once typing pauses for a second, on the widget's clock.
    clock.advance(999);
    await poll.settle();
    expect(poll.text('#statement-count-sr')).to.equal('');
    clock.advance(1);
    await poll.settle();
    expect(poll.text('#statement-count-sr')).to.equal(`You have ${STATEMENT_MAX_LENGTH - 36} characters remaining`);
    clock.advance(4000);
    await sendKeys({ press: 'Tab' });
    expect(poll.focused).to.equal('send', 'the honeypot is skipped');
    await sendKeys({ press: 'Enter' });
    await poll.until(() => !!poll.query('#statement-message'));
    expect(poll.focused).to.equal('statement-message');
    expect(getComputedStyle(poll.control('statement-message')).outlineStyle).to.equal('solid');
    const [sent] = Object.values((await received(name)).stored) as { signals?: { fillMs: number } }[];
    expect(sent!.signals!.fillMs).to.equal(5000);
    // Not round to the first question: on to the form, to write another.
    await sendKeys({ press: 'Tab' });
    expect(poll.root.activeElement?.textContent).to.equal('How we check statements');
    expect(poll.root.activeElement?.closest('form')?.getAttribute('aria-labelledby')).to.equal('add-heading');
  });

  it('a duplicate the collector refuses: a kind message, the text kept to change it', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    const errors: string[] = [];
    poll.element.addEventListener('tandem-error', (e) => errors.push(e.detail.kind));
    // The poll's own statement, in other words of case and punctuation.
    await poll.writeStatement('getting to the centre is EASY');
    await poll.sendStatement();
    expect(poll.text('#statement-message')).to.equal(
      'Thank you. Someone has already made this statement, so we have not added it again. You can agree or disagree with it in the poll, or write a different one.',
    );
    expect(poll.focused).to.equal('statement-message');
    expect(poll.control<HTMLTextAreaElement>('statement').value).to.equal('getting to the centre is EASY');
    expect(poll.query('#error-summary')).to.equal(null);
    expect(poll.myStatements).to.deep.equal([]);
    expect(errors).to.deep.equal(['rejected']);
    expect(Object.keys((await received(name)).stored)).to.have.length(0);
    await expectNoAxeViolations();
  });

  it('each status of "your statements": pending, published with a reply, not published because…', async () => {
    const name = scenario();
    await setPoll(name, {});
    let poll = await mountPoll(name);
    await poll.writeStatement('The minibus is often late.');
    await poll.sendStatement();
    const participant = storedParticipant()!;
    await setPoll(name, {
      statements: [
        { id: 's-1', participant, text: 'The minibus is often late.', status: 'published', reply: { en: 'We have spoken to the transport team.', cy: "Rydym wedi siarad â'r tîm trafnidiaeth." } },
        { id: 's-2', participant, text: 'Lunch is too early in the day.', status: 'pending' },
        { id: 's-3', participant, text: 'One of the drivers is rude.', status: 'rejected', reason: 'It was about a member of staff.' },
        { id: 's-4', participant: 'someone-else', text: 'Not mine to see.', status: 'rejected', reason: 'Private.' },
      ],
    });
    document.body.innerHTML = '';
    poll = await mountPoll(name);
    expect(poll.myStatements).to.deep.equal([
      ['The minibus is often late.', 'Published', 'Our reply: We have spoken to the transport team.'],
      ['Lunch is too early in the day.', 'Waiting to be checked'],
      ['One of the drivers is rude.', 'Not published', 'Not published because: It was about a member of staff.'],
    ]);
    // The published one is also a question for everyone, after the staff questions.
    expect(poll.text(`#q${poll.index('s-1')}-legend`)).to.equal('The minibus is often late.');
    await expectNoAxeViolations();
  });

  it('renders residents\' words as text, never as HTML', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await poll.writeStatement('<img src=x onerror="window.pwned=1"> is what the sign says');
    await poll.sendStatement();
    await eventually(() => expect(poll.myStatements[0]![0]).to.equal('<img src=x onerror="window.pwned=1"> is what the sign says'));
    expect(poll.query('#mine img')).to.equal(null);
  });

  it('no form when the poll takes no statements', async () => {
    const name = scenario();
    await setPoll(name, { allowStatements: false });
    const poll = await mountPoll(name);
    expect(poll.query('#statement')).to.equal(null);
    expect(poll.query('#add-heading')).to.equal(null);
  });

  it('statements closed meanwhile: says so kindly', async () => {
    const name = scenario();
    const poll = await mountPoll(name);
    await setPoll(name, { allowStatements: false });
    await poll.writeStatement('Please add more trips out in the summer.');
    await poll.sendStatement();
    expect(poll.text('#statement-message')).to.equal('Sorry, new statements are no longer being taken for this poll.');
    // The poll fetched afresh no longer offers the form; the message stays, with focus.
    await eventually(() => expect(poll.query('#statement')).to.equal(null));
    expect(poll.text('#statement-message')).to.equal('Sorry, new statements are no longer being taken for this poll.');
    expect(poll.focused).to.equal('statement-message');
  });
});
