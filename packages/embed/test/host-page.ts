/**
 * Host pages for the loader's tests: a fixture page (test/fixtures/*.html) in an iframe, same
 * origin so its DOM and shadow roots are readable, with what its window and console saw.
 */
export interface Recorded {
  type: 'error' | 'unhandledrejection' | 'securitypolicyviolation' | 'console.error' | 'console.warn' | 'define' | 'mark';
  message: string;
}

export interface TandemApi {
  version: string;
  configure(options: unknown): void;
  ready: Promise<void>;
}

export type HostWindow = Window & typeof globalThis & { Tandem?: TandemApi; __events: Recorded[] };

export interface Frame {
  win: HostWindow;
  doc: Document;
  /** What the page's window and console saw, recorded by test/fixtures/embed-record.js. */
  events: Recorded[];
}

export interface Received {
  stored: Record<string, { site: string; widget: string; instance: string; answers: Record<string, unknown> }>;
  accepted: Record<string, number>;
}

const FIXTURES = '/test/fixtures';
export const frames: HTMLIFrameElement[] = [];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the frame has run the tasks queued before now (a zero-delay task, not a frame: a background tab draws none). */
export function afterQueuedTasks(frame: Frame): Promise<void> {
  return new Promise((resolve) => frame.win.setTimeout(resolve, 0));
}

export async function until<T>(what: string, probe: () => T | null | undefined | false, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Opens a fixture page in an iframe (same origin, so its DOM and shadow roots are readable). */
export async function open(name: string): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.width = '900';
  iframe.height = '700';
  frames.push(iframe);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `${FIXTURES}/${name}`;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as HostWindow;
  return { win, doc: iframe.contentDocument!, events: win.__events };
}

/** The things that must never reach a host page's window. */
export function failures(frame: Frame): Recorded[] {
  return frame.events.filter((event) => ['error', 'unhandledrejection', 'securitypolicyviolation'].includes(event.type));
}

afterEach(() => {
  for (const iframe of frames.splice(0)) iframe.remove();
});
