// Tandem's translations: a namespace of strings for each widget and language, the host's
// overrides (Tandem.configure) and each element's own (its strings attribute) on top, and
// English behind every language. Our own small translator rather than i18next, which was 12.9 kB
// gzip of every page's download: Tandem uses only what is here, nested keys ("notice.broken"),
// {{name}} values and plural forms chosen by Intl.PluralRules (key_one, key_few, ...).
import { globalOptions } from './global.js';

export type Strings = Record<string, unknown>;
/** A language's strings, given at once or loaded when first needed. */
export type StringsSource = Strings | (() => Promise<{ default: Strings }>);

const FALLBACK = 'en';
const namespaces = new Map<string, Record<string, StringsSource>>();
const loading = new Map<string, Promise<void>>();
/** The strings this copy of Tandem holds, by `language/namespace`. */
const bundles = new Map<string, Strings>();
const bundleKey = (lang: string, ns: string) => `${lang}/${ns}`;

/** Adds strings to a bundle, nested objects merged; `overwrite` decides who wins a key both have. */
function addStrings(lang: string, ns: string, strings: Strings, overwrite: boolean): void {
  const key = bundleKey(lang, ns);
  bundles.set(key, merged(bundles.get(key) ?? {}, strings, overwrite));
}

function merged(into: Strings, from: Strings, overwrite: boolean): Strings {
  const out: Strings = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const had = out[key];
    if (isStrings(had) && isStrings(value)) out[key] = merged(had, value, overwrite);
    else if (overwrite || !Object.hasOwn(out, key)) out[key] = value;
  }
  return out;
}

const isStrings = (value: unknown): value is Strings => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Registers a widget's namespace: `{ en: enStrings, cy: () => import('./locales/cy.json') }`. */
export function registerNamespace(ns: string, sources: Record<string, StringsSource>): void {
  if (!namespaces.has(ns)) namespaces.set(ns, sources);
}

/**
 * The language Tandem will speak for a requested tag: the tag itself, then its primary
 * language, then English. `cy-GB` → `cy`, `fr` → `en`.
 */
export function resolveLanguage(ns: string, requested: string): string {
  const available = namespaces.get(ns) ?? {};
  const tag = requested.trim().toLowerCase();
  if (tag in available) return tag;
  const primary = tag.split('-')[0]!;
  return primary in available ? primary : FALLBACK;
}

/**
 * Loads a namespace's strings for a language (and English, its fallback), once. Strings given
 * at once are added before this returns; the promise settles when the language is here.
 */
export function loadStrings(ns: string, lang: string): Promise<unknown> {
  return Promise.all([FALLBACK, lang].map((code) => loadOne(ns, code)));
}

function loadOne(ns: string, lang: string): Promise<void> {
  const key = `${ns}/${lang}`;
  let done = loading.get(key);
  if (!done) {
    const source = namespaces.get(ns)?.[lang];
    const add = (strings: Strings | undefined) => void (strings && addStrings(lang, ns, strings, false));
    done = typeof source === 'function' ? source().then((module) => add(module.default)) : Promise.resolve(add(source));
    loading.set(key, done);
    done.catch(() => loading.delete(key));
  }
  return done;
}

/** Adds the host's `Tandem.configure({ strings })` for a namespace in every language. */
export function applyHostStrings(ns: string): void {
  for (const [lang, byNamespace] of Object.entries(globalOptions().strings ?? {})) {
    const strings = byNamespace?.[ns];
    if (strings) addStrings(lang.toLowerCase(), hostNamespace(ns), strings, true);
  }
}

/** Adds one element's own overrides (its `strings` attribute) for a language. */
export function setElementStrings(elementNs: string, lang: string, strings: Strings): void {
  bundles.set(bundleKey(lang, elementNs), merged({}, strings, true));
}

function hostNamespace(ns: string): string {
  return `${ns}--host`;
}

/** Values for a string's {{name}} places; `count` also chooses its plural form. */
export type TranslateOptions = Record<string, unknown> & { count?: number };
export type Translate = (key: string, options?: TranslateOptions) => string;

/**
 * A translate function for one language: in that language, the element's own overrides first,
 * then the host's, then Tandem's strings; then the same in English. (So a host's English
 * override never shows on a Welsh page that has Welsh for it.) A key found nowhere is returned
 * as it is, which a test or a reviewer sees at once.
 */
export function translator(ns: string, lang: string, elementNs: string): Translate {
  const sources = [...new Set([lang, FALLBACK])].flatMap((code) => [elementNs, hostNamespace(ns), ns].map((from) => ({ code, from })));
  return (key, options = {}) => {
    for (const { code, from } of sources) {
      const strings = bundles.get(bundleKey(code, from));
      if (!strings) continue;
      for (const candidate of pluralKeys(key, code, options.count)) {
        const text = find(strings, candidate);
        if (text !== undefined) return interpolate(text, options);
      }
    }
    return key;
  };
}

/** Whether a namespace's strings for a language are loaded. */
export function hasStrings(ns: string, lang: string): boolean {
  return bundles.has(bundleKey(lang, ns));
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The keys to try for a count: key_zero for none (in any language), the language's form, then the key. */
function pluralKeys(key: string, lang: string, count: unknown): string[] {
  if (typeof count !== 'number') return [key];
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return [...(count === 0 ? [`${key}_zero`] : []), `${key}_${rules.select(count)}`, key];
}

/** A key as written ("notice.broken"), or its path through nested strings. */
function find(strings: Strings, key: string): string | undefined {
  const flat = strings[key];
  if (typeof flat === 'string') return flat;
  let value: unknown = strings;
  for (const part of key.split('.')) value = isStrings(value) && Object.hasOwn(value, part) ? value[part] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** {{name}} → the option's value; a value not given leaves nothing. */
const interpolate = (text: string, values: TranslateOptions) =>
  text.includes('{{') ? text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => String(values[name] ?? '')) : text;
