import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLevels } from '../analysis/levelComparison';
import { BLANK_LEVEL, selectWeight } from '../survey/weights';
import { crossTable } from '../tables/crossTable';
import type { WeightingRequest } from './compute';
import { loadFixture, margin, rakedFixture } from './fixtures/loadFixtures';

/*
 * Two groups compared under a raked weight: /tables' column letters and /compare's two-level test.
 * Expected values: fixtures/pairs.R (R 4.2.2, survey 4.1-1), written to pairs_expected.json, on
 * weighting.R's raked designs rdes (W1: survey_300 raked from its base weight; W2: survey_2000 raked
 * from unweighted by rake(), and by calibrate(calfun = "raking", bounds = c(0.8, 1.3))):
 *   pair of columns   svyttest(y ~ ina, subset(rdes, !is.na(y) & g %in% c(A, B))), ina = (g == A):
 *                     diff, se = estimate / statistic, df = parameter (R's: n_A + n_B − 2), p.value
 *   the fixed SE      sqrt(SE_A² + SE_B²), SE_X = SE(svymean(~y, subset(svydesign(ids = ~1, weights = ~wr,
 *                     data = <rows with y and g>), g == X))): the raked weights taken as fixed
 *   items pooled      svyratio(~a_A + a_B, ~m_A + m_B, rdes, covmat = TRUE): diff, se; p from pt with n_A + n_B − 2
 *   /compare's rows   p.adjust(p, "BH") over items 1-3 and the items pooled
 * pairs.R also checks that svyttest's SE equals the same difference as two ratios on the whole raked
 * design (svyratio(~yA + yB, ~dA + dB, rdes, covmat = TRUE)): to 4e-16.
 */
interface PairExpected {
  item?: string;
  key?: string;
  a: string;
  b: string;
  n_a?: number;
  n_b?: number;
  diff: number;
  se: number;
  df: number;
  p: number;
  se_fixed?: number;
  p_adjusted?: number;
}
interface DesignPairs {
  by_country: PairExpected[];
  trust_cell?: PairExpected[];
  pooled_by_age: PairExpected[];
  compare_de_fr: PairExpected[];
}
const R = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/pairs_expected.json'), 'utf8')) as { W1: DesignPairs; W2: { rake: DesignPairs; bounded: DesignPairs } };

const close = (a: number | null | undefined, b: number | null | undefined, tol = 1e-9) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - (b as number))).toBeLessThan(tol);
};

