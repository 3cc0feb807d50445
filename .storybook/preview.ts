import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { AXE_OPTIONS } from '../test/support/axe.js';
import { DIRECTIONS, LOCALES, withLocale } from '../stories/support/locale.js';

// The manifest (`npm run manifest`) gives the docs their attributes, events, parts and custom
// properties. A glob, not an import, so Storybook still starts before it has been generated.
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the page around the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: Object.entries(LOCALES).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction of the page around the widget',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: Object.entries(DIRECTIONS).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', direction: 'ltr' },
  decorators: [(story, { globals }) => withLocale(story(), globals), withActions],
  parameters: {
    // Every Tandem event, in the Actions panel (they bubble and are composed).
    actions: { handles: ['tandem-submit', 'tandem-submitted', 'tandem-error'] },
    controls: { expanded: true },
    a11y: {
      // The same rules as the test run, less the page-level ones: a story canvas is a
      // fragment, not a page with a main landmark and a level-one heading.
      options: {
        ...AXE_OPTIONS,
        rules: {
          ...AXE_OPTIONS.rules,
          region: { enabled: false },
          'landmark-one-main': { enabled: false },
          'page-has-heading-one': { enabled: false },
        },
      },
      test: 'error',
    },
  },
};

export default preview;
