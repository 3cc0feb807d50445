// Opening a connection to the collector's SQLite file, the same way in the main thread and in
// the writer thread: WAL mode (readers never wait for the writer) and a busy timeout (a second
// connection or process waits for the write lock instead of failing).
import Database from 'better-sqlite3';

export function connect(file: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    db.close();
    throw new Error(`SQLite refused WAL mode for ${file} (got ${mode})`);
  }
  return db;
}
