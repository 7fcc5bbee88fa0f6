import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { findPgBin, MISSING_POSTGRES_MESSAGE, type PgCluster, startPgCluster } from './pgCluster';

/** PostgreSQL is missing and ALLOW_SKIP_POSTGRES_TESTS=1 says to skip its tests rather than fail them. */
export const skipPostgresTests = findPgBin() === null && process.env.ALLOW_SKIP_POSTGRES_TESTS === '1';

/**
 * The set-up the PostgreSQL test files share. Called inside the file's describe: starts a throwaway
 * cluster before its tests (failing, with how to install PostgreSQL, when it is missing) and stops
 * it after; the contract harness gets a new database per test (freshLocation, dropLocation).
 */
export function throwawayPostgres() {
  let running: PgCluster | null = null;
  let databaseUrl = '';
  beforeAll(async () => {
    if (findPgBin() === null) throw new Error(MISSING_POSTGRES_MESSAGE);
    running = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });
  const cluster = (): PgCluster => {
    if (!running) throw new Error('the throwaway PostgreSQL cluster is not running');
    return running;
  };
  const sql = <T extends pg.QueryResultRow>(text: string, params?: unknown[]) => cluster().sql<T>(text, params, databaseUrl);
  return {
    cluster,
    /** The current test's database. */
    url: () => databaseUrl,
    /** A query on the current test's database. */
    sql,
    async freshLocation() {
      databaseUrl = await cluster().createDatabase();
    },
    async dropLocation() {
      const name = new URL(databaseUrl).pathname.slice(1);
      await cluster().sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    async schemaVersions() {
      return (await sql<{ version: number }>('SELECT version FROM schema_version ORDER BY version')).map((r) => r.version);
    },
  };
}

export type ThrowawayPostgres = ReturnType<typeof throwawayPostgres>;
