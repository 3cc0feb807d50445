import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A heading at the level the host asked for (2–6), so the widget fits the page's outline. */
export function heading(level: number, content: unknown, id?: string, className = 'heading'): TemplateResult {
  switch (level) {
    case 3:
      return html`<h3 id=${ifDefined(id)} class=${className} part="heading" tabindex="-1">${content}</h3>`;
    case 4:
      return html`<h4 id=${ifDefined(id)} class=${className} part="heading" tabindex="-1">${content}</h4>`;
    case 5:
      return html`<h5 id=${ifDefined(id)} class=${className} part="heading" tabindex="-1">${content}</h5>`;
    case 6:
      return html`<h6 id=${ifDefined(id)} class=${className} part="heading" tabindex="-1">${content}</h6>`;
    default:
      return html`<h2 id=${ifDefined(id)} class=${className} part="heading" tabindex="-1">${content}</h2>`;
  }
}

/** Reads a `heading-level` attribute, keeping it within 2–6. */
export function headingLevel(value: unknown): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2;
}
