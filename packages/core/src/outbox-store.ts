import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { Submission } from './schema.js';

/** A submission waiting to be acknowledged by its collector. */
export interface OutboxItem {
  submission: Submission;
  /** The URL it is posted to. */
  url: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
}

export interface OutboxStore {
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
  all(): Promise<OutboxItem[]>;
}

/** Keeps items for this page only: used when the device will not let us store them. */
export class MemoryStore implements OutboxStore {
  private readonly items = new Map<string, OutboxItem>();
  async put(item: OutboxItem) {
    this.items.set(item.submission.id, item);
  }
  async delete(id: string) {
    this.items.delete(id);
  }
  async all() {
    return [...this.items.values()];
  }
}

/**
 * IndexedDB, so an answer survives a reload or a closed tab. If IndexedDB is missing or
 * refuses (private mode, blocked storage, quota), it falls back to memory for the rest of the
 * page's life, keeping what it holds: the answer is still sent, only not across reloads.
 */
export class DeviceStore implements OutboxStore {
  private idb: UseStore | undefined;
  private readonly memory = new MemoryStore();
  private failed = false;

  constructor(private readonly databaseName = 'tandem:outbox') {}

  private database(): UseStore {
    this.idb ??= createStore(this.databaseName, 'submissions');
    return this.idb;
  }

  private async attempt<T>(action: (idb: UseStore) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.failed) {
      try {
        return await action(this.database());
      } catch (error) {
        this.failed = true;
        console.warn('[tandem] This device will not store answers (IndexedDB unavailable); they will be sent from this page only.', error);
      }
    }
    return fallback();
  }

  put(item: OutboxItem) {
    return this.attempt((idb) => set(item.submission.id, item, idb), () => this.memory.put(item));
  }

  async delete(id: string) {
    await this.memory.delete(id);
    await this.attempt((idb) => del(id, idb), async () => {});
  }

  async all() {
    const stored = await this.attempt(
      async (idb) => (await entries<string, OutboxItem>(idb)).map(([, item]) => item),
      async () => [] as OutboxItem[],
    );
    return [...stored, ...(await this.memory.all())];
  }
}
