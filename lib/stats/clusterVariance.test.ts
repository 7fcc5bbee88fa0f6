import { describe, expect, it } from 'vitest';
import { clusterVariance } from './clusterVariance';
import { proportionStandardError } from './proportionStandardError';
import { sumsOf } from './cellSums';
import { loadSurvey300, type Respondent } from './fixtures/loadFixtures';

// R values: Rscript fixtures/cluster_variance.R -- survey_300.csv in long form (one row per
// respondent x item1..item3, y = rating in 4:5, blank ratings dropped: 873 rows, 300 respondents),
// des = svydesign(ids=~resp, weights=~w, data=long).

/** Per-respondent linearised totals z_h = Σ_{h's ratings in the cell} w (y − p) / W, 0 outside it. */
function linearisedTotals(rows: Respondent[], inCell: (r: Respondent) => boolean): { p: number; z: number[] } {
  let sw = 0;
  let swy = 0;
  for (const r of rows) {
    if (!inCell(r)) continue;
    for (const y of r.items) if (y !== null) { sw += r.weight; swy += r.weight * y; }
  }
  const p = swy / sw;
  const z = rows
    .filter((r) => r.items.some((y) => y !== null)) // PSUs of the design: respondents with a rating
    .map((r) => {
      if (!inCell(r)) return 0;
      let t = 0;
      for (const y of r.items) if (y !== null) t += (r.weight * (y - p)) / sw;
      return t;
    });
  return { p, z };
}

describe('clusterVariance', () => {
  const rows = loadSurvey300();

  it('matches svymean with respondents as PSUs, whole design', () => {
    const { p, z } = linearisedTotals(rows, () => true);
    // R: length(unique(long$resp)) -> 300
    expect(z.length).toBe(300);
    // R: coef(svymean(~y, des)) -> 0.42439129676315196
    expect(p).toBeCloseTo(0.42439129676315196, 12);
    // R: SE(svymean(~y, des))^2 -> 0.00054928494249427461
    expect(clusterVariance(z)).toBeCloseTo(0.00054928494249427461, 12);
    // R: SE(svymean(~y, des)) -> 0.023436828763599281
    expect(Math.sqrt(clusterVariance(z))).toBeCloseTo(0.023436828763599281, 9);
  });

  it('matches svymean on a domain, keeping every PSU of the design', () => {
    const f = linearisedTotals(rows, (r) => r.gender === 'F');
    // R: coef(svymean(~y, subset(des, gender == 'F'))) -> 0.45379742782920496
    expect(f.p).toBeCloseTo(0.45379742782920496, 12);
    // R: SE(svymean(~y, subset(des, gender == 'F'))) -> 0.033184953560056858
    expect(Math.sqrt(clusterVariance(f.z))).toBeCloseTo(0.033184953560056858, 9);
    const pl = linearisedTotals(rows, (r) => r.country === 'PL');
    // R: SE(svymean(~y, subset(des, country == 'PL')))^2 -> 0.0026483017783507359
    expect(clusterVariance(pl.z)).toBeCloseTo(0.0026483017783507359, 12);
    // R: SE(svymean(~y, subset(des, country == 'PL'))) -> 0.051461653474706152
    expect(Math.sqrt(clusterVariance(pl.z))).toBeCloseTo(0.051461653474706152, 9);
  });

  it('differs from treating the ratings as independent rows (which proportionStandardError does)', () => {
    const y: number[] = [];
    const w: number[] = [];
    for (const r of rows) for (const v of r.items) if (v !== null) { y.push(v); w.push(r.weight); }
    expect(y.length).toBe(873);
    // R: SE(svymean(~y, svydesign(ids=~1, weights=~w, data=long))) -> 0.018745757931212081
    expect(proportionStandardError(sumsOf(y, w), y.length)).toBeCloseTo(0.018745757931212081, 9);
  });

  it('centres the totals and scales by n/(n-1)', () => {
    // (0.1^2 + 0.05^2 + 0.05^2) * 3/2 = 0.0225
    expect(clusterVariance([0.1, -0.05, -0.05])).toBeCloseTo(0.0225, 15);
    // mean 2: ((1-2)^2 + (3-2)^2) * 2/1 = 4
    expect(clusterVariance(new Float64Array([1, 3]))).toBeCloseTo(4, 15);
  });

  it('throws for fewer than 2 PSUs or a non-finite total', () => {
    // R: svymean on a design with one PSU -> Error "Design has only one primary sampling unit"
    expect(() => clusterVariance([0.3])).toThrow(/at least 2 PSUs/);
    expect(() => clusterVariance([])).toThrow(RangeError);
    expect(() => clusterVariance([0.1, NaN])).toThrow(/index 1/);
    expect(() => clusterVariance([0.1, Infinity])).toThrow(RangeError);
  });
});
