// What a widget's failure tests watch on the host page: uncaught errors and unhandled
// rejections that would reach it, and the console messages a test expects.

/** Collects what would reach the host page: uncaught errors and unhandled rejections. */
export function watchPageErrors(): { list: string[]; stop: () => void } {
  const list: string[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => list.push(String('reason' in event ? event.reason : event.message));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
  return { list, stop: () => (window.removeEventListener('error', onError), window.removeEventListener('unhandledrejection', onError)) };
}

/** Runs with console[kind] captured, so expected warnings do not clutter the run. */
export async function capture(kind: 'error' | 'warn', run: (messages: string[]) => Promise<void>): Promise<void> {
  const messages: string[] = [];
  const original = console[kind];
  console[kind] = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  try {
    await run(messages);
  } finally {
    console[kind] = original;
  }
}
