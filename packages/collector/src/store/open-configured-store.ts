// Which store the configuration asks for: PostgreSQL when `database` names one (several
// collectors can then share it), otherwise SQLite in the data folder (the default).
import { join } from 'node:path';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const databaseFile = (dataDir: string) => join(dataDir, 'tandem.sqlite');

export async function openConfiguredStore(config: { database?: string, dataDir: string, synchronous: 'full' | 'normal' }): Promise<Store> {
  // Loaded only when asked for, so a collector on SQLite never loads the PostgreSQL client.
  if (config.database) return (await import('./postgres.js')).openPostgresStore({ url: config.database });
  return openSqliteStore({ file: databaseFile(config.dataDir), synchronous: config.synchronous });
}
