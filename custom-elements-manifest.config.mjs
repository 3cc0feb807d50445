// The custom elements manifest: attributes, properties, events, parts and CSS properties of
// every element, read from the JSDoc in the sources. Storybook's docs and the README API
// tables are generated from it, and editors use it for completion.
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/**/*.d.ts', 'packages/embed/**', 'packages/collector/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
