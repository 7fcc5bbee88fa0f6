import type { DatasetStore } from './datasetStore';
import { isPostgresUrl, openPostgresDatasetStore } from './postgresDatasetStore';
import { dataDirFromEnv, openSqliteDatasetStore } from './sqliteDatasetStore';

/**
 * The process-wide dataset store for route handlers and server components.
 *
 * DATABASE_URL=postgres://... (or postgresql://): the PostgreSQL store, which any number of app
 * instances can share. Unset: the embedded SQLite store in DATA_DIR (default ./.data). Both run
 * their schema migrations on first use.
 *
 * Kept on globalThis so that `next dev` module reloads share one store (one writer connection or
 * one connection pool) instead of opening a new one per reload.
 */

const KEY = Symbol.for('personalization-acceptance-dashboard.datasetStore');
type Holder = { [KEY]?: DatasetStore };

/** The URL without its password, for messages. */
const redacted = (url: string) => url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');

export function openStoreFromEnv(env: NodeJS.ProcessEnv): DatasetStore {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    // Refuse rather than silently store elsewhere than the operator asked for.
    if (!isPostgresUrl(url))
      throw new Error(`DATABASE_URL "${redacted(url).slice(0, 120)}" is not a PostgreSQL URL: use postgres://user:password@host:5432/database, or unset DATABASE_URL to store datasets in DATA_DIR (SQLite)`);
    const pool = env.DATABASE_POOL_SIZE?.trim();
    if (pool && !/^[1-9]\d{0,3}$/.test(pool)) throw new Error(`DATABASE_POOL_SIZE "${pool.slice(0, 20)}" is not a whole number of connections (1-9999)`);
    return openPostgresDatasetStore({ connectionString: url, maxConnections: pool ? Number(pool) : undefined });
  }
  return openSqliteDatasetStore({ dataDir: dataDirFromEnv(env) });
}

export function getDatasetStore(): DatasetStore {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= openStoreFromEnv(process.env));
}

/** Closes and forgets the process-wide store (tests, graceful shutdown). */
export async function closeDatasetStore(): Promise<void> {
  const holder = globalThis as Holder;
  const store = holder[KEY];
  delete holder[KEY];
  await store?.close();
}
