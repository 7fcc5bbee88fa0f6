import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runAccountStoreContract, type AccountStoreHarness } from './accountStore.contract';
import { newDatasetSummary } from './datasetStore';
import { openPostgresAccountStore, PostgresAccountStore } from './postgresAccountStore';
import { migratePostgres } from './postgresConnection';
import { openPostgresDatasetStore } from './postgresDatasetStore';
import { POSTGRES_MIGRATIONS } from './postgresMigrations';
import { encodeLine } from './postgresRowCodec';
import { closeAccountStore, getAccountStore, openAccountStoreFromEnv } from './storeFromEnv';
import { skipPostgresTests, throwawayPostgres, type ThrowawayPostgres } from './testing/throwawayPostgres';

/**
 * The same contract as SQLite, on a throwaway PostgreSQL cluster this file starts itself (see
 * testing/pgCluster.ts); every test gets a new database in it. Without PostgreSQL installed this
 * FAILS, unless ALLOW_SKIP_POSTGRES_TESTS=1 says to skip.
 */


function postgresHarness(db: ThrowawayPostgres): AccountStoreHarness {
  const { sql } = db;
  return {
    freshLocation: db.freshLocation,
    async open() {
      return openPostgresAccountStore({ connectionString: db.url() });
    },
    async openDatasetStore() {
      return openPostgresDatasetStore({ connectionString: db.url() });
    },
    dropLocation: db.dropLocation,
    schemaVersions: db.schemaVersions,
    migrationVersions: POSTGRES_MIGRATIONS.map((m) => m.version),
    async versionOneWithDataset(dataset) {
      // As version 1 wrote a dataset: its row, then one row per respondent.
      const client = new pg.Client({ connectionString: db.url() });
      await client.connect();
      try {
        await migratePostgres(client, POSTGRES_MIGRATIONS.slice(0, 1));
        const summary = newDatasetSummary(dataset, randomUUID());
        await client.query('BEGIN');
        await client.query('INSERT INTO datasets (id, name, study_style, respondents, added_at, synthetic, codebook, header) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          summary.id,
          encodeLine([summary.name]),
          summary.studyStyle,
          dataset.rows.length,
          summary.addedAt,
          summary.synthetic,
          JSON.stringify(dataset.codebook),
          JSON.stringify(dataset.header),
        ]);
        for (const [i, row] of dataset.rows.entries())
          await client.query('INSERT INTO dataset_rows (dataset_id, row_no, line) VALUES ($1, $2, $3)', [summary.id, i + 1, encodeLine(row)]);
        await client.query('COMMIT');
        return summary.id;
      } finally {
        await client.end();
      }
    },
    async storedSessions() {
      return Number((await sql<{ n: string }>('SELECT count(*) AS n FROM sessions'))[0].n);
    },
    childArgs() {
      return ['postgres', db.url()];
    },
  };
}

describe.skipIf(skipPostgresTests)('PostgreSQL', () => {
  const db = throwawayPostgres();

  runAccountStoreContract('PostgreSQL', postgresHarness(db));

  describe('PostgresAccountStore specifics', () => {
    it('the database itself refuses roles, actions and detail outside the schema', async () => {
      const url = await db.cluster().createDatabase();
      const store = openPostgresAccountStore({ connectionString: url });
      try {
        await store.countUsers();
        await expect(
          db.cluster().sql("INSERT INTO users (id, username, username_key, role, password_hash) VALUES ($1, 'x', 'x', 'root', 'h')", [randomUUID()], url),
        ).rejects.toThrow(/check constraint/);
        await expect(db.cluster().sql("INSERT INTO audit_log (action, detail) VALUES ('user.hack', '{}')", [], url)).rejects.toThrow(/check constraint/);
        await expect(db.cluster().sql("INSERT INTO audit_log (action, detail) VALUES ('logout', '{not json')", [], url)).rejects.toThrow(/json/i);
      } finally {
        await store.close();
      }
    });

    it('a demotion waits for a concurrent transaction holding the users table', async () => {
      const url = await db.cluster().createDatabase();
      const store = openPostgresAccountStore({ connectionString: url });
      const holder = new pg.Client({ connectionString: url });
      try {
        const a = await store.createUser({ username: 'a', role: 'admin', passwordHash: 'h' });
        const b = await store.createUser({ username: 'b', role: 'admin', passwordHash: 'h' });
        await holder.connect();
        // Another instance in the middle of demoting b (it has taken the lock and written).
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
        await holder.query("UPDATE users SET role = 'analyst' WHERE id = $1", [b.id]);
        let settled = false;
        const demoteA = store.updateUser(a.id, { role: 'analyst' }).finally(() => (settled = true));
        demoteA.catch(() => undefined);
        await new Promise((r) => setTimeout(r, 300));
        expect(settled).toBe(false);
        await holder.query('COMMIT');
        await expect(demoteA).rejects.toMatchObject({ code: 'LastAdmin' });
      } finally {
        await holder.end().catch(() => undefined);
        await store.close();
      }
    });

    it('says clearly when the server cannot be reached', async () => {
      const store = openPostgresAccountStore({ connectionString: `postgres://postgres@127.0.0.1:${db.cluster().port + 1000}/none` });
      await expect(store.countUsers()).rejects.toThrow(/ECONNREFUSED|connect/);
      await store.close();
    });
  });
});

describe('choosing the account store from the environment', () => {
  it('takes PostgreSQL for DATABASE_URL, with the same refusals as the dataset store', async () => {
    const store = openAccountStoreFromEnv({ DATABASE_URL: 'postgresql://u@127.0.0.1:1/db' } as unknown as NodeJS.ProcessEnv);
    expect(store).toBeInstanceOf(PostgresAccountStore);
    await store.close();
    expect(() => openAccountStoreFromEnv({ DATABASE_URL: 'mysql://root:secret@db/x' } as unknown as NodeJS.ProcessEnv)).toThrow(/not a PostgreSQL URL/);
    expect(() => openAccountStoreFromEnv({ DATABASE_URL: 'postgres://h/db', DATABASE_POOL_SIZE: 'lots' } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('getAccountStore uses DATABASE_URL when set', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/none';
    try {
      await closeAccountStore();
      expect(getAccountStore()).toBeInstanceOf(PostgresAccountStore);
      expect(getAccountStore()).toBe(getAccountStore());
    } finally {
      await closeAccountStore();
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
