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
];
