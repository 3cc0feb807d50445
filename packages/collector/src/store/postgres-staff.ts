// The staff part in PostgreSQL: accounts, sessions (with the idle limit) and sign-in failures.
import { inTransaction } from './postgres-connection.js';
import type { StaffSession, StaffStore, StaffUser } from './staff-store.js';
import type { Pool, PoolClient } from 'pg';

const DAY = 24 * 60 * 60 * 1000;

export function postgresStaff(pool: Pool): StaffStore & { purge: (client: PoolClient, now: number) => Promise<void> } {
  const findUser = async (email: string) => {
    const { rows } = await pool.query<StaffUser>('SELECT id, email, password_hash AS "passwordHash", created_at AS "createdAt" FROM staff_users WHERE email = $1', [email]);
    return rows[0];
  };
  return {
    saveUser: (email, passwordHash, now) =>
      inTransaction(pool, async (client) => {
        const created = await client.query('INSERT INTO staff_users (email, password_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING', [email, passwordHash, now]);
        if (created.rowCount === 1) return 'created' as const;
        const { rows } = await client.query<{ id: number }>('UPDATE staff_users SET password_hash = $1 WHERE email = $2 RETURNING id', [passwordHash, email]);
        await client.query('DELETE FROM staff_sessions WHERE user_id = $1', [rows[0]?.id]);
        return 'updated' as const;
      }),
    findUser,
    listUsers: async () => (await pool.query<{ email: string, createdAt: number }>('SELECT email, created_at AS "createdAt" FROM staff_users ORDER BY email')).rows,
    // Its sessions go with it (ON DELETE CASCADE).
    removeUser: async (email) => (await pool.query('DELETE FROM staff_users WHERE email = $1', [email])).rowCount === 1,
    createSession: async ({ idHash, userId, csrfToken, createdAt, expiresAt }) => {
      await pool.query(`INSERT INTO staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at)
        VALUES ($1, $2, $3, $4, $5, $4)`, [idHash, userId, csrfToken, createdAt, expiresAt]);
    },
    // Found is used: one statement finds it and marks it seen. idleMs may be Infinity, hence float8.
    findSession: async (idHash, now, idleMs) => {
      const { rows } = await pool.query<StaffSession>(`UPDATE staff_sessions s SET last_seen_at = $2
        FROM staff_users u
        WHERE u.id = s.user_id AND s.id_hash = $1 AND s.expires_at > $2 AND s.last_seen_at + $3::float8 > $2
        RETURNING s.user_id AS "userId", u.email, s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt"`, [idHash, now, idleMs]);
      return rows[0];
    },
    deleteSession: async (idHash) => {
      await pool.query('DELETE FROM staff_sessions WHERE id_hash = $1', [idHash]);
    },
    recordSignInFailure: async ({ email, address }, at) => {
      await pool.query('INSERT INTO sign_in_failures (email, address, at) VALUES ($1, $2, $3)', [email, address, at]);
    },
    recentSignInFailures: async (key, since, limit) => {
      const email = 'email' in key ? key.email : null;
      const address = 'address' in key ? key.address : null;
      const { rows } = await pool.query<{ at: number }>(`SELECT at FROM sign_in_failures
        WHERE ($1::text IS NULL OR email = $1) AND ($2::text IS NULL OR address = $2) AND at >= $3
        ORDER BY at DESC LIMIT $4`, [email, address, since, limit]);
      return rows.map((row) => Number(row.at));
    },
    clearSignInFailures: async ({ email, address }) => {
      await pool.query('DELETE FROM sign_in_failures WHERE email = $1 AND address = $2', [email, address]);
    },
    /** Expired sessions, and failures older than a day (lock-outs last minutes). */
    async purge(client, now) {
      await client.query('DELETE FROM staff_sessions WHERE expires_at <= $1', [now]);
      await client.query('DELETE FROM sign_in_failures WHERE at < $1', [now - DAY]);
    },
  };
}
