import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../survey/dataset';
import { runDatasetStoreContract, type StoreHarness } from './datasetStore.contract';
import { readCodebookFile } from './referenceDatasets';
import { randomUUID } from 'node:crypto';
import { newDatasetSummary } from './datasetStore';
import { DATABASE_FILE, dataDirFromEnv, migrate } from './sqliteConnection';
import { openSqliteDatasetStore, type SqliteDatasetStore } from './sqliteDatasetStore';
import { encodeRow, packChunk } from './sqliteRowCodec';
import { MIGRATIONS } from './sqliteMigrations';
import { openSqliteAccountStore } from './sqliteAccountStore';
import { closeDatasetStore, getDatasetStore } from './storeFromEnv';

const root = path.resolve(__dirname, '../..');
const codebook = readCodebookFile(path.join(root, 'data/study-g.codebook.json'));
const studyG = parseCsv(readFileSync(path.join(root, 'data/study-g.csv'), 'utf8'));

/** The embedded store's side of the contract: a fresh folder per test, raw checks with a second connection. */
function sqliteHarness(): StoreHarness {
  let dir = '';
  let walBeforeKill = 0;
  const file = () => path.join(dir, DATABASE_FILE);
  const wal = () => `${file()}-wal`;
  const raw = <T>(work: (db: Database.Database) => T, readonly = true): T => {
    const db = new Database(file(), { readonly });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    async freshLocation() {
      dir = mkdtempSync(path.join(tmpdir(), 'dataset-store-'));
    },
    async open() {
      return openSqliteDatasetStore({ dataDir: dir });
    },
    async dropLocation() {
      rmSync(dir, { recursive: true, force: true });
    },
    async orphanRows() {
      return raw((db) => (db.prepare('SELECT count(*) AS n FROM dataset_chunks WHERE dataset_id NOT IN (SELECT id FROM datasets)').get() as { n: number }).n);
    },
    async integrityProblems() {
      return raw((db) => {
        const problems: string[] = [];
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') problems.push(`integrity_check: ${String(check)}`);
        const counts = db
          .prepare('SELECT d.id, d.respondents, coalesce(sum(c.row_count), 0) AS stored FROM datasets d LEFT JOIN dataset_chunks c ON c.dataset_id = d.id GROUP BY d.id')
          .all() as { id: string; respondents: number; stored: number }[];
        for (const c of counts) if (c.respondents !== c.stored) problems.push(`${c.id}: ${c.stored} rows stored, ${c.respondents} respondents`);
        return problems;
      });
    },
    async schemaVersions() {
      return raw((db) => (db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[]).map((r) => r.version));
    },
    migrationVersions: MIGRATIONS.map((m) => m.version),
    async recordSchemaVersion(version) {
      raw((db) => db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(version), false);
    },
    async refuseWritesHalfway() {
      raw((db) => db.exec("CREATE TRIGGER fail_third_chunk BEFORE INSERT ON dataset_chunks WHEN NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'injected failure'); END"), false);
      return async () => void raw((db) => db.exec('DROP TRIGGER fail_third_chunk'), false);
    },
    killerArgs() {
      walBeforeKill = statSync(wal()).size;
      return [dir, '200000'];
    },
    async evidenceOfOpenWrite() {
      // The child's open transaction has spilled uncommitted pages into the WAL file by now.
      const grown = statSync(wal()).size - walBeforeKill;
      expect(grown).toBeGreaterThan(1_000_000);
      return `the WAL file grew by ${(grown / 1e6).toFixed(1)} MB of uncommitted pages`;
    },
    async afterKill() {},
    async versionTwoWithDataset(dataset) {
      // As versions 1 and 2 wrote a dataset: one row without revision, then its rows in one deflated chunk.
      return raw((db) => {
        db.pragma('journal_mode = WAL');
        migrate(db, MIGRATIONS.slice(0, 2));
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
  };
}

runDatasetStoreContract('SQLite', sqliteHarness());

describe('SqliteDatasetStore specifics', () => {
  let dir: string;
  let store: SqliteDatasetStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dataset-store-'));
    store = openSqliteDatasetStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the database in WAL mode, at the newest schema version, and reports its file size', async () => {
    const rows = studyG.rows.slice(0, 2000);
    await store.put({ name: 'x', codebook, header: studyG.header, rows });
    await store.close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: MIGRATIONS[MIGRATIONS.length - 1].version });
    db.close();
    store = openSqliteDatasetStore({ dataDir: dir });
  });

  it('migration 3 carries the audit log over whole, and its ids are still never reused', async () => {
    const old = path.join(dir, 'v2');
    mkdirSync(old);
    const db = new Database(path.join(old, DATABASE_FILE));
    migrate(db, MIGRATIONS.slice(0, 2));
    const insert = db.prepare("INSERT INTO audit_log (at, actor, action, target, detail) VALUES ('2026-01-01T00:00:00.000Z', 'alice', ?, NULL, ?)");
    for (const [action, detail] of [['login.success', '{"i":1}'], ['dataset.upload', '{"i":2}'], ['dataset.delete', '{"i":3}']]) insert.run(action, detail);
    db.prepare('DELETE FROM audit_log WHERE id = 3').run(); // the high-water mark (3) is above the last id left (2)
    db.close();
    const accounts = openSqliteAccountStore({ dataDir: old });
    try {
      expect((await accounts.listAudit()).map((e) => [e.id, e.action, e.detail])).toEqual([
        [2, 'dataset.upload', { i: 2 }],
        [1, 'login.success', { i: 1 }],
      ]);
      const next = await accounts.appendAudit({ actor: 'alice', action: 'dataset.codebook', target: null, detail: {} });
      expect(next.id).toBe(4);
      await expect(accounts.appendAudit({ actor: 'alice', action: 'dataset.hack' as never, target: null, detail: {} })).rejects.toThrow();
    } finally {
      await accounts.close();
    }
    const check = new Database(path.join(old, DATABASE_FILE), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'audit_log%'").all()).toEqual([{ name: 'audit_log' }]);
    expect(() => check.prepare("INSERT INTO audit_log (at, action, detail) VALUES ('x', 'bogus', '{}')").run()).toThrow();
    check.close();
  });

  it('refuses a database from a newer program when it opens (synchronously)', async () => {
    await store.close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.prepare('INSERT INTO schema_version (version) VALUES (999)').run();
    db.close();
    expect(() => openSqliteDatasetStore({ dataDir: dir })).toThrow(/schema version 999/);
    store = openSqliteDatasetStore({ dataDir: path.join(dir, 'other') });
  });
});

