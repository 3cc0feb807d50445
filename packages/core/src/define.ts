import { markReady, tandemGlobal } from './global.js';
import { VERSION } from './version.js';

const VERSION_KEY = Symbol.for('tandem.version');

type VersionedConstructor = CustomElementConstructor & { [VERSION_KEY]?: string };

/**
 * Defines a Tandem element once. When another copy of Tandem (this version or another) has
 * already defined the tag, the first definition stays and this one is skipped quietly, with a
 * console note if the versions differ, so two copies on one page never throw.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const { created } = tandemGlobal();
  if (created) markReady();
  const existing = customElements.get(tag) as VersionedConstructor | undefined;
  if (existing) {
    const version = existing[VERSION_KEY];
    if (version !== VERSION) {
      console.info(`[tandem] <${tag}> is already defined by Tandem ${version ?? '(unknown version)'}; this copy (${VERSION}) uses that one.`);
    }
    return;
  }
  Object.defineProperty(constructor, VERSION_KEY, { value: VERSION });
  try {
    customElements.define(tag, constructor);
  } catch (error) {
    // Another script may define the tag between our check and our call.
    console.warn(`[tandem] <${tag}> could not be defined:`, error);
  }
}