function check(name: string, fixture: () => ReturnType<typeof loadFixture>, request: WeightingRequest, expected: DesignPairs, bands?: PairExpected[]) {
  describe(name, () => {
    const { weighted } = rakedFixture(fixture(), request);

    const tablePairs = (banner: string, pairs: PairExpected[]) => {
      // Minimum base 0: every pair tested, as R tested them.
      const table = crossTable(weighted, { rows: { kind: 'family', family: 'items' }, banner: [[banner]], minBase: 0, weighting: { kind: 'weight', id: 'census' } });
      expect(table.weighting).toMatchObject({ id: 'census', kind: 'raked', calibrated: true });
      expect(table.pairs).toHaveLength(pairs.length);
      for (const e of pairs) {
        // R's pairs are in sorted order of the codes, the table's in the codebook's: the same pair, maybe turned round.
        const pair = table.pairs.find((p) => p.item === e.item && ((p.a === e.a && p.b === e.b) || (p.a === e.b && p.b === e.a)))!;
        expect(pair, `${e.item} ${e.a} ${e.b}`).toBeDefined();
        const sign = pair.a === e.a ? 1 : -1;
        expect(pair.df).toBe(e.df);
        close(pair.diff, sign * e.diff);
        close(pair.se, e.se);
        close(pair.p, e.p);
        close(pair.seFixed, e.se_fixed);
        expect(pair.seFixed).not.toBe(pair.se);
      }
    };

    it('column letters by country: svyttest on the raked design, the fixed-weight SE beside it', () => tablePairs('country', expected.by_country));
    if (bands) it('... by trust bands (blank and 9 in no column, a level of the raking)', () => tablePairs('trust', bands));

    it('the same table unweighted and under the raked weight differ; the JSON-ready pair keeps both SEs', () => {
      const spec = { rows: { kind: 'family' as const, family: 'items' }, banner: [['country']], minBase: 0 };
      const raked = crossTable(weighted, spec);
      const plain = crossTable(weighted, { ...spec, weighting: { kind: 'weight', id: 'unweighted' } });
      expect(raked.rows[0].cells[1].share).not.toBe(plain.rows[0].cells[1].share);
      for (const pair of plain.pairs) expect(pair.seFixed).toBeCloseTo(pair.se, 15);
    });

    it('/compare: two levels item by item and pooled, tested on the raked design, BH over the rows', () => {
      const result = compareLevels(weighted, { attribute: 'country', a: 'DE', b: 'FR', family: 'items', pool: ['items'], minBase: 0 });
      expect(result.rows.map((r) => r.key)).toEqual(expected.compare_de_fr.map((e) => e.key));
      expected.compare_de_fr.forEach((e, k) => {
        const d = result.rows[k].difference!;
        expect(d.df).toBe(e.df);
        close(d.diff, e.diff);
        close(d.se, e.se);
        close(d.pValue, e.p);
        close(d.pAdjusted, e.p_adjusted);
      });
    });

    it('/compare pooled, other levels: svyratio of the two levels on the raked design', () => {
      for (const e of expected.pooled_by_age) {
        const row = compareLevels(weighted, { attribute: 'age_band', a: e.a, b: e.b, family: 'items', pool: ['items'], minBase: 0 }).rows.find((r) => r.key === 'family:items')!;
        expect(row.difference!.df).toBe(e.df);
        close(row.difference!.diff, e.diff);
        close(row.difference!.se, e.se);
        close(row.difference!.pValue, e.p);
      }
    });

    it('with the weight taken as fixed (unweighted choice), /compare adds the two levels’ variances as before', () => {
      const plain = selectWeight(weighted, 'unweighted');
      const row = compareLevels(plain, { attribute: 'country', a: 'DE', b: 'FR', family: 'items', minBase: 0 }).rows[0];
      close(row.difference!.se, Math.sqrt(row.a.se! ** 2 + row.b.se! ** 2), 1e-15);
    });
  });
}

const W1_REQUEST: WeightingRequest = {
  base: 'weight',
  margins: [margin('gender', { F: 0.49, M: 0.51 }), margin('age_band', { '18-34': 0.3, '35-54': 0.35, '55+': 0.35 }), margin('country', { DE: 0.4, FR: 0.3, IT: 0.2, PL: 0.1 })],
};
const W2_MARGINS = [margin('gender', { F: 0.5, M: 0.5 }), margin('country', { DE: 0.3, FR: 0.3, IT: 0.25, PL: 0.15 }), margin('trust', { low: 0.3, mid: 0.3, high: 0.35, [BLANK_LEVEL]: 0.05 })];
const w1 = () => loadFixture('../stats/fixtures/survey_300.csv', 'fixtures/survey_300.codebook.json');
const w2 = () => loadFixture('../analysis/fixtures/survey_2000.csv', 'fixtures/survey_2000.codebook.json');

check('W1: survey_300 raked from its base weight', w1, W1_REQUEST, R.W1);
check('W2: survey_2000 raked from unweighted', w2, { base: 'unweighted', margins: W2_MARGINS }, R.W2.rake, R.W2.rake.trust_cell);
check('W2: survey_2000 raked with bounds 0.8-1.3 (trimming)', w2, { base: 'unweighted', margins: W2_MARGINS, bounds: [0.8, 1.3] }, R.W2.bounded, R.W2.bounded.trust_cell);
