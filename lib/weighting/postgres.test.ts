import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { loadStoredSurvey } from '../storage/datasetStore';
import { migratePostgres } from '../storage/postgresConnection';
import { openPostgresAccountStore } from '../storage/postgresAccountStore';
import { openPostgresDatasetStore } from '../storage/postgresDatasetStore';
import { POSTGRES_MIGRATIONS } from '../storage/postgresMigrations';
import { skipPostgresTests, throwawayPostgres } from '../storage/testing/throwawayPostgres';
import { parseCsv } from '../survey/dataset';
import { datasetWeights, defaultWeightId, selectWeight } from '../survey/weights';
import { computeWeighting, type WeightingRequest } from './compute';
import { loadFixture, margin } from './fixtures/loadFixtures';
import { deleteWeight, saveWeighting, setDefaultWeight } from './store';

/**
 * A raked weight on PostgreSQL, from a fresh database: migrations 1 to 5 in order (4 lets the audit
 * log record weights saved, deleted and made the default), then a weighting saved through the
 * store's atomic replace, read back by a second connection as the same weights, the same spec and
 * the same calibrated figures as computed before storing. On a throwaway cluster this file starts
 * (lib/storage/testing/pgCluster.ts); without PostgreSQL it fails unless ALLOW_SKIP_POSTGRES_TESTS=1.
 */
const REQUEST: WeightingRequest = {
  base: 'weight',
  margins: [margin('gender', { F: 0.49, M: 0.51 }), margin('age_band', { '18-34': 0.3, '35-54': 0.35, '55+': 0.35 }), margin('country', { DE: 0.4, FR: 0.3, IT: 0.2, PL: 0.1 })],
};

describe.skipIf(skipPostgresTests)('a raked weight on PostgreSQL (migrations 1-5)', () => {
  const db = throwawayPostgres();

  it('migrates a fresh database 1..5, stores a raked weight atomically and reads it back with its spec and calibrated SEs', async () => {
    await db.freshLocation();
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    try {
      expect(await migratePostgres(client, POSTGRES_MIGRATIONS)).toBe(5);
    } finally {
      await client.end();
    }
    expect(await db.schemaVersions()).toEqual([1, 2, 3, 4, 5]);

    // Migration 4: the audit log takes the weight actions (the check constraint refused them before).
    const accounts = openPostgresAccountStore({ connectionString: db.url() });
    try {
      for (const action of ['dataset.weight.save', 'dataset.weight.delete', 'dataset.weight.default'] as const) await accounts.appendAudit({ actor: null, action, target: 'x', detail: { weight: 'census' } });
      expect((await accounts.listAudit()).map((e) => e.action)).toEqual(expect.arrayContaining(['dataset.weight.save', 'dataset.weight.delete', 'dataset.weight.default']));
    } finally {
      await accounts.close();
    }

    const fixture = loadFixture('../stats/fixtures/survey_300.csv', 'fixtures/survey_300.codebook.json');
    const { header, rows } = parseCsv(readFileSync(path.join(__dirname, '../stats/fixtures/survey_300.csv'), 'utf8'));
    const expected = computeWeighting(fixture.data, REQUEST);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));

    const store = openPostgresDatasetStore({ connectionString: db.url() });
    let id = '';
    let weightId = '';
    try {
      ({ id } = await store.put({ name: 'survey 300', codebook: fixture.codebook, header, rows }));
      const saved = (await saveWeighting(store, id, { name: 'Raked to census margins', request: REQUEST, makeDefault: true, now: '2026-12-02T12:00:00.000Z' }))!;
      weightId = saved.weight.id;
      expect(saved.dataset.revision).toBe(2);
      expect(saved.weight).toMatchObject({ kind: 'raked', label: { en: 'Raked to census margins' } });
    } finally {
      await store.close();
    }

    // A second connection reads what was committed.
    const again = openPostgresDatasetStore({ connectionString: db.url() });
    try {
      const stored = (await again.get(id))!;
      expect(stored.revision).toBe(2);
      const weight = datasetWeights(stored.codebook).find((w) => w.id === weightId)!;
      expect(weight.spec).toMatchObject({ base: 'weight', margins: REQUEST.margins, createdAt: '2026-12-02T12:00:00.000Z' });
      expect(defaultWeightId(stored.codebook)).toBe(weightId);
      const column = stored.header.indexOf(weight.column);
      stored.rows.forEach((row, i) => expect(Math.abs(Number(row[column]) - expected.weights[i]) / expected.weights[i]).toBeLessThan(1e-12));

      // The same calibrated figures as the weighting computed before it was stored.
      const data = loadStoredSurvey(stored);
      expect(data.weight).toMatchObject({ id: weightId, kind: 'raked', isDefault: true });
      expect(data.weight.calibration).not.toBeNull();
      const table = acceptance(data, { family: 'items', by: ['item', 'country'] });
      expect(table.weight.calibrated).toBe(true);
      for (const cell of table.cells) expect(cell.se).not.toBe(cell.seFixed);
      const unweighted = acceptance(selectWeight(data, 'unweighted'), { family: 'items', by: ['item', 'country'] });
      expect(table.cells[0].share).not.toBe(unweighted.cells[0].share);

      // The default back to the column weight, then the raked weight deleted: its column goes too.
      await setDefaultWeight(again, id, 'weight');
      const after = (await deleteWeight(again, id, weightId))!;
      expect(after.revision).toBe(4);
      const gone = (await again.get(id))!;
      expect(gone.header).not.toContain(weight.column);
      expect(datasetWeights(gone.codebook).map((w) => w.id)).not.toContain(weightId);
    } finally {
      await again.close();
    }
  }, 240_000);
});
