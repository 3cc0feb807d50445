import type { ReactiveController, ReactiveControllerHost } from 'lit';

const RTL_LANGUAGES = new Set(['ar', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Walks up through shadow roots too, so a widget inside another component finds the page's language. */
function closestAttribute(start: Element, name: string): string | undefined {
  let node: Element | null = start;
  while (node) {
    const value = node.getAttribute(name);
    if (value) return value;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

/**
 * The language and text direction a widget should use: its own `lang`, else the closest
 * `[lang]` around it, else `<html lang>`; likewise `dir`, else the language's direction.
 * Calls `onChange` whenever either changes.
 */
export class LocaleController implements ReactiveController {
  lang = '';
  direction: 'ltr' | 'rtl' = 'ltr';
  /** A lang or dir change anywhere on the page may change what this widget inherits. */
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer ??= new MutationObserver(() => this.refresh());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  refresh(): void {
    const lang = closestAttribute(this.host, 'lang') ?? 'en';
    const dir = closestAttribute(this.host, 'dir');
    const direction = dir === 'rtl' || dir === 'ltr' ? dir : RTL_LANGUAGES.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
    if (lang === this.lang && direction === this.direction) return;
    this.lang = lang;
    this.direction = direction;
    this.onChange();
  }
}