describe('configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dataset-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the data directory from DATA_DIR, default ./.data', () => {
    expect(dataDirFromEnv({} as NodeJS.ProcessEnv)).toBe(path.resolve('.data'));
    expect(dataDirFromEnv({ DATA_DIR: '/srv/x' } as unknown as NodeJS.ProcessEnv)).toBe('/srv/x');
  });

  it('getDatasetStore is one store per process, in DATA_DIR (created if missing)', async () => {
    const saved = { dataDir: process.env.DATA_DIR, url: process.env.DATABASE_URL };
    process.env.DATA_DIR = path.join(dir, 'nested', 'data');
    delete process.env.DATABASE_URL;
    try {
      const a = getDatasetStore();
      expect(getDatasetStore()).toBe(a);
      await a.put({ name: 'via env', codebook, header: studyG.header, rows: studyG.rows.slice(0, 5) });
      expect(statSync(path.join(dir, 'nested', 'data', DATABASE_FILE)).isFile()).toBe(true);
      await closeDatasetStore();
      const b = getDatasetStore();
      expect(b).not.toBe(a);
      expect((await b.list()).map((d) => d.name)).toEqual(['via env']);
      await closeDatasetStore();
    } finally {
      if (saved.dataDir === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved.dataDir;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    }
  });
});
