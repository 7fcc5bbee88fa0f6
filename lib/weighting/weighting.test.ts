import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptance, type AcceptanceCell, type AcceptanceTable } from '../analysis/acceptance';
import type { Codebook } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { BLANK_LEVEL, selectWeight } from '../survey/weights';
import { computeWeighting, type WeightingRequest } from './compute';
import { loadFixture as load, margin, withSavedWeight } from './fixtures/loadFixtures';

/*
 * Expected values: fixtures/weighting.R (R 4.2.2, survey 4.1-1), written to weighting_expected.json.
 *   W1: stats/fixtures/survey_300.csv from its base weight, raked on gender, age band, country:
 *       rake(svydesign(ids = ~1, weights = ~weight, data), list(~gender, ~age_band, ~country), pop,
 *            control = list(maxit = 100, epsilon = 1e-10))
 *   W2: analysis/fixtures/survey_2000.csv unweighted, raked on gender, country and trust bands (blank
 *       and 9 a level of their own), by rake() as W1 and by
 *       calibrate(des, margins, pop, calfun = "raking", bounds = c(0.8, 1.3), maxit = 100, epsilon = 1e-10)
 * The engine's cells are compared with, for y = item in 4-5 over the respondents asked:
 *   share and se    svymean(~y, subset(rdes, !is.na(y) & cell))            (calibrated)
 *   seFixed         svymean(~y, subset(svydesign(ids = ~1, weights = ~wr, data = asked), cell))
 *   ciLogit         svyciprop(~y, subset(rdes, !is.na(y) & cell), method = "logit")
 *   ci              Wilson on p(1 - p)/se^2
 *   vsRest          svyttest(y ~ cell, subset(rdes, !is.na(y) & filter)); p.adjust(.., "BH")
 *   pooled items    svyratio(~a, ~m, rdes); per age band svyratio(~a_in + a_out, ~m_in + m_out, rdes, covmat = TRUE)
 */
type Pair = [number, number];
interface CellExpected {
  item: string;
  level: string;
  n: number;
  p: number;
  se: number;
  se_fixed: number | null;
  logit: Pair;
  wilson: Pair;
  vs_rest: { diff: number; se: number; df: number; p: number; p_adjusted: number };
}
interface DesignExpected {
  weights: number[];
  achieved: { margin: string; levels: string[]; shares: number[] }[];
  quantiles: number[];
  mean: number;
  cv: number;
  ratio: Pair;
  n_eff: number;
  deff: number;
  by_country: CellExpected[];
  female_by_country: CellExpected[];
  trust_cell?: CellExpected[];
  pooled: { overall: { p: number; se: number; se_fixed: number }; age_band: { level: string; p: number; se: number; rest: number; diff_se: number }[] };
}
const R = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/weighting_expected.json'), 'utf8')) as { W1: DesignExpected; W2: { rake: DesignExpected; bounded: DesignExpected } };

const close = (a: number | null | undefined, b: number | null | undefined, tol = 1e-9) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - (b as number))).toBeLessThan(tol);
};

function compareCells(table: AcceptanceTable, dimension: string, expected: CellExpected[], fixed: boolean) {
  expect(table.weight.calibrated).toBe(true);
  for (const e of expected) {
    const cell = table.cells.find((c) => c.key.item === e.item && c.key[dimension] === e.level) as AcceptanceCell;
    expect(cell, `${e.item} ${e.level}`).toBeDefined();
    expect(cell.respondents).toBe(e.n);
    expect(cell.smallBase).toBe(false);
    close(cell.share, e.p);
    close(cell.se, e.se);
    if (fixed) close(cell.seFixed, e.se_fixed);
    // svyciprop gets the logit interval from a quasibinomial svyglm fit: equal to the glm's tolerance.
    close(cell.ciLogit!.lower, e.logit[0], 1e-8);
    close(cell.ciLogit!.upper, e.logit[1], 1e-8);
    close(cell.ci!.lower, e.wilson[0]);
    close(cell.ci!.upper, e.wilson[1]);
    expect(cell.vsRest!.df).toBe(e.vs_rest.df);
    close(cell.vsRest!.diff, e.vs_rest.diff);
    close(cell.vsRest!.se, e.vs_rest.se);
    close(cell.vsRest!.pValue, e.vs_rest.p);
    close(cell.vsRest!.pAdjusted, e.vs_rest.p_adjusted);
  }
}

