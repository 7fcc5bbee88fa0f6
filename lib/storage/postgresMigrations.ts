import type { Migration } from './sqliteMigrations';

/**
 * The PostgreSQL schema, as an ordered list of migrations, numbered like the SQLite ones
 * (sqliteMigrations.ts): migration N brings the database from version N-1 to N and
 * `schema_version` holds every version applied. Never edit a migration that has shipped: append a
 * new one, to both lists when the change concerns both backends (users and the audit log will
 * arrive that way, as migration 2 on each).
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
];
