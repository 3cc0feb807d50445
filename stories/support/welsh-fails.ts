import type { StringsSource } from '@tandem/core';

/** The tag of the page around a widget whose Welsh cannot load: Welsh, as spoken in Britain. */
export const FAILING_WELSH = 'cy-GB';

/**
 * Gives a widget a Welsh catalogue for `cy-GB` that cannot load, as a Welsh chunk that fails to
 * fetch would. Story-only: the widget's own `cy` catalogue loads once and stays for the page, so
 * a failure is staged under a tag of its own; `cy` pages keep working. Widgets look a page's
 * exact tag up before its primary language, so one on a `cy-GB` page asks for this catalogue,
 * and their fallback (English, marked lang="en", and a console warning) is their own.
 */
export function failWelshFor(tag: string): void {
  const widget = customElements.get(tag) as unknown as { locales: Record<string, StringsSource> } | undefined;
  if (!widget) throw new Error(`<${tag}> is not defined`);
  widget.locales[FAILING_WELSH.toLowerCase()] = () => Promise.reject(new Error('Failed to fetch dynamically imported module (Storybook: Welsh made to fail)'));
}
