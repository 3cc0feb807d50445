import { globalOptions, markReady, tandemGlobal, type TandemOptions } from '@tandem/core/global.js';
import { chunks } from 'tandem:chunks';

/**
 * tandem.js: the script tag a council pastes. It reads its data-* settings, then loads a
 * widget's code only when that widget's element is on the page, now or later. It works as
 * a classic or a module script, in <head> or <body>; a second copy loads nothing and only
 * fills in settings the first copy lacked.
 */

const LOADER = Symbol.for('tandem.loader');

/**
 * Lit keeps page-wide registries on globalThis, shared by every copy of Lit (the host's too).
 * Made here first, not enumerable, they stay out of `Object.keys(window)`, so window.Tandem
 * is the only global a page sees added; Lit finds and uses them as its own. A page that
 * already has them (its own Lit) keeps its own.
 */
const LIT_REGISTRIES = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions'];

function prepareLitGlobals(): void {
  for (const name of LIT_REGISTRIES) {
    const value = name === 'litPropertyMetadata' ? new WeakMap() : [];
    // defineProperty's default is enumerable: false.
    if (!(name in window)) Object.defineProperty(window, name, { value, writable: true, configurable: true });
  }
}

/**
 * Space held for each widget until it has drawn in its language (`:state(drawn)`), so the page
 * does not jump when it appears: `--tandem-reserve`, a height measured on the example site, in
 * English and Welsh, wide and narrow. The poll and the offer of help hold more than a screen, so that what follows
 * stays out of view until its questions arrive. A page can set its own `--tandem-reserve` on an
 * element. Browsers without custom states (before Chrome 125, Safari 17.4, Firefox 126) hold
 * the space until the tag is defined: :is() forgives the selector they do not know.
 */
const RESERVE = `:is(tandem-feedback,tandem-finder,tandem-poll,tandem-pledge):is(:not(:state(drawn)),:not(:defined)):not([hidden]){display:block;min-height:var(--tandem-reserve)}tandem-feedback{--tandem-reserve:4.88rem}tandem-feedback:lang(cy){--tandem-reserve:8.25rem}tandem-finder{--tandem-reserve:6.83rem}tandem-finder:lang(cy){--tandem-reserve:8.39rem}tandem-poll,tandem-pledge{--tandem-reserve:40rem}@media(max-width:40em){tandem-feedback{--tandem-reserve:10.13rem}tandem-feedback:lang(cy){--tandem-reserve:13.27rem}tandem-finder{--tandem-reserve:8.39rem}tandem-finder:lang(cy){--tandem-reserve:11.53rem}}`;

let sheet: CSSStyleSheet | undefined;

function reserveSpace(): void {
  sheet = new CSSStyleSheet();
  sheet.replaceSync(RESERVE);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function loaderScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // Module scripts have no currentScript: find our tag by its file name.
  return [...document.scripts].find((script) => /\/tandem(\.min)?\.js([?#]|$)/.test(script.src)) ?? null;
}

function optionsFrom(script: HTMLScriptElement | null): TandemOptions {
  const data = script?.dataset ?? {};
  const options: TandemOptions = {};
  if (data.endpoint) options.endpoint = data.endpoint;
  if (data.site) options.site = data.site;
  if (data.transport === 'events' || data.transport === 'collector') options.transport = data.transport;
  return options;
}

function start(): void {
  const script = loaderScript();
  const base = script?.src || document.baseURI;
  const { tandem, created } = tandemGlobal();
  const registry = tandem as unknown as Record<symbol, boolean>;
  const options = optionsFrom(script);
  if (registry[LOADER]) {
    // Another copy is already at work. A CMS may add a bare tandem.js while the page adds a
    // configured one: fill in only the settings the first copy lacked, never override them.
    const current = globalOptions();
    const missing = Object.fromEntries(Object.entries(options).filter(([key]) => !current[key as keyof TandemOptions]));
    if (Object.keys(missing).length) tandem.configure(missing);
    return;
  }
  Object.defineProperty(tandem, LOADER, { value: true });
  tandem.configure(options);

  const pending = new Map(Object.entries(chunks));
  const loads: Promise<unknown>[] = [];

  const load = (tag: string) => {
    const file = pending.get(tag);
    if (!file) return;
    pending.delete(tag);
    const url = new URL(file, base).href;
    prepareLitGlobals();
    loads.push(
      import(/* @vite-ignore */ url).catch((error: unknown) => {
        console.error(`[tandem] Could not load <${tag}> from ${url}: serve chunks/ beside tandem.js.`, error);
        // Nothing will draw there: give the page its space back (all of it, in this rare case).
        sheet?.replaceSync('');
      }),
    );
  };

  const scan = (root: ParentNode) => {
    for (const tag of pending.keys()) if (root.querySelector(tag)) load(tag);
  };

  const observer = new MutationObserver((records) => {
    // This runs on the host's DOM changes: nothing in it may throw into the page.
    try {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (pending.has(node.localName)) load(node.localName);
          scan(node);
        }
      }
      if (pending.size === 0) observer.disconnect();
    } catch (error) {
      console.error('[tandem] tandem.js could not watch the page:', error);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);

  const settle = () => {
    scan(document);
    void Promise.all(loads).then(() => created && markReady());
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', settle, { once: true });
  else settle();
  // Last: a browser without constructable stylesheets still gets its widgets.
  reserveSpace();
}

try {
  start();
} catch (error) {
  console.error('[tandem] tandem.js could not start:', error);
}
