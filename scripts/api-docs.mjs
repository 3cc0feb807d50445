// Writes each widget README's API section (attributes, events, parts, CSS custom properties)
// from custom-elements.json, between <!-- api:start --> and <!-- api:end -->.
// With --check it changes nothing and fails if a README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const check = process.argv.includes('--check');
const cell = (text = '') => String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const table = (head, rows) =>
  rows.length ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n') : '_None._';

function section(element) {
  return [
    `### Attributes`,
    '',
    table(
      ['attribute', 'type', 'default', 'what it does'],
      (element.attributes ?? []).map((a) => [`\`${a.name}\``, a.type?.text ? `\`${a.type.text}\`` : '', a.default ? `\`${a.default}\`` : '', a.description]),
    ),
    '',
    'Every element also takes `lang`: without it, the closest `[lang]` around it, then `<html lang>`, decides its language.',
    '',
    `### Events`,
    '',
    table(['event', 'when'], (element.events ?? []).filter((e) => e.name).map((e) => [`\`${e.name}\``, e.description])),
    '',
    `### Parts`,
    '',
    table(['part', 'what it is'], (element.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description])),
    '',
    `### CSS custom properties`,
    '',
    table(['property', 'what it sets'], (element.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description])),
  ].join('\n');
}

let stale = false;
for (const module of manifest.modules) {
  for (const element of module.declarations ?? []) {
    if (!element.customElement || !element.tagName) continue;
    const readmePath = module.path.replace(/src\/.*$/, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const next = readme.replace(/(<!-- api:start -->)[\s\S]*?(<!-- api:end -->)/, `$1\n${section(element)}\n$2`);
    if (next === readme) continue;
    stale = true;
    if (check) console.error(`${readmePath}: the API section is out of date; run npm run build.`);
    else writeFileSync(readmePath, next), console.log(`${readmePath}: API section updated from the manifest`);
  }
}
if (check && stale) process.exit(1);