function check(name: string, fixture: () => { text: string; codebook: Codebook; data: SurveyData }, request: WeightingRequest, expected: DesignExpected, extra?: { by: string; cells: CellExpected[] }) {
  describe(name, () => {
    const { text, codebook, data } = fixture();
    const outcome = computeWeighting(data, request);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { weights, report, spec } = outcome;
    const weighted = withSavedWeight(text, codebook, weights, { ...spec, createdAt: '2026-01-01T00:00:00.000Z' });

    it('makes the weights R makes (1e-9 relative)', () => {
      expect(report.converged).toBe(true);
      let worst = 0;
      expected.weights.forEach((r, i) => (worst = Math.max(worst, Math.abs(weights[i] - r) / r)));
      expect(worst).toBeLessThan(1e-9);
    });

    it('reports achieved shares, the weight summary, the Kish base, efficiency and design effect as R computes them', () => {
      for (const m of expected.achieved) {
        const own = report.margins.find((x) => x.attribute === (m.margin === 'trust_band' ? 'trust' : m.margin))!;
        m.levels.forEach((level, k) => {
          const mine = own.levels.find((l) => l.level === (level === '(missing)' ? BLANK_LEVEL : level))!;
          close(mine.achieved, m.shares[k]);
          expect(Math.abs(mine.achieved - mine.target)).toBeLessThan(1e-9);
        });
      }
      const s = report.summary;
      const q = [s.min, s.quantiles.p05, s.quantiles.p25, s.quantiles.median, s.quantiles.p75, s.quantiles.p95, s.max];
      q.forEach((v, k) => close(v, expected.quantiles[k]));
      close(s.mean, expected.mean);
      close(s.cv, expected.cv);
      close(s.ratioToBase.min, expected.ratio[0]);
      close(s.ratioToBase.max, expected.ratio[1]);
      close(s.effectiveBase, expected.n_eff, 1e-7);
      close(s.designEffect, expected.deff);
      close(s.efficiency, expected.n_eff / data.rowCount);
      expect(report.largestError).toBeLessThan(1e-9);
    });

    it('the engine under the saved weight gives R\'s calibrated shares, SEs, intervals and tests, with the fixed-weight SE beside them', () => {
      compareCells(acceptance(weighted, { family: 'items', by: ['item', 'country'] }), 'country', expected.by_country, true);
    });

    it('... within a filter (the rest is the filter\'s other levels)', () => {
      // Minimum base 0: R's Benjamini-Hochberg ran over every cell.
      compareCells(acceptance(weighted, { family: 'items', by: ['item', 'country'], filter: { gender: ['F'] }, minBase: 0 }), 'country', expected.female_by_country, false);
    });

    if (extra)
      it(`... by ${extra.by} in bands (blank and missing left out of the cells)`, () => {
        compareCells(acceptance(weighted, { family: 'items', by: ['item', extra.by] }), extra.by, extra.cells, true);
      });

    it('pooled items: respondents as units, as svyratio on the raked design', () => {
      const overall = acceptance(weighted, { family: 'items' }).overall;
      close(overall.share, expected.pooled.overall.p);
      close(overall.se, expected.pooled.overall.se);
      close(overall.seFixed, expected.pooled.overall.se_fixed);
      const byAge = acceptance(weighted, { family: 'items', by: ['age_band'] });
      for (const e of expected.pooled.age_band) {
        const cell = byAge.cells.find((c) => c.key.age_band === e.level)!;
        close(cell.share, e.p);
        close(cell.se, e.se);
        close(cell.vsRest!.restShare, e.rest);
        close(cell.vsRest!.se, e.diff_se);
      }
    });

    it('the unweighted and default choices of the same dataset are fixed-weight tables', () => {
      const table = acceptance(selectWeight(weighted, 'unweighted'), { family: 'items', by: ['item', 'country'] });
      expect(table.weight).toEqual({ id: 'unweighted', label: { en: 'Unweighted', nl: 'Ongewogen' }, kind: 'unweighted', calibrated: false });
      for (const cell of table.cells) expect(cell.se).toBe(cell.seFixed);
    });
  });
}

const W1_REQUEST: WeightingRequest = {
  base: 'weight',
  margins: [margin('gender', { F: 0.49, M: 0.51 }), margin('age_band', { '18-34': 0.3, '35-54': 0.35, '55+': 0.35 }), margin('country', { DE: 0.4, FR: 0.3, IT: 0.2, PL: 0.1 })],
};
const W2_MARGINS = [margin('gender', { F: 0.5, M: 0.5 }), margin('country', { DE: 0.3, FR: 0.3, IT: 0.25, PL: 0.15 }), margin('trust', { low: 0.3, mid: 0.3, high: 0.35, [BLANK_LEVEL]: 0.05 })];

const w1 = () => load('../stats/fixtures/survey_300.csv', 'fixtures/survey_300.codebook.json');
const w2 = () => load('../analysis/fixtures/survey_2000.csv', 'fixtures/survey_2000.codebook.json');
check('W1: survey_300, raked from its base weight', w1, W1_REQUEST, R.W1);
check('W2: survey_2000, raked from unweighted, trust through its bands', w2, { base: 'unweighted', margins: W2_MARGINS }, R.W2.rake, { by: 'trust', cells: R.W2.rake.trust_cell! });
check('W2: survey_2000, raked with bounds 0.8-1.3 (trimming)', w2, { base: 'unweighted', margins: W2_MARGINS, bounds: [0.8, 1.3] }, R.W2.bounded, { by: 'trust', cells: R.W2.bounded.trust_cell! });

