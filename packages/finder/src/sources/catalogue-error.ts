/**
 * Why a catalogue could not be used. `kind` says what went wrong, `field` (for a wrong
 * shape) names the first field to fix, so the console message tells a web team exactly
 * where to look.
 */
export type CatalogueErrorKind = 'unreachable' | 'http' | 'invalid-json' | 'invalid-shape';

export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';

  constructor(
    readonly kind: CatalogueErrorKind,
    message: string,
    readonly details: { url?: string; status?: number; field?: string; problems?: string[] } = {},
  ) {
    super(message);
  }

  get field(): string | undefined {
    return this.details.field;
  }

  get status(): number | undefined {
    return this.details.status;
  }
}
