import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { feedback, feedbackIn, QUESTION_OVERRIDES, type FeedbackArgs } from './support/feedback.js';
import { resolveLocale, type Locale } from './support/locale.js';
import { FAILING_WELSH, failWelshFor } from './support/welsh-fails.js';

/*
 * Every step of <tandem-feedback>. Stories send nothing: `transport="events"` only fires
 * events (see the Actions panel). Steps a person reaches by answering are reached the same
 * way, by play functions that drive the harness; steps that need a collector (sending,
 * queued, failed) are shown through the `state` property.
 *
 * test/stories.test.ts renders each story in English and Welsh, left-to-right and
 * right-to-left, and checks it with axe.
 */

const meta = {
  title: 'Widgets/Feedback',
  component: 'tandem-feedback',
  tags: ['autodocs'],
  args: { site: 'adult-social-care', transport: 'events' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['inline', 'compact'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    transport: { control: 'inline-radio', options: ['events', 'collector'] },
    state: { control: 'select', options: ['ask', 'thanks', 'form', 'sending', 'sent', 'queued', 'failed', 'unsent'] },
  },
  render: (args) => feedback(args),
  parameters: {
    // Show the states reached by play functions in the docs page too, not the first step.
    docs: { story: { autoplay: true } },
  },
} satisfies Meta<FeedbackArgs>;

export default meta;
type Story = StoryObj<FeedbackArgs>;

/** The first step: "Is this page useful?", Yes / No, and "Report a problem with this page". */
export const Ask: Story = {};

/** After "Yes": thanks, with "Tell us more" and the problem link still there. */
export const YesThanks: Story = {
  name: 'Yes: thanks',
  play: async ({ canvasElement }) => {
    await (await feedbackIn(canvasElement)).yes();
  },
};

/** "Tell us more" after "Yes": one question, what they were trying to do. */
export const TellUsMore: Story = {
  name: 'Yes: tell us more',
  play: async ({ canvasElement }) => {
    const widget = await feedbackIn(canvasElement);
    await widget.yes();
    await widget.tellUsMore();
  },
};

/** After "No": what they were trying to do and what went wrong. */
export const FormAfterNo: Story = {
  name: 'No: form',
  play: async ({ canvasElement }) => {
    await (await feedbackIn(canvasElement)).no();
  },
};

/** "Report a problem with this page", without answering Yes or No first. */
export const ReportAProblem: Story = {
  name: 'Report a problem: form',
  play: async ({ canvasElement }) => {
    await (await feedbackIn(canvasElement)).report();
  },
};

/** Send pressed on an empty form: the error summary takes focus and links to each field. */
export const Errors: Story = {
  name: 'Form with errors',
  play: async ({ canvasElement }) => {
    const widget = await feedbackIn(canvasElement);
    await widget.no();
    await widget.send();
  },
};

/** While the answer is on its way to the collector. */
export const Sending: Story = { args: { state: 'sending' } };

/** Answered and sent (here by the events transport, through the real form). */
export const Sent: Story = {
  play: async ({ canvasElement }) => {
    const widget = await feedbackIn(canvasElement);
    await widget.no();
    await widget.type('trying', 'Find out what home care costs');
    await widget.type('wrong', 'The charges page would not open');
    await widget.send();
    await widget.waitFor('sent');
  },
};

/** Offline: the answer is kept on the device and sent when the person is back online. */
export const OfflineQueued: Story = { name: 'Offline: queued', args: { state: 'queued' } };

/**
 * Offline before the code that prepares an answer could be fetched: nothing was kept, so the
 * form stays with what was written, and the error summary says so and links to Send.
 */
export const Unsent: Story = { name: 'Offline: not sent', args: { state: 'unsent' } };

/** The collector refused the answer. */
export const Failed: Story = { args: { state: 'failed' } };

/**
 * No `site` (nor `endpoint`, nor a loader to supply them): a short notice in the page and a
 * console message naming the attribute to fix, never an error thrown into the page.
 */
export const Misconfigured: Story = { args: { site: undefined, endpoint: undefined } };

/** The slimmer prompt for busy pages. */
export const Compact: Story = { args: { variant: 'compact' } };

const sectionHeading: Record<Locale, string> = { en: 'Getting care at home', cy: 'Cael gofal yn y cartref' };

/** Under a level-two section heading, the prompt's headings become level three. */
export const HeadingLevel3: Story = {
  name: 'Heading level 3',
  args: { headingLevel: 3 },
  render: (args, { globals }) => html`<h2>${sectionHeading[resolveLocale(globals).locale]}</h2>${feedback(args)}`,
};

/**
 * A council's own wording through the `strings` attribute (JSON). It applies in the page's
 * language, so a bilingual site gives each language version of a page its own override.
 */
export const HostStringOverride: Story = {
  name: 'Host string override',
  render: (args, { globals }) => feedback({ ...args, strings: args.strings ?? QUESTION_OVERRIDES[resolveLocale(globals).locale] }),
};

/**
 * On a Welsh page (`lang="cy-GB"`, whatever the toolbar says) whose Welsh strings cannot load:
 * the prompt in English, marked lang="en" so screen readers pronounce it as English, and a
 * console warning. Never a mix of the two. (Staged: see support/welsh-fails.ts.)
 */
export const WelshFailedEnglishFallback: Story = {
  name: 'Welsh failed, English fallback',
  render: (args) => {
    failWelshFor('tandem-feedback');
    return html`<div lang=${FAILING_WELSH}>${feedback(args)}</div>`;
  },
};
