/** Polls an assertion until it passes or the time is up: strings, fetches and steps arrive asynchronously. */
export async function eventually(assertion: () => unknown, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
