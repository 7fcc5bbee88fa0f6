import type Database from 'better-sqlite3';
import path from 'node:path';
import { MIGRATIONS, type Migration } from './sqliteMigrations';

/**
 * The embedded database both SQLite stores open, each on its own connection: one file in the data
 * folder, one schema, migrated by whichever store touches it first.
 */
export const DATABASE_FILE = 'datasets.sqlite';

/** The data directory: DATA_DIR, or ./.data under the working directory. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR && env.DATA_DIR.trim() !== '' ? env.DATA_DIR : '.data');
}

/**
 * Brings the database to the newest schema version; returns the version reached. `migrations`
 * exists for tests that build a database as an older program left it (e.g. MIGRATIONS.slice(0, 1)).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const run = db.transaction(() => {
    const current = (db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
    const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
    if (current > latest) throw new Error(`the database is at schema version ${current}, newer than this program knows (${latest}); upgrade the program`);
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    }
    return latest;
  });
  return run.immediate();
}
