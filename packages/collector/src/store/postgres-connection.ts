// The PostgreSQL store's pool (node-postgres) and the one way it runs a transaction. bigint
// columns (times in ms, counts) come back as numbers: every value they hold is below 2^53.
import pg from 'pg';
import type { PoolClient } from 'pg';

const INT8 = 20;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pool on `url` whose connections see only `schema` (search_path). */
export function connectPool({ url, schema, max }: { url: string, schema: string, max: number }) {
  return new pg.Pool({ connectionString: url, max, types, options: `-c search_path=${quoteIdentifier(schema)}` });
}

export function quoteIdentifier(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs `work` in one transaction on one connection, committing when it resolves and rolling
 * back when it throws; resolves only after COMMIT has returned.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // A connection that cannot even roll back is not given to the next caller.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Deadlocks and serialization failures: the database undid the transaction, and it may be run again. */
export function isRetryable(error: unknown) {
  const code = (error as { code?: string } | null)?.code;
  return code === '40P01' || code === '40001';
}
