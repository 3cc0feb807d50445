// Makes committed answers durable without stopping the event loop. SQLite runs with
// synchronous=NORMAL, so COMMIT writes the WAL frames to the operating system without waiting
// for the disk; then one fsync of the WAL file, on libuv's thread pool, makes every frame
// written so far durable (fsync flushes the file, whichever descriptor wrote it). Answers are
// acknowledged only after an fsync that began after their commit: the same guarantee as
// synchronous=FULL, but the event loop parses and checks the next answers meanwhile.
//
// The WAL file is never deleted while this process keeps a connection open, so the descriptor
// stays the WAL's for the store's life.
import { close, fsync, openSync } from 'node:fs';

/**
 * @param {string} walFile  The database's `-wal` file (it exists once a connection is open in WAL mode).
 * @param {(fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void} [syncFile]  fs.fsync; tests pass one that records when each sync starts and ends.
 */
export function walSyncer(walFile, syncFile = fsync) {
  const fd = openSync(walFile, 'r');
  /** @returns {Promise<void>} */
  const fsyncFile = () => new Promise((resolve, reject) => syncFile(fd, (error) => (error ? reject(error) : resolve())));
  /** @type {Promise<void> | null} */
  let inFlight = null;
  /** @type {Promise<void> | null} */
  let queued = null;

  const start = () => {
    const started = fsyncFile().finally(() => {
      if (inFlight === started) inFlight = null;
    });
    inFlight = started;
    return started;
  };

  return {
    /**
     * Resolves once everything committed before this call is on disk. Calls made while an
     * fsync runs share the next one, so a busy collector syncs once per batch of batches.
     */
    sync() {
      if (!inFlight) return start();
      // Starts when the running fsync ends; from then on, later calls need a later fsync.
      queued ??= inFlight.then(
        () => ((queued = null), start()),
        () => ((queued = null), start()),
      );
      return queued;
    },
    /** Waits for the syncs under way, then closes the descriptor. */
    async close() {
      await Promise.allSettled([inFlight, queued]);
      await new Promise((resolve) => close(fd, () => resolve(undefined)));
    },
  };
}
