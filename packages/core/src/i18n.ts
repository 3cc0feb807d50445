import i18next, { type i18n, type TOptions } from 'i18next';
import { globalOptions } from './global.js';

export type Strings = Record<string, unknown>;
/** A language's strings, given at once or loaded when first needed. */
export type StringsSource = Strings | (() => Promise<{ default: Strings }>);

const FALLBACK = 'en';
const namespaces = new Map<string, Record<string, StringsSource>>();
const loading = new Map<string, Promise<void>>();
let instance: i18n | undefined;

/** The one i18next instance this copy of Tandem shares between its widgets. */
function i18n(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: FALLBACK,
      fallbackLng: FALLBACK,
      interpolation: { escapeValue: false }, // Lit escapes everything it renders.
      initAsync: false,
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
  }
  return instance;
}

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
    const add = (strings: Strings | undefined) => void (strings && i18n().addResourceBundle(lang, ns, strings, true, false));
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
    if (strings) i18n().addResourceBundle(lang.toLowerCase(), hostNamespace(ns), strings, true, true);
  }
}

/** Adds one element's own overrides (its `strings` attribute) for a language. */
export function setElementStrings(elementNs: string, lang: string, strings: Strings): void {
  i18n().removeResourceBundle(lang, elementNs);
  i18n().addResourceBundle(lang, elementNs, strings, true, true);
}

function hostNamespace(ns: string): string {
  return `${ns}--host`;
}

export type Translate = (key: string, options?: TOptions) => string;

/**
 * A translate function for one language: the element's own overrides first, then the
 * host's, then Tandem's strings for the language, then English.
 */
export function translator(ns: string, lang: string, elementNs: string): Translate {
  const order = [elementNs, hostNamespace(ns), ns];
  const t = i18n().getFixedT(lang, order);
  return (key, options) => String(t(key, { ...options, ns: order }));
}

/** Whether a namespace's strings for a language are loaded. */
export function hasStrings(ns: string, lang: string): boolean {
  return i18n().hasResourceBundle(lang, ns);
}
