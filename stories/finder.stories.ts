import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { finder, finderIn, STORY_CATALOGUE, STORY_CONTACT, STORY_QUERIES, type FinderArgs } from './support/finder.js';
import { resolveLocale, type Locale } from './support/locale.js';

/*
 * Every step of <tandem-finder>. Stories send nothing: `transport="events"` only fires
 * events (see the Actions panel), and choosing a result with a page of its own is shown by
 * the Actions panel's `tandem-choose` rather than followed. Steps a person reaches by typing
 * and choosing are reached the same way, by play functions that drive the harness, in the
 * language of the toolbar (the catalogue's Welsh is searched on Welsh pages).
 *
 * test/finder-stories.test.ts renders each story in English and Welsh, left-to-right and
 * right-to-left, and checks it with axe.
 */

const meta = {
  title: 'Widgets/Finder',
  component: 'tandem-finder',
  tags: ['autodocs'],
  args: { site: 'adult-social-care', transport: 'events', catalogueData: STORY_CATALOGUE },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    limit: { control: { type: 'number', min: 1, max: 20 } },
    transport: { control: 'inline-radio', options: ['events', 'collector'] },
    catalogueData: { control: false },
  },
  render: (args) => finder(args),
  parameters: {
    docs: { story: { autoplay: true } },
  },
} satisfies Meta<FinderArgs>;

export default meta;
type Story = StoryObj<FinderArgs>;

const queries = (context: { globals?: Record<string, unknown> }) =>
  STORY_QUERIES[resolveLocale(context.globals as { locale?: string }).locale as Locale];

/** Nothing typed yet: the label, the hint and the search box. */
export const Empty: Story = {};

/** Typing: the results list is open; focus stays in the search box. */
export const Typing: Story = {
  play: async (context) => {
    const widget = await finderIn(context.canvasElement);
    await widget.type(queries(context).results);
  },
};

/** Down Arrow moves through the results; the active one is highlighted and read out. */
export const Results: Story = {
  name: 'Results: moving through them',
  play: async (context) => {
    const widget = await finderIn(context.canvasElement);
    await widget.type(queries(context).results);
    await widget.key('ArrowDown');
  },
};

/**
 * Entries the council has not yet written in Welsh: on a Welsh page they show in English,
 * marked `lang="en"` so screen readers read them in an English voice; the widget's own words
 * stay Welsh. Each result's name is its title; its details are its description.
 */
export const EnglishEntries: Story = {
  name: 'Results: entries in English only',
  play: async (context) => {
    const widget = await finderIn(context.canvasElement);
    await widget.type(STORY_QUERIES.en.englishOnly);
  },
};

/** Nothing fits: a kind message, near matches to try, and the council's contact route. */
export const NoResults: Story = {
  name: 'No results',
  play: async (context) => {
    const widget = await finderIn(context.canvasElement);
    await widget.type(queries(context).nothing);
  },
};

async function chooseAnswer(context: StoryContext<FinderArgs>) {
  const widget = await finderIn(context.canvasElement);
  await widget.type(queries(context).answer);
  await widget.choose(0);
  return widget;
}

/** A result with its answer in the catalogue: shown in place, with "Did this answer your need?". */
export const Answer: Story = {
  name: 'Answer shown in place',
  play: async (context) => {
    await chooseAnswer(context);
  },
};

/** After "No": "What did you need?" in the person's own words. */
export const DidNotHelp: Story = {
  name: 'Did not help: what did you need?',
  play: async (context) => {
    const widget = await chooseAnswer(context);
    await widget.no();
  },
};

/** Send pressed with nothing written: the error summary takes focus. */
export const DidNotHelpErrors: Story = {
  name: 'Did not help: errors',
  play: async (context) => {
    const widget = await chooseAnswer(context);
    await widget.no();
    await widget.send();
  },
};

/** The need sent: thanks, with focus on the message. */
export const Thanks: Story = {
  play: async (context) => {
    const widget = await chooseAnswer(context);
    await widget.no();
    await widget.typeNeed(queries(context).need);
    await widget.send();
  },
};

/** "Yes": thanks, with focus on the message, and "Search again" after it. */
export const HelpedThanks: Story = {
  name: 'Helped: thanks',
  play: async (context) => {
    const widget = await chooseAnswer(context);
    await widget.yes();
  },
};

/** "Search again" after the thanks: the box empty, with focus, ready for the next need. */
export const SearchAgain: Story = {
  name: 'Search again',
  play: async (context) => {
    const widget = await chooseAnswer(context);
    await widget.yes();
    await widget.click('new-search');
  },
};

/**
 * The catalogue cannot be loaded (here it does not exist): once the search box is used, a
 * short notice takes focus, and a console message names the `catalogue` attribute and the
 * address; the page keeps working.
 */
export const BadCatalogue: Story = {
  name: 'Bad catalogue',
  args: { catalogueData: undefined, catalogue: 'no-such-catalogue.json' },
  play: async (context) => {
    const widget = await finderIn(context.canvasElement);
    // The catalogue is fetched when the search box is first used: type, as a person would
    // (focus alone fires no event in a window that does not have the focus).
    const input = widget.input;
    input.focus();
    input.value = 'help';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    for (let i = 0; i < 250 && widget.element.catalogueStatus !== 'failed'; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await widget.settle();
  },
};

/**
 * An Open Referral UK service directory instead of a catalogue, with the resident's
 * postcode: its services as they type, with phone, hours, cost and who each is for. (The
 * directory here is the standard's own example records, served by test/support/oruk-server.mjs
 * in the tests and in Storybook.)
 */
export const Directory: Story = {
  name: 'Directory: services as you type',
  args: { catalogueData: undefined, directory: '/oruk/v3', askPostcode: true, contact: STORY_CONTACT },
  play: async (context) => {
    const widget = await finderIn(context.canvasElement);
    await widget.type('counselling');
  },
};

/**
 * The directory cannot be used (here it answers 500): the search box stays, the council's
 * contact route shows, and a console message names `directory`; the next search tries again.
 */
export const DirectoryDown: Story = {
  name: 'Directory: unreachable',
  args: { catalogueData: undefined, directory: '/oruk/broken/v3', contact: STORY_CONTACT },
  play: async (context) => {
    const widget = await finderIn(context.canvasElement);
    await widget.type('counselling');
  },
};

/** No catalogue at all (nor `site`): the misconfigured notice. */
export const Misconfigured: Story = { args: { catalogueData: undefined, site: undefined } };

const sectionHeading: Record<Locale, string> = { en: 'Find help and support', cy: 'Dod o hyd i help a chymorth' };

/** Under a level-two section heading, the finder's headings start at level three. */
export const HeadingLevel3: Story = {
  name: 'Heading level 3',
  args: { headingLevel: 3 },
  render: (args, { globals }) => html`<h2>${sectionHeading[resolveLocale(globals).locale]}</h2>${finder(args)}`,
  play: async (context) => {
    await chooseAnswer(context);
  },
};
