import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { poll, pollIn, storyPoll, STORY_PARTICIPANT, STORY_STATEMENTS, type PollArgs } from './support/poll.js';
import { resolveLocale } from './support/locale.js';
import { withoutPreparer } from './support/unprepared.js';
import { FAILING_WELSH, failWelshFor } from './support/welsh-fails.js';

/*
 * Every question type and every state of <tandem-poll>. Stories need no collector: the poll
 * is given as `pollData` (what `GET /v1/polls/{id}` would answer), and `transport="events"`
 * sends nothing (see the Actions panel). Steps a person reaches by answering are reached the
 * same way, by play functions that drive the harness.
 *
 * test/poll-stories.test.ts renders each story in English and Welsh, left-to-right and
 * right-to-left, and checks it with axe.
 */

const meta = {
  title: 'Widgets/Poll',
  component: 'tandem-poll',
  tags: ['autodocs'],
  args: { site: 'adult-social-care', transport: 'events', pollData: storyPoll() },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    transport: { control: 'inline-radio', options: ['events', 'collector'] },
    pollData: { control: 'object' },
  },
  render: (args) => poll(args),
  parameters: {
    docs: { story: { autoplay: true } },
  },
} satisfies Meta<PollArgs>;

export default meta;
type Story = StoryObj<PollArgs>;

const everyAnswer = { [STORY_PARTICIPANT]: { overall: '4', mood: '5', visits: 'weekly', transport: 'disagree' } };
const statementIn = (context: { globals?: Record<string, unknown> }) => STORY_STATEMENTS[resolveLocale(context.globals).locale];

/** An open poll with every kind of question, nothing answered yet. */
export const Unanswered: Story = {};

/** A rating from 1 to 5 with words at each point. */
export const Rating: Story = { args: { pollData: storyPoll({}, ['overall']) } };

/** Five faces, each with a text label: the face is decoration, the label is its name. */
export const Faces: Story = { args: { pollData: storyPoll({}, ['mood']) } };

/** One choice from a list. */
export const Choice: Story = { args: { pollData: storyPoll({}, ['visits']) } };

/** A statement to agree with, disagree with, or pass ("Unsure"). */
export const Statement: Story = { args: { pollData: storyPoll({}, ['transport']) } };

/** Every question answered: the results so far under each, as a bar chart and a table. */
export const AnsweredWithResults: Story = {
  name: 'Answered, with results',
  args: { pollData: storyPoll({ votes: everyAnswer }) },
};

/** Just answered: "Answer saved", announced politely, and the results appear. */
export const JustSaved: Story = {
  name: 'Just saved',
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    await widget.answer('overall', '4');
  },
};

/** Chosen but not saved yet: "Not saved yet" beside Save answer, until it is saved. */
export const ChosenNotSaved: Story = {
  name: 'Chosen, not saved yet',
  args: { pollData: storyPoll({}, ['overall']) },
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    await widget.choose('overall', '2');
  },
};

/** "Save answer" with nothing chosen: the error in the group, focus on its first option. */
export const NothingChosen: Story = {
  name: 'Nothing chosen',
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    await widget.save('visits');
  },
};

/** "Add your own statement", with the character count as someone writes. */
export const StatementForm: Story = {
  name: 'Statement form',
  args: { pollData: storyPoll({}, ['overall']) },
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    await widget.writeStatement(statementIn(context));
  },
};

/** Sent with nothing written: the error summary takes focus. */
export const StatementErrors: Story = {
  name: 'Statement form: errors',
  args: { pollData: storyPoll({}, ['overall']) },
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    await widget.sendStatement();
  },
};

/** Sent: thanks, and "Your statements" shows it waiting to be checked. */
export const StatementPending: Story = {
  name: 'Statement pending',
  args: { pollData: storyPoll({}, ['overall']) },
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    await widget.writeStatement(statementIn(context));
    await widget.sendStatement();
  },
};

const reply = { en: 'We have asked the transport team to add a second minibus.', cy: "Rydym wedi gofyn i'r tîm trafnidiaeth ychwanegu ail fws mini." };

/** Published: others can agree or disagree with it, and staff have replied. */
export const StatementPublished: Story = {
  name: 'Statement published, with a reply',
  args: {
    pollData: storyPoll(
      { statements: [{ id: 's-1', participant: STORY_PARTICIPANT, text: 'The minibus is often late.', status: 'published', reply }] },
      ['overall'],
    ),
  },
};

