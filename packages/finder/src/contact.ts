/**
 * The `contact` attribute: the council's contact route as JSON, for a finder that searches a
 * service directory (which has none of its own) or to override a catalogue's. The shape of a
 * catalogue's `contact`; checked here so a mistake is named in the console, not thrown.
 * (Its `url` is checked where it is shown, like every address the finder links to.)
 */
import type { ContactRoute } from './catalogue.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const texts = (holder: Record<string, unknown>, keys: string[]) => keys.every((key) => holder[key] === undefined || typeof holder[key] === 'string');

/** The contact route, or what to fix. */
export function parseContact(value: string): ContactRoute | string {
  let route: unknown;
  try {
    route = JSON.parse(value);
  } catch {
    // Not JSON: the message below says what it should look like.
  }
  const ok =
    isObject(route) &&
    typeof route.label === 'string' &&
    !!route.label.trim() &&
    texts(route, ['phone', 'hours', 'url']) &&
    (route.cy === undefined || (isObject(route.cy) && texts(route.cy, ['label', 'hours', 'url'])));
  return ok ? (route as unknown as ContactRoute) : 'must be JSON like {"label":"Adult social care","phone":"01632 960 000"}: text for "label", and for any "phone", "hours", "url" and Welsh in "cy"';
}

/** A UK postcode, or just its outward part ("NS2"), as a directory's postcode filter takes it. */
export const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?$/i;
