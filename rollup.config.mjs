// One place that builds every package:
//  1. npm: per-package ESM with type declarations (lit, valibot … stay dependencies);
//  2. CDN: each widget's define module as a content-hashed chunk, sharing lit and core;
//  3. CDN: tandem.js, the tiny loader, told the chunk names by step 2;
//  4. next to every CDN file and the example site's pages, styles and catalogues, a Brotli
//     (`.br`) and a gzip (`.gz`) copy, for servers to send by Accept-Encoding.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const CDN = 'packages/embed/dist/cdn';
const EXAMPLES = 'examples';
/** The widgets the loader knows: tag → the package's define module. */
const WIDGETS = {
  'tandem-feedback': 'packages/feedback/src/define.ts',
  'tandem-finder': 'packages/finder/src/define.ts',
  'tandem-poll': 'packages/poll/src/define.ts',
  'tandem-pledge': 'packages/pledge/src/define.ts',
};
const NPM_PACKAGES = {
  core: ['index', 'schema', 'protocol/index', 'redact', 'global'],
  feedback: ['index', 'define', 'feedback'],
  finder: ['index', 'define', 'finder'],
  poll: ['index', 'define', 'poll'],
  pledge: ['index', 'define', 'pledge'],
};

const external = (id) => /^(lit|@lit|valibot|minisearch|@tandem)(\/|$)/.test(id);
const minify = () =>
  terser({ ecma: 2020, module: true, compress: { passes: 2, pure_getters: true }, format: { comments: false } });
// Widgets are bundled from source so one build needs no other first.
const resolveSource = () => nodeResolve({ exportConditions: ['tandem-source', 'browser', 'import', 'default'] });
const transpile = () =>
  typescript({ tsconfig: 'tsconfig.json', filterRoot: process.cwd(), include: ['packages/*/src/**/*.ts'], declaration: false, declarationMap: false, noEmit: false, outDir: undefined, compilerOptions: { rootDir: '.' } });

function npmBuild(name, entries) {
  const dir = `packages/${name}/dist`;
  rmSync(dir, { recursive: true, force: true });
  return {
    input: Object.fromEntries(entries.map((entry) => [entry, `packages/${name}/src/${entry}.ts`])),
    external,
    output: { dir, format: 'es', preserveModules: true, preserveModulesRoot: `packages/${name}/src` },
    plugins: [
      json({ preferConst: true }),
      typescript({
        tsconfig: `packages/${name}/tsconfig.json`,
        filterRoot: process.cwd(),
        include: [`packages/${name}/src/**/*.ts`, `packages/${name}/src/**/*.json`],
        declaration: true,
      }),
    ],
  };
}

/**
 * The protocol module is constants and schemas, without side effects. Rollup cannot tell that of
 * valibot's schema calls, so without saying so the submission schema (3.2 kB) rode along with
 * the protocol constants a widget loads at once (the poll: 26.6 kB on load instead of 23.5).
 * Saying the same of all of core, as its package.json does for npm users, split the shared chunk
 * into small ones that cost the poll 0.5 kB more.
 */
const pureProtocol = (id) => !/[\\/]core[\\/]src[\\/]protocol[\\/]/.test(id);

// Filled by the chunks build, read by the loader build (Rollup runs the configs in order).
const chunkNames = {};

function recordChunks() {
  return {
    name: 'tandem-record-chunks',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const tag = Object.keys(WIDGETS).find((key) => chunk.facadeModuleId?.endsWith(WIDGETS[key]));
        if (tag) chunkNames[tag] = `chunks/${chunk.fileName}`;
      }
    },
  };
}

/** Tells core/global.ts whether it is built into the CDN chunks, which leave making window.Tandem to the loader. */
function markChunks(chunk) {
  return {
    name: 'tandem-mark-chunks',
    transform: (code, id) => (id.endsWith('/core/src/global.ts') ? code.replaceAll('__TANDEM_CHUNK__', String(chunk)) : null),
  };
}

function provideChunks() {
  const id = 'tandem:chunks';
  return {
    name: 'tandem-provide-chunks',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (source) => (source === `\0${id}` ? `export const chunks = ${JSON.stringify(chunkNames)};` : null),
  };
}

/** Writes `file.br` and `file.gz` beside a file: the most each format can squeeze, once, at build time. */
function compressFile(path) {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}

function compress({ also } = {}) {
  return {
    name: 'tandem-compress',
    writeBundle(options, bundle) {
      const dir = options.dir ?? dirname(options.file);
      for (const name of Object.keys(bundle)) compressFile(join(dir, name));
      if (also) for (const path of readdirSync(also, { recursive: true })) if (/\.(html|css|json)$/.test(path)) compressFile(join(also, path));
    },
  };
}

rmSync(CDN, { recursive: true, force: true });

export default [
  ...Object.entries(NPM_PACKAGES).map(([name, entries]) => npmBuild(name, entries)),
  {
    input: Object.fromEntries(Object.entries(WIDGETS).map(([tag, file]) => [tag.replace('tandem-', ''), file])),
    output: {
      dir: `${CDN}/chunks`,
      format: 'es',
      entryFileNames: '[name]-[hash].js',
      chunkFileNames: '[name]-[hash].js',
      plugins: [minify()],
    },
    treeshake: { moduleSideEffects: pureProtocol },
    plugins: [resolveSource(), json({ preferConst: true, compact: true }), markChunks(true), transpile(), minifyTemplates(), recordChunks(), compress()],
  },
  {
    input: 'packages/embed/src/loader.ts',
    output: { file: `${CDN}/tandem.js`, format: 'iife', plugins: [minify()] },
    plugins: [provideChunks(), resolveSource(), markChunks(false), transpile(), compress({ also: EXAMPLES })],
  },
];
