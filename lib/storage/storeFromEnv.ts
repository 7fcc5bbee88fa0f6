import type { DatasetStore } from './datasetStore';
import { dataDirFromEnv, openSqliteDatasetStore } from './sqliteDatasetStore';

/**
 * The process-wide dataset store for route handlers and server components.
 *
 * Today: the embedded SQLite store in DATA_DIR (default ./.data). A later issue adds a server
 * database: switch on DATABASE_URL here, and nothing else changes for callers.
 *
 * Kept on globalThis so that `next dev` module reloads share one store (one writer connection)
 * instead of opening a new one per reload.
 */

const KEY = Symbol.for('personalization-acceptance-dashboard.datasetStore');
type Holder = { [KEY]?: DatasetStore };

function openFromEnv(env: NodeJS.ProcessEnv): DatasetStore {
  if (env.DATABASE_URL && env.DATABASE_URL.trim() !== '')
    // Refuse rather than silently store elsewhere than the operator asked for.
    throw new Error('DATABASE_URL is set, but only the embedded store is available yet: unset DATABASE_URL to store datasets in DATA_DIR');
  return openSqliteDatasetStore({ dataDir: dataDirFromEnv(env) });
}

export function getDatasetStore(): DatasetStore {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= openFromEnv(process.env));
}

/** Closes and forgets the process-wide store (tests, graceful shutdown). */
export async function closeDatasetStore(): Promise<void> {
  const holder = globalThis as Holder;
  const store = holder[KEY];
  delete holder[KEY];
  await store?.close();
}
