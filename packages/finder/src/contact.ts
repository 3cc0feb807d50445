/**
 * The `contact` attribute: the council's contact route as JSON, for a finder that searches a
 * service directory (which has none of its own) or to override a catalogue's. Same shape as
 * a catalogue's `contact`; checked here so a typo is named in the console, not thrown.
 */
import type { ContactRoute } from './catalogue.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SAFE_URL = /^(https?:\/\/|\/|\.{0,2}\/|[^:]*$)/i;

/** The contact route, or a message naming what is wrong with it. */
export function parseContact(value: string): ContactRoute | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'is not valid JSON: write it like {"label":"Adult social care","phone":"01632 960 000"}';
  }
  if (!isObject(parsed)) return 'must be a JSON object with at least a "label"';
  if (typeof parsed.label !== 'string' || !parsed.label.trim()) return 'needs a "label": the name of the contact route, as text';
  const fields: [Record<string, unknown>, string, string][] = [
    ...['phone', 'hours', 'url'].map((key): [Record<string, unknown>, string, string] => [parsed as Record<string, unknown>, key, key]),
  ];
  if (parsed.cy !== undefined) {
    if (!isObject(parsed.cy)) return '"cy" must be an object of Welsh text';
    for (const key of ['label', 'hours', 'url']) fields.push([parsed.cy, key, `cy.${key}`]);
  }
  for (const [holder, key, name] of fields) {
    const field = holder[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return `"${name}" must be text`;
    if (key === 'url' && !SAFE_URL.test(field.trim())) return `"${name}" must be a web address (https://…) or a path on the site`;
  }
  return parsed as unknown as ContactRoute;
}

/** A UK postcode, or just its outward part ("NS2"), as a directory's postcode filter takes it. */
export const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?$/i;
