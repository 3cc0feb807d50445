import { markReady, tandemGlobal, type TandemOptions } from '@tandem/core/global.js';
import { chunks } from 'tandem:chunks';

/**
 * tandem.js: the script tag a council pastes. It reads its data-* settings, then loads a
 * widget's code only when that widget's element is on the page, now or later. It works as
 * a classic or a module script, in <head> or <body>, and a second copy does nothing.
 */

const LOADER = Symbol.for('tandem.loader');

function loaderScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // Module scripts have no currentScript: find our tag by its file name.
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src*="tandem"]');
  return [...scripts].find((script) => /\/tandem(\.min)?\.js([?#]|$)/.test(script.src)) ?? null;
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
  if (registry[LOADER]) return; // Another copy of the loader is already at work.
  Object.defineProperty(tandem, LOADER, { value: true });
  tandem.configure(optionsFrom(script));

  const pending = new Map(Object.entries(chunks));
  const loads: Promise<unknown>[] = [];

  const load = (tag: string) => {
    const file = pending.get(tag);
    if (!file) return;
    pending.delete(tag);
    const url = new URL(file, base).href;
    loads.push(
      import(/* @vite-ignore */ url).catch((error: unknown) =>
        console.error(`[tandem] Could not load <${tag}> from ${url}. Check that tandem.js and its chunks/ folder are served together.`, error),
      ),
    );
  };

  const scan = (root: ParentNode) => {
    for (const tag of pending.keys()) if (root.querySelector(tag)) load(tag);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (pending.has(node.localName)) load(node.localName);
        scan(node);
      }
    }
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);

  const settle = () => {
    scan(document);
    void Promise.all(loads).then(() => created && markReady());
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', settle, { once: true });
  else settle();
}

try {
  start();
} catch (error) {
  console.error('[tandem] tandem.js could not start:', error);
}
