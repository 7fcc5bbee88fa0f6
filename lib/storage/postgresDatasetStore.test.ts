import { describe, expect, it } from 'vitest';
import { runDatasetStoreContract, type StoreHarness } from './datasetStore.contract';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { newDatasetSummary } from './datasetStore';
import { isPostgresUrl, migratePostgres } from './postgresConnection';
import { openPostgresDatasetStore } from './postgresDatasetStore';
import { encodeLine } from './postgresRowCodec';
import { POSTGRES_MIGRATIONS } from './postgresMigrations';
import { closeDatasetStore, getDatasetStore, openStoreFromEnv } from './storeFromEnv';
import { skipPostgresTests, throwawayPostgres, type ThrowawayPostgres } from './testing/throwawayPostgres';
import { PostgresDatasetStore } from './postgresDatasetStore';
import { SqliteDatasetStore } from './sqliteDatasetStore';

/**
 * The same contract as SQLite, on a throwaway PostgreSQL cluster this file starts itself (initdb +
 * pg_ctl on 127.0.0.1, see testing/pgCluster.ts); every test gets a new database in it.
 * Without PostgreSQL installed this FAILS, unless ALLOW_SKIP_POSTGRES_TESTS=1 says to skip.
 */

const KILLER = 'killDuringPut';

function postgresHarness(db: ThrowawayPostgres): StoreHarness {
  const { sql } = db;
  return {
    freshLocation: db.freshLocation,
    async open() {
      return openPostgresDatasetStore({ connectionString: db.url() });
    },
    dropLocation: db.dropLocation,
    async orphanRows() {
      return Number((await sql<{ n: string }>('SELECT count(*) AS n FROM dataset_rows WHERE dataset_id NOT IN (SELECT id FROM datasets)'))[0].n);
    },
    async integrityProblems() {
      const counts = await sql<{ id: string; respondents: number; stored: string; first: number | null; last: number | null }>(
        'SELECT d.id, d.respondents, count(r.row_no) AS stored, min(r.row_no) AS first, max(r.row_no) AS last FROM datasets d LEFT JOIN dataset_rows r ON r.dataset_id = d.id GROUP BY d.id, d.respondents',
      );
      return counts
        .filter((c) => Number(c.stored) !== c.respondents || (c.respondents > 0 && (c.first !== 1 || c.last !== c.respondents)))
        .map((c) => `${c.id}: ${c.stored} rows stored (numbers ${c.first}-${c.last}), ${c.respondents} respondents`);
    },
    schemaVersions: db.schemaVersions,
    migrationVersions: POSTGRES_MIGRATIONS.map((m) => m.version),
    async recordSchemaVersion(version) {
      await sql('INSERT INTO schema_version (version) VALUES ($1)', [version]);
    },
    async refuseWritesHalfway() {
      await sql(`CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.row_no = 15000 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
      await sql('CREATE TRIGGER refuse_row BEFORE INSERT ON dataset_rows FOR EACH ROW EXECUTE FUNCTION refuse_row()');
      return async () => {
        await sql('DROP TRIGGER refuse_row ON dataset_rows');
        await sql('DROP FUNCTION refuse_row()');
      };
    },
    killerArgs() {
      return [`${db.url()}?application_name=${KILLER}`, '50000'];
    },
    async evidenceOfOpenWrite() {
      // The server's own progress report of the child's COPY: rows received, not yet committed.
      for (let i = 0; i < 100; i++) {
        const progress = await sql<{ tuples_processed: string }>(
          'SELECT p.tuples_processed FROM pg_stat_progress_copy p JOIN pg_stat_activity a ON a.pid = p.pid WHERE a.application_name = $1',
          [KILLER],
        );
        const rows = Number(progress[0]?.tuples_processed ?? 0);
        if (rows >= 20_000) return `PostgreSQL had received ${rows} rows of the open COPY (pg_stat_progress_copy)`;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the child never had a COPY of 20,000 rows in progress');
    },
    async afterKill() {
      // The server notices the dropped connection and rolls its transaction back.
      for (let i = 0; i < 100; i++) {
        if ((await sql('SELECT 1 FROM pg_stat_activity WHERE application_name = $1', [KILLER])).length === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the killed connection is still open on the server after 10 s');
    },
    async storedByVersion(version, dataset) {
      // As versions 1-2 wrote a dataset (its row without revision, then one row per respondent);
      // version 3 added its revision and when it last changed; neither wrote columns.
      const client = new pg.Client({ connectionString: db.url() });
      await client.connect();
      try {
        await migratePostgres(client, POSTGRES_MIGRATIONS.slice(0, version));
        const summary = newDatasetSummary(dataset, randomUUID());
        await client.query('BEGIN');
        const values = [summary.id, encodeLine([summary.name]), summary.studyStyle, dataset.rows.length, summary.addedAt, summary.synthetic, JSON.stringify(dataset.codebook), JSON.stringify(dataset.header)];
        if (version >= 3)
          await client.query('INSERT INTO datasets (id, name, study_style, respondents, added_at, synthetic, codebook, header, revision, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $5)', values);
        else await client.query('INSERT INTO datasets (id, name, study_style, respondents, added_at, synthetic, codebook, header) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', values);
        for (const [i, row] of dataset.rows.entries())
          await client.query('INSERT INTO dataset_rows (dataset_id, row_no, line) VALUES ($1, $2, $3)', [summary.id, i + 1, encodeLine(row)]);
        await client.query('COMMIT');
        return summary.id;
      } finally {
        await client.end();
      }
    },
    bigPutTimeoutMs: 180_000,
  };
}

describe.skipIf(skipPostgresTests)('PostgreSQL', () => {
  const db = throwawayPostgres();

  runDatasetStoreContract('PostgreSQL', postgresHarness(db));

  describe('PostgresDatasetStore specifics', () => {
    it('loads rows with COPY, one per respondent, numbered in order', async () => {
      const url = await db.cluster().createDatabase();
      const store = openPostgresDatasetStore({ connectionString: url });
      try {
        const s = await store.put({ name: 'n', codebook: { studyStyle: 'X' } as never, header: ['a', 'b'], rows: [['1', 'x'], ['2', 'y\\z']] });
        const rows = await db.cluster().sql<{ row_no: number; line: string }>('SELECT row_no, line FROM dataset_rows WHERE dataset_id = $1 ORDER BY row_no', [s.id], url);
        expect(rows).toEqual([
          { row_no: 1, line: '1\x1fx' },
          { row_no: 2, line: '2\x1fy\\\\z' },
        ]);
      } finally {
        await store.close();
      }
    });

    it('reads stored columns of several megabytes (many COPY messages) back byte for byte', async () => {
      const url = await db.cluster().createDatabase();
      const store = openPostgresDatasetStore({ connectionString: url });
      try {
        const s = await store.put({ name: 'n', codebook: { studyStyle: 'X' } as never, header: ['a'], rows: [['1']] });
        // Every byte value, in an order that no chunk boundary can line up with.
        const value = Uint8Array.from({ length: 3 * 1024 * 1024 + 7 }, (_, i) => (i * 131 + (i >> 11)) & 0xff);
        expect(await store.saveColumns(s.id, s.revision, value)).toBe(true);
        const read = (await store.columns(s.id))!.columns!;
        expect(read.length).toBe(value.length);
        expect(Buffer.compare(Buffer.from(read), Buffer.from(value))).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('says clearly when the server cannot be reached, and works once it can', async () => {
      const store = openPostgresDatasetStore({ connectionString: `postgres://postgres@127.0.0.1:${db.cluster().port + 1000}/none` });
      await expect(store.list()).rejects.toThrow(/ECONNREFUSED|connect/);
      await store.close();
    });

    it('refuses a database that is not UTF8', async () => {
      await db.cluster().sql("CREATE DATABASE latin ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
      const store = openPostgresDatasetStore({ connectionString: db.cluster().url.replace(/\/postgres$/, '/latin') });
      await expect(store.list()).rejects.toThrow(/encoding is LATIN1/);
      await store.close();
    });
  });
});

