import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { pledge, pledgeIn, storyList, storyOffer, type PledgeArgs } from './support/pledge.js';
import { resolveLocale } from './support/locale.js';
import { withoutPreparer } from './support/unprepared.js';
import { answerNextWithdrawal } from './support/withdrawal-answer.js';
import { FAILING_WELSH, failWelshFor } from './support/welsh-fails.js';

/*
 * Every state of <tandem-pledge>, an offer of help. Stories need no collector: the ways to help
 * are given as `listData` (what `GET /v1/pledges/{list}` would answer), and `transport="events"`
 * sends nothing (see the Actions panel). Steps a person reaches by answering are reached the
 * same way, by play functions that drive the harness.
 *
 * test/pledge-stories.test.ts renders each story in English and Welsh, left-to-right and
 * right-to-left, and checks it with axe.
 */

const meta = {
  title: 'Widgets/Pledge',
  component: 'tandem-pledge',
  tags: ['autodocs'],
  args: { site: 'adult-social-care', transport: 'events', listData: storyList() },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    transport: { control: 'inline-radio', options: ['events', 'collector'] },
    listData: { control: 'object' },
  },
  render: (args) => pledge(args),
  parameters: {
    docs: { story: { autoplay: true } },
  },
} satisfies Meta<PledgeArgs>;

export default meta;
type Story = StoryObj<PledgeArgs>;

type Context = { canvasElement: HTMLElement; globals?: Record<string, unknown> };
const offerIn = (context: Context) => storyOffer(resolveLocale(context.globals).locale);

/** The ways to help, each with what it involves and what the resident won't be asked to do; nothing chosen yet. */
export const Offering: Story = {};

/** A short list: two ways to help from home, no areas of the council's. */
export const FromHomeOnly: Story = {
  name: 'From home only',
  args: { listData: { ...storyList(), areas: [], ways: storyList().ways.filter((way) => way.fromHome) } },
};

/** "Offer to help" with nothing chosen: the GOV.UK error summary takes focus, each error by its question. */
export const Errors: Story = {
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    await widget.send();
  },
};

/** A 16 or 17 year old: a parent's or guardian's email is asked for, and adult-only ways are refused. */
export const YoungPerson: Story = {
  name: 'Aged 16 or 17',
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    await widget.fill({ ...offerIn(context), age: 'young' });
    await widget.send();
  },
};

/** Sent: thanks, the reference with a copy button, what happens next and who will be in touch. */
export const Sent: Story = {
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    await widget.fill({ ...offerIn(context), ways: ['befriending-calls', 'repair-cafe'], areas: ['town-centre'] });
    await widget.send();
  },
};

/**
 * Offered while the collector cannot be reached: the offer waits in this page's memory (never on
 * the device, as it holds contact details) and the resident is told to keep the page open.
 */
export const Queued: Story = {
  name: 'Queued, offline',
  args: { endpoint: 'http://127.0.0.1:9/', transport: 'collector' },
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    await widget.fill(offerIn(context));
    await widget.send();
  },
};

/** Offered while the code that prepares an offer could not load: not sent, everything kept. (Staged: see support/unprepared.ts.) */
export const NotSent: Story = {
  name: 'Not sent',
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    withoutPreparer(widget.element);
    await widget.fill(offerIn(context));
    await widget.send();
  },
};

/** An offer withdrawn with its reference, typed as a resident would (lower case, spaces): its contact details are deleted. (Staged: see support/withdrawal-answer.ts.) */
export const Withdrawn: Story = {
  name: 'Withdrawn',
  args: { endpoint: 'http://127.0.0.1:9/', transport: 'collector' },
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    answerNextWithdrawal(200);
    await widget.withdraw('tdm 2345 6789 abcd');
  },
};

/** A reference the collector does not know (or already withdrawn: the same answer, so it tells nobody anything). (Staged.) */
export const WithdrawUnknown: Story = {
  name: 'Withdraw: reference not known',
  args: { endpoint: 'http://127.0.0.1:9/', transport: 'collector' },
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    answerNextWithdrawal(404);
    await widget.withdraw('TDM-2345-6789-ABCD');
  },
};

/** "Withdraw an offer you made", opened, with something that is not a reference typed in. */
export const WithdrawInvalid: Story = {
  name: 'Withdraw: not a reference',
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    await widget.withdraw('my offer');
  },
};

/** Withdrawing while the collector cannot be reached: try again later, the reference kept. */
export const WithdrawFailed: Story = {
  name: 'Withdraw: collector unreachable',
  args: { endpoint: 'http://127.0.0.1:9/', transport: 'collector' },
  play: async (context) => {
    const widget = await pledgeIn(context.canvasElement);
    await widget.withdraw('TDM-2345-6789-ABCD');
  },
};

/** The collector cannot be reached: a short message in place of the form, and a console warning. */
export const CollectorUnreachable: Story = {
  name: 'Collector unreachable',
  args: { listData: undefined, list: 'help-your-neighbourhood', endpoint: 'http://127.0.0.1:9/', transport: 'collector' },
};

/** On a Welsh page whose Welsh strings cannot load: all in English, marked lang="en", never mixed. (Staged: see support/welsh-fails.ts.) */
export const WelshFailedEnglishFallback: Story = {
  name: 'Welsh failed, English fallback',
  render: (args) => {
    failWelshFor('tandem-pledge');
    return html`<div lang=${FAILING_WELSH}>${pledge(args)}</div>`;
  },
};

/** No `list` (nor `listData`): the misconfigured notice. */
export const Misconfigured: Story = { args: { listData: undefined, endpoint: 'http://127.0.0.1:9/' } };

const sectionHeading = { en: 'Get involved', cy: 'Cymryd rhan' };

/** Under a level-two section heading, the list's title is level three and its sections level four. */
export const HeadingLevel3: Story = {
  name: 'Heading level 3',
  args: { headingLevel: 3 },
  render: (args, context) => html`<h2>${sectionHeading[resolveLocale(context.globals).locale]}</h2>${pledge(args)}`,
};
