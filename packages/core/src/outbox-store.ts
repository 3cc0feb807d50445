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
  // Copies in and out, as IndexedDB keeps them: a caller changing its item later changes
  // nothing here.
  async put(item: OutboxItem) {
    this.items.set(item.submission.id, { ...item });
  }
  async delete(id: string) {
    this.items.delete(id);
  }
  async all() {
    return [...this.items.values()].map((item) => ({ ...item }));
  }
}

export interface DeviceStoreOptions {
  /** How long IndexedDB may take to answer before the store falls back to memory. */
  timeoutMs?: number;
}

const STORE = 'submissions';

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

/**
 * IndexedDB, so an answer survives a reload or a closed tab. If IndexedDB is missing, refuses
 * (private mode, blocked storage, quota) or does not answer (Safari 14.1's hang), it falls back
 * to memory for the rest of the page's life, keeping what it holds: the answer is still sent,
 * only not across reloads. An offer of help, which carries a name and an email or phone, is
 * kept in memory only, however well IndexedDB works. Reading never creates the database: nothing is stored on the device
 * before the first `put`, that is before the person submits.
 */
export class DeviceStore implements OutboxStore {
  private connection: Promise<IDBDatabase | undefined> | undefined;
  private readonly memory = new MemoryStore();
  private readonly timeoutMs: number;
  private failed = false;

  constructor(
    private readonly databaseName = 'tandem:outbox',
    options: DeviceStoreOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  /**
   * The open database. With `create` false, resolves undefined when it does not exist yet,
   * leaving nothing behind: a new database's upgrade is aborted, which deletes it.
   */
  private async database(create: boolean): Promise<IDBDatabase | undefined> {
    let db = await (this.connection ?? this.open(create));
    // A read that found no database may have been under way when this write came: open again.
    for (let tries = 0; !db && create && tries < 3; tries += 1) db = await (this.connection ?? this.open(true));
    return db;
  }

  private open(create: boolean): Promise<IDBDatabase | undefined> {
    const request = indexedDB.open(this.databaseName);
    const opened = new Promise<IDBDatabase | undefined>((resolve, reject) => {
      let aborted = false;
      request.onupgradeneeded = () => {
        if (create) {
          request.result.createObjectStore(STORE);
        } else {
          aborted = true;
          request.transaction?.abort();
        }
      };
      request.onsuccess = () => {
        const db = request.result;
        // Let a newer version of Tandem, or a tab clearing data, upgrade or delete the database.
        db.onversionchange = () => {
          db.close();
          this.connection = undefined;
        };
        db.onclose = () => {
          this.connection = undefined;
        };
        resolve(db);
      };
      request.onerror = (event) => {
        if (aborted) {
          event.preventDefault();
          resolve(undefined);
        } else {
          reject(request.error);
        }
      };
    });
    this.connection = opened;
    // Only a connection to an existing database is kept; after a miss or a failure, open again.
    opened.then(
      (db) => {
        if (!db && this.connection === opened) this.connection = undefined;
      },
      () => {
        if (this.connection === opened) this.connection = undefined;
      },
    );
    return opened;
  }

  /**
   * Runs `action` on IndexedDB; `fallback` once IndexedDB has failed or stalled, or when the
   * database does not exist (and `create` is false): memory then holds all there is.
   */
  private async attempt<T>(create: boolean, action: (db: IDBDatabase) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.failed) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const work = (async () => {
          const db = await this.database(create);
          return db ? action(db) : fallback();
        })();
        // A late failure after a timeout must not surface as an unhandled rejection.
        work.catch(() => {});
        const stalled = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new DOMException(`IndexedDB did not answer in ${this.timeoutMs} ms`, 'TimeoutError')), this.timeoutMs);
        });
        return await Promise.race([work, stalled]);
      } catch (error) {
        this.failed = true;
        console.warn('[tandem] This device will not store answers (IndexedDB unavailable); they will be sent from this page only.', error);
      } finally {
        clearTimeout(timer);
      }
    }
    return fallback();
  }

  put(item: OutboxItem) {
    // An offer of help's contact details never touch the device's storage: it waits in this
    // page's memory only, and the widget tells the person to keep the page open until it is sent.
    if (item.submission.contact) return this.memory.put(item);
    return this.attempt(
      true,
      (db) => {
        const transaction = db.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).put(item, item.submission.id);
        return finished(transaction);
      },
      () => this.memory.put(item),
    );
  }

  async delete(id: string) {
    await this.memory.delete(id);
    await this.attempt(
      false,
      (db) => {
        const transaction = db.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).delete(id);
        return finished(transaction);
      },
      async () => {},
    );
  }

  async all() {
    const stored = await this.attempt(
      false,
      (db) => result<OutboxItem[]>(db.transaction(STORE).objectStore(STORE).getAll()),
      async () => [] as OutboxItem[],
    );
    return [...stored, ...(await this.memory.all())];
  }
}