describe('problems, not weights', () => {
  const { data } = w1();
  const codes = (outcome: ReturnType<typeof computeWeighting>) => (outcome.ok ? [] : outcome.problems.map((p) => p.code));

  it('a level with a target but no respondent is a clear message', () => {
    const noOne = computeWeighting(selectRows(data, (i) => data.attributes.get('country')!.levelOf[i] !== 3), { base: 'weight', margins: [margin('country', { DE: 0.4, FR: 0.3, IT: 0.2, PL: 0.1 })] });
    expect(codes(noOne)).toEqual(['EmptyCell']);
    expect(noOne.ok ? '' : noOne.problems[0].message.en).toMatch(/Country: PL has a target of 10% but no respondent/);
    expect(noOne.ok ? '' : noOne.problems[0].message.nl).toMatch(/Land: PL heeft een doel van 10% maar geen enkele respondent/);
  });

  it('levels with respondents need a target above 0', () => {
    expect(codes(computeWeighting(data, { base: 'weight', margins: [margin('country', { DE: 0.5, FR: 0.3, IT: 0.2 })] }))).toEqual(['MissingTarget']);
    expect(codes(computeWeighting(data, { base: 'weight', margins: [margin('country', { DE: 0.5, FR: 0.3, IT: 0.2, PL: 0 })] }))).toEqual(['ZeroTarget']);
    // trust has blanks: without a target for "no answer" they cannot be weighted.
    expect(codes(computeWeighting(data, { base: 'weight', margins: [margin('trust', { low: 0.3, mid: 0.3, high: 0.4 })] }))).toEqual(['MissingTarget']);
  });

  // Every woman of this subset is 18-34 (gender 0 = F, age 0 = 18-34), but for `almost` one aged 35-54.
  const onlyYoungWomen = (almost: boolean) => {
    const gender = data.attributes.get('gender')!.levelOf;
    const age = data.attributes.get('age_band')!.levelOf;
    const exception = Array.from({ length: data.rowCount }, (_, i) => i).find((i) => gender[i] === 0 && age[i] === 1)!;
    return selectRows(data, (i) => gender[i] === 1 || age[i] === 0 || (almost && i === exception));
  };
  const contradictory = [margin('gender', { F: 0.6, M: 0.4 }), margin('age_band', { '18-34': 0.2, '35-54': 0.4, '55+': 0.4 })];

  it('raking that does not converge in the sweeps allowed is a message with the largest gap', () => {
    const outcome = computeWeighting(onlyYoungWomen(true), { base: 'weight', margins: contradictory });
    expect(codes(outcome)).toEqual(['NotConverged']);
    expect(outcome.ok ? null : outcome.report?.converged).toBe(false);
    expect(outcome.ok ? '' : outcome.problems[0].message.en).toMatch(/did not converge in 100 sweeps/);
    expect(outcome.ok ? '' : outcome.problems[0].message.nl).toMatch(/convergeerde niet in 100 rondes/);
  });

  it('targets no weights can meet (raking settles away from them, which rake() calls converged) are a message', () => {
    const outcome = computeWeighting(onlyYoungWomen(false), { base: 'weight', margins: contradictory });
    expect(codes(outcome)).toEqual(['TargetsUnreachable']);
    expect(outcome.ok ? null : outcome.report?.converged).toBe(true);
  });

  it('bounds the targets cannot meet are a message', () => {
    expect(codes(computeWeighting(data, { ...W1_REQUEST, bounds: [0.95, 1.05] }))).toEqual(['BoundsInfeasible']);
    expect(codes(computeWeighting(data, { ...W1_REQUEST, bounds: [1.2, 3] }))).toEqual(['BadBounds']);
  });

  it('an efficiency under 40% is flagged', () => {
    const outcome = computeWeighting(data, { base: 'weight', margins: [margin('country', { DE: 0.01, FR: 0.01, IT: 0.01, PL: 0.97 })] });
    expect(outcome.ok && outcome.report.lowEfficiency).toBe(true);
    const mild = computeWeighting(data, W1_REQUEST);
    expect(mild.ok && mild.report.lowEfficiency).toBe(false);
  });
});

/** The dataset restricted to some rows (every column sliced). */
function selectRows(data: SurveyData, keep: (i: number) => boolean): SurveyData {
  const rows = Array.from({ length: data.rowCount }, (_, i) => i).filter(keep);
  const pick = <T extends Int8Array | Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (length: number) => T)(rows.length);
    rows.forEach((i, k) => (out[k] = a[i]));
    return out;
  };
  return {
    ...data,
    rowCount: rows.length,
    respondentIds: rows.map((i) => data.respondentIds[i]),
    weights: pick(data.weights),
    weightColumns: new Map([...data.weightColumns].map(([k, v]) => [k, pick(v)])),
    attributes: new Map([...data.attributes].map(([k, a]) => [k, { ...a, levelOf: pick(a.levelOf), ...(a.values ? { values: pick(a.values) } : {}) }])),
    items: new Map([...data.items].map(([k, it]) => [k, { ...it, answerOf: pick(it.answerOf) }])),
  };
}
