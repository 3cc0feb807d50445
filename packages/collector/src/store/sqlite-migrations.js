// Versioned schema for the SQLite store. Append a migration; never edit one that has shipped.
// Each runs once, in its own transaction, and is recorded in schema_migrations.

/** @type {{ version: number, name: string, sql: string }[]} */
export const MIGRATIONS = [
  {
    version: 1,
    name: 'submissions and rate limits',
    sql: `
      CREATE TABLE submissions (
        id           TEXT PRIMARY KEY,
        site         TEXT NOT NULL,
        widget       TEXT NOT NULL,
        instance     TEXT NOT NULL,
        page_url     TEXT NOT NULL,
        page_title   TEXT NOT NULL,
        lang         TEXT NOT NULL,
        answers      TEXT NOT NULL,          -- JSON object, free text redacted
        honeypot     INTEGER NOT NULL,
        fill_ms      INTEGER NOT NULL,
        client_time  TEXT NOT NULL,
        sdk_version  TEXT NOT NULL,
        received_at  INTEGER NOT NULL,       -- ms since the epoch, collector clock
        quarantined  INTEGER NOT NULL DEFAULT 0,
        quarantine_reason TEXT,
        fingerprint  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX submissions_by_site_time ON submissions (site, received_at);
      CREATE INDEX submissions_by_time ON submissions (received_at);

      CREATE TABLE rate_limits (
        key          TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        hits         INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'staff dashboard: accounts, sessions, sign-in failures, reviewed answers',
    sql: `
      ALTER TABLE submissions ADD COLUMN reviewed_at INTEGER;   -- ms since the epoch, or NULL
      ALTER TABLE submissions ADD COLUMN reviewed_by TEXT;      -- staff email
      CREATE INDEX submissions_by_widget_time ON submissions (widget, received_at);

      CREATE TABLE staff_users (
        id            INTEGER PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE,     -- lower-cased by the caller
        password_hash TEXT NOT NULL,            -- scrypt$N$r$p$salt$hash
        created_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE staff_sessions (
        id_hash     TEXT PRIMARY KEY,           -- SHA-256 of the cookie value; the value itself is never stored
        user_id     INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        csrf_token  TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);

      CREATE TABLE sign_in_failures (
        email TEXT NOT NULL,                    -- as typed (lower-cased), known account or not
        at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, at);
    `,
  },
  {
    version: 3,
    name: 'repeats: the same answer sent again within minutes is folded into the first',
    sql: `
      ALTER TABLE submissions ADD COLUMN fold_key TEXT;    -- keyed hash, cleared once past the fold window
      ALTER TABLE submissions ADD COLUMN repeat_of TEXT;   -- id of the answer this one repeats
      CREATE INDEX submissions_by_fold_key ON submissions (fold_key, received_at) WHERE fold_key IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'staff sessions end after a time without activity',
    sql: `
      -- Sessions from before this migration count as idle: their staff sign in again.
      ALTER TABLE staff_sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
    `,
  },
];
