// Versioned schema for the SQLite store. Append a migration; never edit one that has shipped.
// Each runs once, in its own transaction, and is recorded in schema_migrations.

export const MIGRATIONS: { version: number, name: string, sql: string }[] = [
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
    name: 'polls: definitions, one vote per participant and question, counters, statements, site policies',
    sql: `
      ALTER TABLE submissions ADD COLUMN participant TEXT;    -- a poll's random participant id, or NULL

      CREATE TABLE polls (
        id          TEXT PRIMARY KEY,
        site        TEXT NOT NULL,
        definition  TEXT NOT NULL,              -- JSON, poll protocol v1
        source      TEXT NOT NULL,              -- 'file' (the configuration) or 'dashboard'
        response    TEXT,                       -- JSON { en, cy? }: staff's response, shown when closed
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        updated_by  TEXT
      ) STRICT;

      -- The answer that counts, one per participant and question; changed answers replace it.
      CREATE TABLE poll_votes (
        poll_id       TEXT NOT NULL,
        participant   TEXT NOT NULL,
        question_id   TEXT NOT NULL,
        option_id     TEXT NOT NULL,
        submission_id TEXT NOT NULL,
        client_time   TEXT NOT NULL,
        PRIMARY KEY (poll_id, participant, question_id)
      ) STRICT, WITHOUT ROWID;

      -- Results, moved in the same transaction as each vote, so reading them costs one small range.
      CREATE TABLE poll_counts (
        poll_id     TEXT NOT NULL,
        question_id TEXT NOT NULL,
        option_id   TEXT NOT NULL,
        votes       INTEGER NOT NULL,
        PRIMARY KEY (poll_id, question_id, option_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE poll_statements (
        id            INTEGER PRIMARY KEY,      -- the question id "s-{id}" once published
        poll_id       TEXT NOT NULL,
        submission_id TEXT NOT NULL UNIQUE,
        participant   TEXT NOT NULL,
        text          TEXT NOT NULL,            -- trimmed and redacted
        dedupe_key    TEXT NOT NULL,            -- text without case, punctuation or spaces
        lang          TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'pending',  -- pending, published, rejected
        reason        TEXT,                     -- why not published, shown to its author
        reply         TEXT,                     -- JSON { en, cy? }: "You said, we did"
        created_at    INTEGER NOT NULL,
        moderated_at  INTEGER,
        moderated_by  TEXT
      ) STRICT;
      CREATE INDEX poll_statements_by_status ON poll_statements (poll_id, status, id);
      CREATE INDEX poll_statements_by_key ON poll_statements (poll_id, dedupe_key);
      CREATE INDEX poll_statements_by_participant ON poll_statements (poll_id, participant, id);

      CREATE TABLE site_policies (
        site        TEXT PRIMARY KEY,
        policy      TEXT NOT NULL,              -- JSON { en, cy? }
        updated_at  INTEGER NOT NULL,
        updated_by  TEXT
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'repeats: the same answer sent again within minutes is folded into the first',
    sql: `
      ALTER TABLE submissions ADD COLUMN repeat_of TEXT;   -- id of the answer this one repeats
    `,
  },
  {
    version: 5,
    name: 'staff sessions end after a time without activity',
    sql: `
      -- Sessions from before this migration count as idle: their staff sign in again.
      ALTER TABLE staff_sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 6,
    name: 'poll participants issued and signed by the collector; bursts of new participants from one address',
    sql: `
      -- Made once, here, so that every collector process on this database signs alike.
      CREATE TABLE collector_secrets (
        name   TEXT PRIMARY KEY,
        secret BLOB NOT NULL
      ) STRICT;
      INSERT INTO collector_secrets (name, secret) VALUES ('participants', randomblob(32));

      -- The most new participants one address brought to a poll in a clock hour, when it
      -- reached the limit. The address itself is never kept.
      CREATE TABLE poll_bursts (
        poll_id      TEXT NOT NULL,
        hour_start   INTEGER NOT NULL,
        participants INTEGER NOT NULL,
        PRIMARY KEY (poll_id, hour_start)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'sign-in failures by network address too',
    sql: `
      -- Failures from before this migration have no address: they count for the account only.
      ALTER TABLE sign_in_failures ADD COLUMN address TEXT NOT NULL DEFAULT '';
      CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);
      CREATE INDEX sign_in_failures_by_pair ON sign_in_failures (email, address, at);
    `,
  },
  {
    version: 11,
    name: 'offers of help: ways to help lists, and offers with their contact details sealed',
    sql: `
      CREATE TABLE pledge_lists (
        id         TEXT PRIMARY KEY,
        site       TEXT NOT NULL,
        definition TEXT NOT NULL,              -- JSON, as pledges/definition.ts checked it
        source     TEXT NOT NULL,              -- 'file' (named in the configuration) or 'dashboard'
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX pledge_lists_by_site ON pledge_lists (site, id);

      CREATE TABLE pledge_offers (
        id                TEXT PRIMARY KEY,    -- the submission id
        list_id           TEXT NOT NULL,
        site              TEXT NOT NULL,
        reference         TEXT NOT NULL,       -- protocol/reference.ts: how the resident withdraws it
        ways              TEXT NOT NULL,       -- JSON list of way ids
        areas             TEXT NOT NULL,       -- JSON list of area ids, or 'home'
        slots             TEXT NOT NULL,       -- JSON list of times of the week, or 'now-and-then'
        often             TEXT NOT NULL,
        age               TEXT NOT NULL,       -- 'adult' or 'young' (16 or 17)
        note              TEXT NOT NULL,       -- the resident's words, redacted
        prefer            TEXT NOT NULL,       -- 'email' or 'phone'
        contact           TEXT,                -- sealed (AES-256-GCM, key not in the database); NULL once withdrawn or past retention
        status            TEXT NOT NULL DEFAULT 'new',
        notes             TEXT NOT NULL DEFAULT '',
        created_at        INTEGER NOT NULL,
        last_activity_at  INTEGER NOT NULL,
        status_changed_by TEXT,
        status_changed_at INTEGER
      ) STRICT;
      CREATE INDEX pledge_offers_by_reference ON pledge_offers (reference);
      CREATE INDEX pledge_offers_by_site ON pledge_offers (site, created_at, id);
      CREATE INDEX pledge_offers_by_activity ON pledge_offers (last_activity_at) WHERE contact IS NOT NULL;
    `,
  },
  {
    version: 12,
    name: 'calls for help, and who was asked, who said yes and the hours they gave',
    sql: `
      CREATE TABLE pledge_calls (
        id            TEXT PRIMARY KEY,        -- a random UUID
        list_id       TEXT NOT NULL,
        site          TEXT NOT NULL,
        way_id        TEXT NOT NULL,
        area          TEXT NOT NULL,           -- an area id of the list, or 'home'
        slot          TEXT NOT NULL,           -- the time of the week it falls in (pledges/call-slot.ts)
        starts_at     INTEGER NOT NULL,
        ends_at       INTEGER,
        people_needed INTEGER NOT NULL,
        details       TEXT NOT NULL DEFAULT '', -- staff's words: what, where to meet
        status        TEXT NOT NULL DEFAULT 'open',
        created_by    TEXT NOT NULL,
        created_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX pledge_calls_by_list ON pledge_calls (list_id, starts_at);

      CREATE TABLE pledge_asks (
        call_id   TEXT NOT NULL REFERENCES pledge_calls (id) ON DELETE CASCADE,
        offer_id  TEXT NOT NULL,
        asked_at  INTEGER NOT NULL,
        asked_by  TEXT NOT NULL,
        answer    TEXT NOT NULL DEFAULT 'waiting', -- 'waiting', 'yes' or 'no'
        hours     REAL,                            -- given, once the call is done
        PRIMARY KEY (call_id, offer_id)
      ) STRICT;
      CREATE INDEX pledge_asks_by_offer ON pledge_asks (offer_id, asked_at);
    `,
  },
];
