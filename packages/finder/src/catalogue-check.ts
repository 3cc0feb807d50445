/**
 * Checks that parsed JSON is a catalogue before the finder trusts it, and says which field
 * is wrong ("entries[3].title must be text"). Hand-written rather than a schema library:
 * the shape is small, and this runs in every council page that loads a catalogue.
 */
import type { Catalogue } from './catalogue.js';
import { CatalogueError } from './sources/catalogue-error.js';

type Problems = [field: string, message: string][];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Where choosing an entry goes: a page of the site or an http(s) address, never script.
const SAFE_URL = /^(https?:\/\/|\/|\.{0,2}\/|[^:]*$)/i;

const TEXT_FIELDS = ['description', 'url', 'answer', 'phone', 'hours', 'cost', 'eligibility'] as const;
const WELSH_TEXT = ['title', 'summary', 'answer', 'hours', 'cost', 'eligibility', 'url'] as const;

function text(problems: Problems, value: unknown, field: string, required = false): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && !value.trim())) problems.push([field, required ? 'must be text, not empty' : 'must be text']);
  else if (field.endsWith('url') && !SAFE_URL.test(value.trim())) problems.push([field, 'must be a web address (https://…) or a path on the site']);
}

function list(problems: Problems, value: unknown, field: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) problems.push([field, 'must be a list of text']);
  else value.forEach((item, i) => typeof item !== 'string' && problems.push([`${field}[${i}]`, 'must be text']));
}

function welsh(problems: Problems, value: unknown, field: string, keys: readonly string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) return void problems.push([field, 'must be an object of Welsh text']);
  for (const key of keys) text(problems, value[key], `${field}.${key}`);
}

function entries(problems: Problems, value: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(value)) {
    problems.push(['entries', 'must be a list of entries']);
    return ids;
  }
  value.forEach((entry, i) => {
    const at = `entries[${i}]`;
    if (!isObject(entry)) return void problems.push([at, 'must be an object']);
    text(problems, entry.id, `${at}.id`, true);
    if (typeof entry.id === 'string') {
      if (ids.has(entry.id)) problems.push([`${at}.id`, `repeats the id "${entry.id}"`]);
      ids.add(entry.id);
    }
    text(problems, entry.title, `${at}.title`, true);
    text(problems, entry.summary, `${at}.summary`, true);
    list(problems, entry.needs, `${at}.needs`);
    list(problems, entry.keywords, `${at}.keywords`);
    for (const key of TEXT_FIELDS) text(problems, entry[key], `${at}.${key}`);
    welsh(problems, entry.cy, `${at}.cy`, WELSH_TEXT);
    if (isObject(entry.cy)) {
      list(problems, entry.cy.needs, `${at}.cy.needs`);
      list(problems, entry.cy.keywords, `${at}.cy.keywords`);
    }
  });
  return ids;
}

/** The catalogue, typed, or a CatalogueError naming the first field to fix (and listing the rest). */
export function checkCatalogue(value: unknown): Catalogue {
  const problems: Problems = [];
  if (!isObject(value)) {
    throw new CatalogueError('invalid-shape', 'the catalogue must be a JSON object with "version", "name", "entries" and "contact"', { field: '(top level)' });
  }
  if (value.version !== 1) problems.push(['version', 'must be 1']);
  text(problems, value.name, 'name', true);
  const ids = entries(problems, value.entries);

  const contact = value.contact;
  if (!isObject(contact)) problems.push(['contact', 'must be an object with at least a "label"']);
  else {
    text(problems, contact.label, 'contact.label', true);
    for (const key of ['phone', 'hours', 'url']) text(problems, contact[key], `contact.${key}`);
    welsh(problems, contact.cy, 'contact.cy', ['label', 'hours', 'url']);
  }

  if (value.synonyms !== undefined) {
    if (!Array.isArray(value.synonyms)) problems.push(['synonyms', 'must be a list of lists of words']);
    else value.synonyms.forEach((group, i) => list(problems, group, `synonyms[${i}]`));
  }
  if (value.pins !== undefined) {
    if (!isObject(value.pins)) problems.push(['pins', 'must be an object of need → entry id']);
    else {
      for (const [need, id] of Object.entries(value.pins)) {
        if (typeof id !== 'string') problems.push([`pins["${need}"]`, 'must be an entry id']);
        else if (ids.size && !ids.has(id)) problems.push([`pins["${need}"]`, `names no entry: "${id}"`]);
      }
    }
  }

  if (problems.length) {
    const lines = problems.map(([field, message]) => `${field} ${message}`);
    const more = lines.length > 5 ? ` (and ${lines.length - 5} more)` : '';
    throw new CatalogueError('invalid-shape', `the catalogue is not valid: ${lines.slice(0, 5).join('; ')}${more}`, {
      field: problems[0]![0],
      problems: lines,
    });
  }
  return value as unknown as Catalogue;
}