/** Not published, and why. */
export const StatementRejected: Story = {
  name: 'Statement not published',
  args: {
    pollData: storyPoll(
      { statements: [{ id: 's-2', participant: STORY_PARTICIPANT, text: 'The driver on Tuesdays is rude.', status: 'rejected', reason: 'It was about a member of staff.' }] },
      ['overall'],
    ),
  },
};

/** Closed: the final results of every question and staff's response ("You said, we did"). */
export const Closed: Story = {
  args: {
    pollData: storyPoll({
      status: 'closed',
      votes: everyAnswer,
      response: {
        en: 'You told us getting to the centres was hard.\n\nFrom March, the minibus calls twice each morning.',
        cy: "Dywedoch wrthym ei bod yn anodd cyrraedd y canolfannau.\n\nO fis Mawrth, bydd y bws mini yn galw ddwywaith bob bore.",
      },
    }),
  },
};

/** Not open yet: when it opens. */
export const Upcoming: Story = { args: { pollData: storyPoll({ status: 'upcoming' }) } };

/**
 * The collector cannot be reached (here, nothing listens at its address): a short message
 * in place of the poll, and a console warning. Nothing is thrown into the page.
 */
export const CollectorUnreachable: Story = {
  name: 'Collector unreachable',
  args: { pollData: undefined, poll: 'day-centres-2026', endpoint: 'http://127.0.0.1:9/', transport: 'collector' },
};

/**
 * Answered while the collector cannot be reached: the answer waits on the device and is sent
 * later; the results say they are not available. (In Storybook the answer really waits in this
 * browser's outbox, and is given up after 7 days.)
 */
export const AnswerQueued: Story = {
  name: 'Answer queued, results unavailable',
  args: { pollData: storyPoll({}, ['overall']), endpoint: 'http://127.0.0.1:9/', transport: 'collector' },
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    await widget.answer('overall', '3');
  },
};

/**
 * Saved while the code that prepares an answer could not load (offline before it arrived):
 * "Your answer has not been saved", beside Save answer and announced; the choice stays, to save
 * again, and no results show, as nothing was counted. (Staged: see support/unprepared.ts.)
 */
export const AnswerNotSaved: Story = {
  name: 'Answer not saved',
  args: { pollData: storyPoll({}, ['overall']) },
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    withoutPreparer(widget.element);
    await widget.answer('overall', '4');
  },
};

/**
 * A statement sent while the code that prepares it could not load: "Your statement has not
 * been sent" takes focus above the form, and the text stays, to send again. (Staged: see
 * support/unprepared.ts.)
 */
export const StatementNotSent: Story = {
  name: 'Statement not sent',
  args: { pollData: storyPoll({}, ['overall']) },
  play: async (context) => {
    const widget = await pollIn(context.canvasElement);
    withoutPreparer(widget.element);
    await widget.writeStatement(statementIn(context));
    await widget.sendStatement();
  },
};

/**
 * On a Welsh page (`lang="cy-GB"`, whatever the toolbar says) whose Welsh strings cannot load:
 * the whole poll in English, marked lang="en" so screen readers pronounce it as English, and a
 * console warning. Never a mix of the two. (Staged: see support/welsh-fails.ts.)
 */
export const WelshFailedEnglishFallback: Story = {
  name: 'Welsh failed, English fallback',
  args: { pollData: storyPoll({}, ['overall']) },
  render: (args) => {
    failWelshFor('tandem-poll');
    return html`<div lang=${FAILING_WELSH}>${poll(args)}</div>`;
  },
};

/** No `poll` (nor `pollData`): the misconfigured notice. */
export const Misconfigured: Story = { args: { pollData: undefined, endpoint: 'http://127.0.0.1:9/' } };

const sectionHeading = { en: 'Have your say', cy: 'Dweud eich dweud' };

/** Under a level-two section heading, the poll's title is level three and its sections level four. */
export const HeadingLevel3: Story = {
  name: 'Heading level 3',
  args: { headingLevel: 3, pollData: storyPoll({ votes: everyAnswer }, ['overall']) },
  render: (args, context) => html`<h2>${sectionHeading[resolveLocale(context.globals).locale]}</h2>${poll(args)}`,
};
