import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgresMigrations';
import type { Migration } from './sqliteMigrations';

/**
 * The server database both PostgreSQL stores use, each with a pool of its own: what a connection
 * string looks like, and what every store does before its first operation (check the encoding,
 * migrate under an advisory lock, so instances starting together do not race).
 */
export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (any libpq-style URL pg accepts). */
  connectionString: string;
  /** Most connections this store opens (default 10). */
  maxConnections?: number;
}

/** Serialises migrations across every process using the database (pg_advisory_xact_lock key). */
const MIGRATION_LOCK = 7_304_151_220_001;

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url.trim());

/**
 * Brings the database to the newest schema version; returns the version reached. `migrations`
 * exists for tests that build a database as an older program left it.
 */
export async function migratePostgres(client: pg.ClientBase, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<number> {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  await client.query('BEGIN');
  try {
    // Held until COMMIT: a second instance starting now waits here, then finds nothing to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const current = Number((await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version')).rows[0].v ?? 0);
    if (current > latest) throw new Error(`the database is at schema version ${current}, newer than this program knows (${latest}); upgrade the program`);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
    }
    await client.query('COMMIT');
    return latest;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * What every store on the database does before its first operation: checks the encoding, then
 * migrates (the dataset store and the account store share one schema and one schema_version).
 */
export async function preparePostgres(client: pg.ClientBase): Promise<void> {
  const encoding = (await client.query<{ server_encoding: string }>('SHOW server_encoding')).rows[0].server_encoding;
  if (encoding !== 'UTF8') throw new Error(`the PostgreSQL database's encoding is ${encoding}; this program needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)`);
  await migratePostgres(client);
}
