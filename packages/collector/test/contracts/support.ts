// What every store contract shares: how it is given a store, and a fixed clock. A contract
// calls open() for each case and closes the store after, so each case starts from empty.
export type OpenStore<Parts> = () => Promise<Parts & { close: () => Promise<void> }>;

/** Runs one case on a fresh, empty store, closing it whatever happens. */
export async function withStore<Parts>(open: OpenStore<Parts>, work: (store: Parts) => Promise<void>) {
  const store = await open();
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** "Now" in every contract: times are arguments, never the wall clock. */
export const NOW = Date.UTC(2026, 10, 26, 9, 30);