describe('choosing the store from the environment', () => {
  it('takes PostgreSQL for postgres:// and postgresql:// URLs, SQLite without DATABASE_URL', async () => {
    expect(isPostgresUrl('postgres://u:p@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://h/db')).toBe(true);
    expect(isPostgresUrl('mysql://h/db')).toBe(false);
    const pg = openStoreFromEnv({ DATABASE_URL: 'postgresql://u@127.0.0.1:1/db' } as unknown as NodeJS.ProcessEnv);
    expect(pg).toBeInstanceOf(PostgresDatasetStore);
    await pg.close();
  });

  it('refuses any other DATABASE_URL with a clear message, without showing the password', () => {
    for (const url of ['mysql://root:secret@db/x', 'sqlite:///tmp/x.db', 'file:data.db'])
      expect(() => openStoreFromEnv({ DATABASE_URL: url } as unknown as NodeJS.ProcessEnv)).toThrow(/not a PostgreSQL URL.*unset DATABASE_URL/);
    expect(() => openStoreFromEnv({ DATABASE_URL: 'mysql://root:secret@db/x' } as unknown as NodeJS.ProcessEnv)).not.toThrow(/secret/);
    expect(() => openStoreFromEnv({ DATABASE_URL: 'postgres://h/db', DATABASE_POOL_SIZE: 'lots' } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('getDatasetStore uses DATABASE_URL when set', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/none';
    try {
      await closeDatasetStore();
      expect(getDatasetStore()).toBeInstanceOf(PostgresDatasetStore);
      expect(getDatasetStore()).not.toBeInstanceOf(SqliteDatasetStore);
    } finally {
      await closeDatasetStore();
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
