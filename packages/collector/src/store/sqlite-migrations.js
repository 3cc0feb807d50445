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
];
