import type { Migration } from './sqliteMigrations';

/**
 * The PostgreSQL schema, as an ordered list of migrations, numbered like the SQLite ones
 * (sqliteMigrations.ts): migration N brings the database from version N-1 to N and
 * `schema_version` holds every version applied. Never edit a migration that has shipped: append a
 * new one, to both lists when the change concerns both backends (as migration 2, the accounts, did).
 *
 * Types differ from SQLite where PostgreSQL has a better one (uuid, timestamptz, boolean), and rows
 * are stored one per respondent (loaded with COPY), not in compressed chunks: PostgreSQL compresses
 * large values itself and COPY is its fast path for many rows.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'datasets and their rows, one per respondent',
    sql: `
      CREATE TABLE datasets (
        id          uuid PRIMARY KEY,
        -- Commit-independent tie-breaker for datasets added in the same millisecond.
        ord         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 500),  -- escaped as a postgresRowCodec line
        study_style text NOT NULL,
        respondents integer NOT NULL CHECK (respondents >= 0),
        added_at    timestamptz NOT NULL,
        synthetic   boolean NOT NULL,
        codebook    text NOT NULL,  -- the codebook, JSON text exactly as written
        header      text NOT NULL   -- the header, JSON array of strings
      );
      CREATE INDEX datasets_added_at ON datasets (added_at, ord);

      CREATE TABLE dataset_rows (
        dataset_id uuid NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        row_no     integer NOT NULL CHECK (row_no > 0),  -- 1, 2, 3, ... in row order
        line       text NOT NULL,                        -- the fields, see postgresRowCodec.ts
        PRIMARY KEY (dataset_id, row_no)
      );
    `,
  },
  {
    version: 2,
    description: 'users, sessions, failed logins, the audit log and shared secrets',
    // As in SQLite's migration 2: the role and action lists are written out so that this migration
    // never changes when ROLES or AUDIT_ACTIONS do.
    sql: `
      CREATE TABLE users (
        id            uuid PRIMARY KEY,
        username      text NOT NULL CHECK (char_length(username) BETWEEN 1 AND 100),  -- as typed
        -- The username folded to lower case by the program (accountInput.ts), not by lower(),
        -- whose folding depends on the database's locale: unique, the lookup key.
        username_key  text NOT NULL UNIQUE,
        role          text NOT NULL CHECK (role IN ('admin', 'analyst', 'strategist', 'executive')),
        password_hash text NOT NULL CHECK (char_length(password_hash) > 0),
        created_at    timestamptz NOT NULL DEFAULT now()
      );

      -- A session is known by the hash of its token; the token itself is never stored.
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
      CREATE INDEX sessions_user_id ON sessions (user_id);  -- deleting a user finds their sessions

      CREATE TABLE login_failures (
        key text NOT NULL,        -- e.g. "user:alice"
        at  timestamptz NOT NULL
      );
      CREATE INDEX login_failures_key_at ON login_failures (key, at);

      CREATE TABLE audit_log (
        id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at     timestamptz NOT NULL DEFAULT now(),  -- the server's clock: one clock for every instance
        actor  text,                                -- a username, or NULL
        action text NOT NULL CHECK (action IN ('setup.admin', 'login.success', 'login.failure', 'logout', 'user.create', 'user.update', 'user.delete', 'dataset.upload', 'dataset.delete')),
        target text,
        detail text NOT NULL CHECK (detail::json IS NOT NULL)  -- a JSON object, text exactly as written
      );

      CREATE TABLE shared_secrets (
        name  text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'a dataset can change: its revision and when it last changed; the audit log records codebook edits and appended files',
    // Existing datasets are at revision 1, last changed when they were added. The action list is
    // written out, as in migration 2 (audit_log_action_check is the name PostgreSQL gave the
    // column's CHECK constraint).
    sql: `
      ALTER TABLE datasets
        ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        ADD COLUMN updated_at timestamptz;
      UPDATE datasets SET updated_at = added_at;
      ALTER TABLE datasets ALTER COLUMN updated_at SET NOT NULL;

      ALTER TABLE audit_log
        DROP CONSTRAINT audit_log_action_check,
        ADD CONSTRAINT audit_log_action_check CHECK (action IN ('setup.admin', 'login.success', 'login.failure', 'logout', 'user.create', 'user.update', 'user.delete', 'dataset.upload', 'dataset.delete', 'dataset.codebook', 'dataset.append'));
    `,
  },
  {
    version: 4,
    description: 'the audit log records weights saved, deleted and made the default',
    sql: `
      ALTER TABLE audit_log
        DROP CONSTRAINT audit_log_action_check,
        ADD CONSTRAINT audit_log_action_check CHECK (action IN ('setup.admin', 'login.success', 'login.failure', 'logout', 'user.create', 'user.update', 'user.delete', 'dataset.upload', 'dataset.delete', 'dataset.codebook', 'dataset.append', 'dataset.weight.save', 'dataset.weight.delete', 'dataset.weight.default'));
    `,
  },
  {
    version: 5,
    description: "the engine's columns stored with each dataset, so that opening it reads no row",
    // As SQLite's migration 5 (datasets stored before have none until first opened). The value is
    // already deflated (storedColumns.ts): STORAGE EXTERNAL keeps it out of line without
    // PostgreSQL compressing it a second time.
    sql: `
      CREATE TABLE dataset_columns (
        dataset_id uuid PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
        revision   integer NOT NULL CHECK (revision >= 1),
        data       bytea NOT NULL
      );
      ALTER TABLE dataset_columns ALTER COLUMN data SET STORAGE EXTERNAL;
    `,
  },
];
