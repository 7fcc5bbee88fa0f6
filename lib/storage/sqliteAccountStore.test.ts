import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAccountStoreContract, type AccountStoreHarness } from './accountStore.contract';
import { newDatasetSummary } from './datasetStore';
import { openSqliteAccountStore, SqliteAccountStore, type SqliteAccountStoreOptions } from './sqliteAccountStore';
import { DATABASE_FILE, migrate } from './sqliteConnection';
import { openSqliteDatasetStore } from './sqliteDatasetStore';
import { MIGRATIONS } from './sqliteMigrations';
import { encodeRow, packChunk } from './sqliteRowCodec';
import { closeAccountStore, closeDatasetStore, getAccountStore, getDatasetStore } from './storeFromEnv';

/** The embedded store's side of the contract: a fresh folder per test, raw checks with a connection of its own. */
function sqliteHarness(): AccountStoreHarness {
  let dir = '';
  const raw = <T>(work: (db: Database.Database) => T, readonly = true): T => {
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    async freshLocation() {
      dir = mkdtempSync(path.join(tmpdir(), 'account-store-'));
    },
    async open() {
      return openSqliteAccountStore({ dataDir: dir });
    },
    async openDatasetStore() {
      return openSqliteDatasetStore({ dataDir: dir });
    },
    async dropLocation() {
      rmSync(dir, { recursive: true, force: true });
    },
    async schemaVersions() {
      return raw((db) => (db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[]).map((r) => r.version));
    },
    migrationVersions: MIGRATIONS.map((m) => m.version),
    async versionOneWithDataset(dataset) {
      // As version 1 wrote a dataset: one row, then its rows in one deflated chunk.
      return raw((db) => {
        db.pragma('journal_mode = WAL');
        migrate(db, MIGRATIONS.slice(0, 1));
        const summary = newDatasetSummary(dataset, randomUUID());
        db.prepare('INSERT INTO datasets (id, name, study_style, respondents, added_at, synthetic, codebook, header) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          summary.id,
          summary.name,
          summary.studyStyle,
          dataset.rows.length,
          summary.addedAt,
          summary.synthetic ? 1 : 0,
          JSON.stringify(dataset.codebook),
          JSON.stringify(dataset.header),
        );
        db.prepare('INSERT INTO dataset_chunks (dataset_id, seq, row_count, data) VALUES (?, 0, ?, ?)').run(summary.id, dataset.rows.length, packChunk(dataset.rows.map(encodeRow)));
        return summary.id;
      }, false);
    },
    async storedSessions() {
      return raw((db) => (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n);
    },
    childArgs() {
      return ['sqlite', dir];
    },
  };
}

runAccountStoreContract('SQLite', sqliteHarness());

describe('SqliteAccountStore specifics', () => {
  let dir: string;
  let closers: { close(): Promise<void> }[];
  const accounts = (options: Partial<SqliteAccountStoreOptions> = {}) => {
    const s = openSqliteAccountStore({ dataDir: dir, ...options });
    closers.push(s);
    return s;
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'account-store-'));
    closers = [];
  });
  afterEach(async () => {
    await Promise.allSettled(closers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('lives in the datasets file, in WAL mode, with the tables of migration 2', async () => {
    const store = accounts();
    await store.countUsers();
    expect(store.file).toBe(path.join(dir, DATABASE_FILE));
    const db = new Database(store.file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['audit_log', 'datasets', 'login_failures', 'schema_version', 'sessions', 'shared_secrets', 'users']));
    } finally {
      db.close();
    }
  });

  it('an account write waits for a dataset put holding the lock in the same process, without freezing it', async () => {
    const datasets = openSqliteDatasetStore({ dataDir: dir });
    closers.push(datasets);
    const store = accounts();
    await store.countUsers();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let streamed = 0;
    async function* slowUpload() {
      yield ['1'];
      streamed++;
      await held; // the put's transaction (and the write lock) stays open meanwhile
      yield ['2'];
      streamed++;
    }
    const put = datasets.put({ name: 'slow', codebook: { studyStyle: 'X' } as never, header: ['id'], rows: slowUpload() });
    await new Promise((r) => setTimeout(r, 20));
    let written = false;
    const write = store.recordLoginFailure('user:alice', new Date()).then(() => (written = true));
    // The event loop still runs (timers fire) and the write has not gone through the lock.
    await new Promise((r) => setTimeout(r, 200));
    expect(written).toBe(false);
    expect(streamed).toBe(1);
    // Reads need no lock under WAL.
    expect(await store.countUsers()).toBe(0);
    release();
    await Promise.all([put, write]);
    expect(streamed).toBe(2);
    expect(await store.countLoginFailures('user:alice', new Date(0))).toBe(1);
  });

  it('gives up on a lock held longer than busyTimeoutMs with SQLITE_BUSY', async () => {
    const store = accounts({ busyTimeoutMs: 150 });
    await store.countUsers();
    const holder = new Database(store.file);
    try {
      holder.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      await expect(store.appendAudit({ actor: null, action: 'logout', target: null, detail: {} })).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      holder.exec('ROLLBACK');
      expect((await store.appendAudit({ actor: null, action: 'logout', target: null, detail: {} })).action).toBe('logout');
    } finally {
      holder.close();
    }
  });

  it('refuses a database from a newer program, and refuses usernames the database would not take', async () => {
    const store = accounts();
    await store.countUsers();
    const db = new Database(store.file);
    db.prepare('INSERT INTO schema_version (version) VALUES (999)').run();
    db.close();
    await expect(accounts().countUsers()).rejects.toThrow(/schema version 999/);
    // The database's own checks back the program's: a role outside the four is refused by SQL too.
    const direct = new Database(store.file);
    try {
      expect(() =>
        direct.prepare("INSERT INTO users (id, username, username_key, role, password_hash, created_at) VALUES ('x', 'x', 'x', 'root', 'h', '2030-01-01T00:00:00.000Z')").run(),
      ).toThrow(/CHECK constraint/);
      expect(() => direct.prepare("INSERT INTO audit_log (at, action, detail) VALUES ('t', 'user.hack', '{}')").run()).toThrow(/CHECK constraint/);
      expect(() => direct.prepare("INSERT INTO audit_log (at, action, detail) VALUES ('t', 'logout', '{not json')").run()).toThrow(/CHECK constraint/);
    } finally {
      direct.close();
    }
  });

  it('getAccountStore is one store per process in DATA_DIR, beside the dataset store; closing it leaves the dataset store open', async () => {
    const saved = { dataDir: process.env.DATA_DIR, url: process.env.DATABASE_URL };
    process.env.DATA_DIR = path.join(dir, 'env');
    delete process.env.DATABASE_URL;
    try {
      const a = getAccountStore();
      expect(a).toBeInstanceOf(SqliteAccountStore);
      expect(getAccountStore()).toBe(a);
      const datasets = getDatasetStore();
      await a.createUser({ username: 'admin', role: 'admin', passwordHash: 'h' });
      await closeAccountStore();
      expect(await datasets.list()).toEqual([]);
      const b = getAccountStore();
      expect(b).not.toBe(a);
      expect((await b.listUsers()).map((u) => u.username)).toEqual(['admin']);
    } finally {
      await closeAccountStore();
      await closeDatasetStore();
      if (saved.dataDir === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved.dataDir;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    }
  });
});
