import { html, type TemplateResult } from 'lit';

/**
 * The languages and text directions every story is shown and tested in. Plain data and a
 * plain function, so the story test reuses them without loading Storybook.
 */
export const LOCALES = { en: 'English', cy: 'Cymraeg (Welsh)' } as const;
export type Locale = keyof typeof LOCALES;

export const DIRECTIONS = { ltr: 'Left to right', rtl: 'Right to left' } as const;
export type Direction = keyof typeof DIRECTIONS;

export interface LocaleGlobals {
  locale?: string | undefined;
  direction?: string | undefined;
}

function pick<T extends string>(value: string | undefined, allowed: Record<T, string>, fallback: T): T {
  return value !== undefined && value in allowed ? (value as T) : fallback;
}

/** The locale and direction a story should use, whatever the toolbar (or URL) passed in. */
export function resolveLocale(globals: LocaleGlobals = {}): { locale: Locale; direction: Direction } {
  return { locale: pick(globals.locale, LOCALES, 'en'), direction: pick(globals.direction, DIRECTIONS, 'ltr') };
}

/**
 * Wraps a story in an element carrying `lang` and `dir`, as a council page section would:
 * widgets take their language from the closest `[lang]` and inherit the direction, so this is
 * the same path a real page exercises, not a widget-specific switch.
 */
export function withLocale(content: unknown, globals: LocaleGlobals = {}): TemplateResult {
  const { locale, direction } = resolveLocale(globals);
  return html`<div class="tandem-story" lang=${locale} dir=${direction}>${content}</div>`;
}
