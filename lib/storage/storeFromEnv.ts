import type { AccountStore } from './accountStore';
import type { DatasetStore } from './datasetStore';
import { openPostgresAccountStore } from './postgresAccountStore';
import { isPostgresUrl, type PostgresStoreOptions } from './postgresConnection';
import { openPostgresDatasetStore } from './postgresDatasetStore';
import { openSqliteAccountStore } from './sqliteAccountStore';
import { dataDirFromEnv } from './sqliteConnection';
import { openSqliteDatasetStore } from './sqliteDatasetStore';

/**
 * The process-wide dataset store and account store for route handlers and server components.
 *
 * DATABASE_URL=postgres://... (or postgresql://): PostgreSQL, which any number of app instances
 * can share. Unset: the embedded SQLite file in DATA_DIR (default ./.data). Both stores use the
 * same database, each with its own connection(s), and each runs the schema migrations on first use.
 *
 * Kept on globalThis so that `next dev` module reloads share one store of each (one connection or
 * one connection pool each) instead of opening new ones per reload.
 */

const DATASET_KEY = Symbol.for('personalization-acceptance-dashboard.datasetStore');
const ACCOUNT_KEY = Symbol.for('personalization-acceptance-dashboard.accountStore');
type Holder = { [DATASET_KEY]?: DatasetStore; [ACCOUNT_KEY]?: AccountStore };

/** The URL without its password, for messages. */
const redacted = (url: string) => url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');

type StorageConfig = { kind: 'postgres'; options: PostgresStoreOptions } | { kind: 'sqlite'; dataDir: string };

/** Where the stores live, from DATABASE_URL, DATABASE_POOL_SIZE and DATA_DIR. */
export function storageConfigFromEnv(env: NodeJS.ProcessEnv): StorageConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    // Refuse rather than silently store elsewhere than the operator asked for.
    if (!isPostgresUrl(url))
      throw new Error(`DATABASE_URL "${redacted(url).slice(0, 120)}" is not a PostgreSQL URL: use postgres://user:password@host:5432/database, or unset DATABASE_URL to store datasets in DATA_DIR (SQLite)`);
    const pool = env.DATABASE_POOL_SIZE?.trim();
    if (pool && !/^[1-9]\d{0,3}$/.test(pool)) throw new Error(`DATABASE_POOL_SIZE "${pool.slice(0, 20)}" is not a whole number of connections (1-9999)`);
    return { kind: 'postgres', options: { connectionString: url, maxConnections: pool ? Number(pool) : undefined } };
  }
  return { kind: 'sqlite', dataDir: dataDirFromEnv(env) };
}

export function openStoreFromEnv(env: NodeJS.ProcessEnv): DatasetStore {
  const config = storageConfigFromEnv(env);
  return config.kind === 'postgres' ? openPostgresDatasetStore(config.options) : openSqliteDatasetStore({ dataDir: config.dataDir });
}

/** DATABASE_POOL_SIZE, when set, sizes the account store's pool too; unset, it has 5 connections (its operations are small). */
export function openAccountStoreFromEnv(env: NodeJS.ProcessEnv): AccountStore {
  const config = storageConfigFromEnv(env);
  return config.kind === 'postgres' ? openPostgresAccountStore(config.options) : openSqliteAccountStore({ dataDir: config.dataDir });
}

export function getDatasetStore(): DatasetStore {
  const holder = globalThis as Holder;
  return (holder[DATASET_KEY] ??= openStoreFromEnv(process.env));
}

/** Closes and forgets the process-wide dataset store (tests, graceful shutdown). */
export async function closeDatasetStore(): Promise<void> {
  const holder = globalThis as Holder;
  const store = holder[DATASET_KEY];
  delete holder[DATASET_KEY];
  await store?.close();
}

export function getAccountStore(): AccountStore {
  const holder = globalThis as Holder;
  return (holder[ACCOUNT_KEY] ??= openAccountStoreFromEnv(process.env));
}

/** Closes and forgets the process-wide account store (tests, graceful shutdown); the dataset store stays open. */
export async function closeAccountStore(): Promise<void> {
  const holder = globalThis as Holder;
  const store = holder[ACCOUNT_KEY];
  delete holder[ACCOUNT_KEY];
  await store?.close();
}
