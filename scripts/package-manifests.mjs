// Writes each package's own custom-elements.json (the one its package.json names in
// "customElements" and ships in "files") from the repository's manifest: that package's
// modules only, at the paths it publishes (src/x.ts → dist/x.js), and what it takes from
// another package named by that package, as an installed copy sees it.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const SOURCE = /^packages\/([\w-]+)\/src\/(.+)\.ts$/;

/** A reference (`{ name, module }`) as package `own` publishes it. */
function published(reference, own) {
  const [, name, file] = SOURCE.exec(reference.module ?? '') ?? [];
  if (!name) return reference;
  if (name === own) return { ...reference, module: `dist/${file}.js` };
  return { name: reference.name, package: `@tandem/${name}`, module: `dist/${file}.js` };
}

/** Rewrites every reference inside `value` (they are the objects with a `module`). */
function rewrite(value, own) {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, own));
  if (!value || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner, own)]));
  return typeof copy.module === 'string' && typeof copy.name === 'string' ? published(copy, own) : copy;
}

const packages = new Map();
for (const module of manifest.modules) {
  const [, name, file] = SOURCE.exec(module.path) ?? [];
  if (!name) continue;
  if (!packages.has(name)) packages.set(name, []);
  packages.get(name).push({ ...rewrite(module, name), path: `dist/${file}.js` });
}

for (const [name, modules] of packages) {
  const json = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
  // Only packages that promise a manifest get one (the loader has no elements).
  if (!json.customElements) continue;
  const file = `packages/${name}/${json.customElements}`;
  writeFileSync(file, `${JSON.stringify({ schemaVersion: manifest.schemaVersion, readme: '', modules }, null, 2)}\n`);
  console.log(`${file}: ${modules.length} modules`);
}
