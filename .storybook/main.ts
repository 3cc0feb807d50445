import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';
import { orukDirectory } from './oruk-middleware.js';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      // Stories render the packages' TypeScript source (the same condition the tests and tsc
      // use), so a story never shows a stale dist/ build. Vite replaces its default
      // conditions when this is set, hence the spread.
      resolve: { conditions: ['tandem-source', ...defaultClientConditions] },
      // The directory stories' stand-in Open Referral UK API (dev server only).
      plugins: [orukDirectory()],
    });
  },
};

export default config;
