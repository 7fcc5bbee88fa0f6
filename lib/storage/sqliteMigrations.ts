/**
 * The SQLite schema, as an ordered list of migrations. Migration N brings the database from
 * version N-1 to N; `schema_version` holds the version reached. Never edit a migration that has
 * shipped: append a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'datasets and their rows in chunks',
    sql: `
      CREATE TABLE datasets (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
        study_style TEXT NOT NULL,
        respondents INTEGER NOT NULL CHECK (respondents >= 0),
        added_at    TEXT NOT NULL,
        synthetic   INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
        codebook    TEXT NOT NULL,  -- the codebook, JSON
        header      TEXT NOT NULL   -- the header, JSON array of strings
      ) STRICT;

      -- Rows are stored in chunks of consecutive rows (see sqliteRowCodec.ts for the encoding):
      -- one SQLite row per respondent costs far more in time and space.
      CREATE TABLE dataset_chunks (
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,  -- 0, 1, 2, ... in row order
        row_count  INTEGER NOT NULL CHECK (row_count > 0),
        data       BLOB NOT NULL,
        PRIMARY KEY (dataset_id, seq)
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'users, sessions, failed logins, the audit log and shared secrets',
    // The role and action lists are written out, not built from ROLES and AUDIT_ACTIONS: a shipped
    // migration must never change when those constants do (a new role needs a new migration).
    // Times that are compared (session expiry, failed logins) are epoch milliseconds: ISO text
    // compares correctly only while every value has the same width. Times only shown are ISO text.
    sql: `
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,  -- a random UUID
        username      TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 100),  -- as typed
        -- The username folded to lower case by the program (accountInput.ts), so that both
        -- backends fold alike (SQLite's lower() folds ASCII only): unique, the lookup key.
        username_key  TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'strategist', 'executive')),
        password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
        created_at    TEXT NOT NULL  -- ISO 8601 UTC
      ) STRICT;

      -- A session is known by the hash of its token; the token itself is never stored.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,  -- epoch ms
        expires_at INTEGER NOT NULL   -- epoch ms
      ) STRICT;
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
      CREATE INDEX sessions_user_id ON sessions (user_id);  -- deleting a user finds their sessions

      CREATE TABLE login_failures (
        key TEXT NOT NULL,     -- e.g. "user:alice"
        at  INTEGER NOT NULL   -- epoch ms
      ) STRICT;
      CREATE INDEX login_failures_key_at ON login_failures (key, at);

      CREATE TABLE audit_log (
        id     INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: an id is never reused
        at     TEXT NOT NULL,                      -- ISO 8601 UTC
        actor  TEXT,                               -- a username, or NULL
        action TEXT NOT NULL CHECK (action IN ('setup.admin', 'login.success', 'login.failure', 'logout', 'user.create', 'user.update', 'user.delete', 'dataset.upload', 'dataset.delete')),
        target TEXT,
        detail TEXT NOT NULL CHECK (json_valid(detail))  -- a JSON object
      ) STRICT;

      CREATE TABLE shared_secrets (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    description: 'a dataset can change: its revision and when it last changed; the audit log records codebook edits and appended files',
    // SQLite cannot alter a CHECK constraint: the audit log is copied into a table with the longer
    // action list and renamed. Its AUTOINCREMENT high-water mark is carried over, so that an id is
    // still never reused. Existing datasets are at revision 1, last changed when they were added.
    sql: `
      ALTER TABLE datasets ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
      ALTER TABLE datasets ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      UPDATE datasets SET updated_at = added_at;

      CREATE TABLE audit_log_v3 (
        id     INTEGER PRIMARY KEY AUTOINCREMENT,
        at     TEXT NOT NULL,
        actor  TEXT,
        action TEXT NOT NULL CHECK (action IN ('setup.admin', 'login.success', 'login.failure', 'logout', 'user.create', 'user.update', 'user.delete', 'dataset.upload', 'dataset.delete', 'dataset.codebook', 'dataset.append')),
        target TEXT,
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      INSERT INTO audit_log_v3 (id, at, actor, action, target, detail) SELECT id, at, actor, action, target, detail FROM audit_log;
      DELETE FROM sqlite_sequence WHERE name = 'audit_log_v3';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'audit_log_v3', seq FROM sqlite_sequence WHERE name = 'audit_log';
      DROP TABLE audit_log;
      ALTER TABLE audit_log_v3 RENAME TO audit_log;
    `,
  },
  {
    version: 4,
    description: 'the audit log records weights saved, deleted and made the default',
    // As in migration 3: the audit log is copied into a table with the longer action list, its
    // AUTOINCREMENT high-water mark carried over.
    sql: `
      CREATE TABLE audit_log_v4 (
        id     INTEGER PRIMARY KEY AUTOINCREMENT,
        at     TEXT NOT NULL,
        actor  TEXT,
        action TEXT NOT NULL CHECK (action IN ('setup.admin', 'login.success', 'login.failure', 'logout', 'user.create', 'user.update', 'user.delete', 'dataset.upload', 'dataset.delete', 'dataset.codebook', 'dataset.append', 'dataset.weight.save', 'dataset.weight.delete', 'dataset.weight.default')),
        target TEXT,
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      INSERT INTO audit_log_v4 (id, at, actor, action, target, detail) SELECT id, at, actor, action, target, detail FROM audit_log;
      DELETE FROM sqlite_sequence WHERE name = 'audit_log_v4';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'audit_log_v4', seq FROM sqlite_sequence WHERE name = 'audit_log';
      DROP TABLE audit_log;
      ALTER TABLE audit_log_v4 RENAME TO audit_log;
    `,
  },
  {
    version: 5,
    description: "the engine's columns stored with each dataset, so that opening it reads no row",
    // One value per dataset: its columns at the revision named (storedColumns.ts; the format is the
    // value's first byte). Written in the same transaction as the rows or codebook they come from;
    // datasets stored before this version have none until first opened (DatasetRegistry builds them
    // from the rows then and stores them: a lazy migration, so that starting the program never
    // waits for every dataset to be read).
    sql: `
      CREATE TABLE dataset_columns (
        dataset_id TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
        revision   INTEGER NOT NULL CHECK (revision >= 1),
        data       BLOB NOT NULL
      ) STRICT;
    `,
  },
];
