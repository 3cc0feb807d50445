// HTML built from a tagged template that escapes every interpolation unless it is already
// safe markup, so a resident's answer can only ever reach the page as text.

/** Markup that has been escaped (or written by us); the only kind `html` leaves as it is. */
export class SafeHtml {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }

  toString() {
    return this.value;
  }
}

const ENTITIES = ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' } as Record<string, string>);

/** Text to markup: safe inside element content and inside quoted attribute values. */
export function escapeHtml(value: unknown) {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/**
 * @param values Escaped, except SafeHtml; arrays are joined; null, undefined and false vanish.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]) {
  let out = strings[0] ?? '';
  values.forEach((value, i) => (out += render(value) + strings[i + 1]));
  return new SafeHtml(out);
}

/**
 * A wide table's box: on a narrow screen it scrolls sideways, so it takes focus (and is named
 * by the table's caption) for keyboards to scroll it too.
 */
export const tableScroller = (captionId: string) => html`<div class="table-wrapper" tabindex="0" role="region" aria-labelledby="${captionId}">`;
