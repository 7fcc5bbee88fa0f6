import { describe, expect, it } from 'vitest';
import { emptySums, sumsOf } from './cellSums';
import { proportionStandardError, proportionVariance } from './proportionStandardError';
import { bondCells, edgeCells } from './fixtures/loadFixtures';

// R values: Rscript oracle.R fixtures/spec_*.json; se = SE(svymean(~y, subset(des, cell))) with
// des = svydesign(ids=~1, weights=~w, data), equal to svyby's SE (se_svyby).
describe('proportionStandardError', () => {
  it('matches svymean overall and per group, with the design n (survey_300.csv)', () => {
    const { overall, country, gender, nDesign } = bondCells();
    expect(nDesign).toBe(284);
    // R: SE(svymean(~y, des)) -> 0.0316381240435684
    expect(proportionStandardError(overall, nDesign)).toBeCloseTo(0.0316381240435684, 9);
    // R: SE(svymean(~y, subset(des, country=="DE"))) -> 0.0520546113698999
    expect(proportionStandardError(country.DE, nDesign)).toBeCloseTo(0.0520546113698999, 9);
    // R: SE(svymean(~y, subset(des, country=="FR"))) -> 0.0513363315652712
    expect(proportionStandardError(country.FR, nDesign)).toBeCloseTo(0.0513363315652712, 9);
    // R: SE(svymean(~y, subset(des, country=="IT"))) -> 0.072852247161211
    expect(proportionStandardError(country.IT, nDesign)).toBeCloseTo(0.072852247161211, 9);
    // R: SE(svymean(~y, subset(des, country=="PL"))) -> 0.0806071199575663
    expect(proportionStandardError(country.PL, nDesign)).toBeCloseTo(0.0806071199575663, 9);
    // R: SE(svymean(~y, subset(des, gender=="F"))) -> 0.047732759447859
    expect(proportionStandardError(gender.F, nDesign)).toBeCloseTo(0.047732759447859, 9);
    // R: SE(svymean(~y, subset(des, gender=="M"))) -> 0.0421158520107085
    expect(proportionStandardError(gender.M, nDesign)).toBeCloseTo(0.0421158520107085, 9);
    // R: the same SE squared, FR: 0.0513363315652712^2
    expect(proportionVariance(country.FR, nDesign)).toBeCloseTo(0.0513363315652712 ** 2, 12);
  });

  it('uses the design n, not the cell n, for a domain', () => {
    const { country } = bondCells();
    // with the cell's own n (73) the SE is different from R's 0.0513363315652712
    expect(Math.abs(proportionStandardError(country.FR, 73) - 0.0513363315652712)).toBeGreaterThan(1e-4);
  });

  it('is 0 for all / none positive and a single respondent; counts zero-weight rows in n', () => {
    const { overall, group, nDesign } = edgeCells();
    expect(nDesign).toBe(22);
    // R: SE(svymean(~y, des)) on edge_cases.csv (22 rows, 2 with weight 0) -> 0.12362513575476
    expect(proportionStandardError(overall, nDesign)).toBeCloseTo(0.12362513575476, 9);
    // R: SE(svymean(~y, subset(des, g=="D"))) -> 0.261307630996563
    expect(proportionStandardError(group.D, nDesign)).toBeCloseTo(0.261307630996563, 9);
    // R: SE(svymean(~y, subset(des, g=="E"))) -> 0.176788490454393
    expect(proportionStandardError(group.E, nDesign)).toBeCloseTo(0.176788490454393, 9);
    // R: SE(svymean(~y, subset(des, g=="A"))) -> 0 (all positive)
    expect(proportionStandardError(group.A, nDesign)).toBe(0);
    // R: SE(svymean(~y, subset(des, g=="B"))) -> 0 (none positive)
    expect(proportionStandardError(group.B, nDesign)).toBe(0);
    // R: SE(svymean(~y, subset(des, g=="C"))) -> 0 (one respondent)
    expect(proportionStandardError(group.C, nDesign)).toBe(0);
  });

  it('throws on a zero base, a one-row design or a design smaller than the cell', () => {
    expect(() => proportionStandardError(emptySums(), 10)).toThrow(/zero base/);
    expect(() => proportionStandardError(sumsOf([1, 0], [0, 0]), 10)).toThrow(/zero base/);
    // R: svymean(~y, svydesign(ids=~1, weights=~w, data=data.frame(y=1, w=2)))
    //    -> Error "Design has only one primary sampling unit" (fixtures/edge_cases.R)
    expect(() => proportionStandardError(sumsOf([1], [2]), 1)).toThrow(/at least 2 rows/);
    expect(() => proportionVariance(sumsOf([1, 0, 1], [1, 1, 1]), 2)).toThrow(/smaller than the cell/);
    expect(() => proportionVariance(sumsOf([1, 0], [1, 1]), 2.5)).toThrow(RangeError);
    expect(() => proportionVariance(sumsOf([1, 0], [1, 1]), NaN)).toThrow(RangeError);
  });
});
