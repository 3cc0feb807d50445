import { VERSION } from './version.js';

/** What a host can set with `Tandem.configure()` or the loader's `data-*` attributes. */
export interface TandemOptions {
  /** The collector's base URL, e.g. `https://tandem.example.gov.uk`. */
  endpoint?: string;
  /** The site id the collector knows this website by. */
  site?: string;
  /** `collector` (default) sends answers; `events` only fires events. */
  transport?: 'collector' | 'events';
  /**
   * String overrides: language → namespace → key → text,
   * e.g. `{ en: { feedback: { question: 'Was this page helpful?' } } }`.
   */
  strings?: Record<string, Record<string, Record<string, string>>>;
}

/** The one global, `window.Tandem`. */
export interface TandemGlobal {
  readonly version: string;
  /** Merges options into the page's configuration; widgets update at once. */
  configure(options: TandemOptions): void;
  /** Resolves when the elements on the page at start are defined. */
  readonly ready: Promise<void>;
}

interface TandemState {
  options: TandemOptions;
  listeners: Set<() => void>;
  markReady: () => void;
}

// A registered symbol, so that a second copy of Tandem finds the first copy's state.
const STATE = Symbol.for('tandem.state');

/**
 * True only in the CDN chunks (set by the build): the loader imports them after it has made
 * window.Tandem, so they carry no code to make it.
 */
declare const __TANDEM_CHUNK__: boolean | undefined;
const LOADER_FIRST = typeof __TANDEM_CHUNK__ !== 'undefined' && __TANDEM_CHUNK__;

type TandemWithState = TandemGlobal & { [STATE]: TandemState };

declare global {
  interface Window {
    Tandem?: TandemGlobal;
  }
}

function createGlobal(): TandemWithState {
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const state: TandemState = { options: {}, listeners: new Set(), markReady };
  const tandem = {
    version: VERSION,
    ready,
    configure(options: TandemOptions) {
      state.options = mergeOptions(state.options, options ?? {});
      for (const listener of state.listeners) listener();
    },
  };
  Object.defineProperty(tandem, STATE, { value: state });
  return tandem as TandemWithState;
}

function mergeOptions(current: TandemOptions, next: TandemOptions): TandemOptions {
  const strings = { ...current.strings };
  for (const [lang, namespaces] of Object.entries(next.strings ?? {})) {
    const merged = { ...strings[lang] };
    for (const [ns, keys] of Object.entries(namespaces ?? {})) merged[ns] = { ...merged[ns], ...keys };
    strings[lang] = merged;
  }
  return { ...current, ...next, strings };
}

/**
 * Returns `window.Tandem`, creating it when this is the first copy of Tandem on the page.
 * `created` tells the caller whether it owns `ready`.
 */
export function tandemGlobal(): { tandem: TandemGlobal; created: boolean } {
  const existing = window.Tandem as Partial<TandemWithState> | undefined;
  if (LOADER_FIRST || existing?.[STATE]) return { tandem: existing as TandemWithState, created: false };
  const tandem = createGlobal();
  Object.defineProperty(window, 'Tandem', { value: tandem, configurable: true, enumerable: true });
  return { tandem, created: true };
}

function state(): TandemState {
  return (tandemGlobal().tandem as TandemWithState)[STATE];
}

/** The options set so far by the loader and `Tandem.configure()`. */
export function globalOptions(): TandemOptions {
  return state().options;
}

/** Calls `listener` after every `Tandem.configure()`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  const { listeners } = state();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves `Tandem.ready`. Only the copy that created the global should call this. */
export function markReady(): void {
  state().markReady();
}
