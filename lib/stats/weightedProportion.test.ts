import { describe, expect, it } from 'vitest';
import { emptySums, sumsOf } from './cellSums';
import { weightedProportion } from './weightedProportion';
import { bondCells, edgeCells } from './fixtures/loadFixtures';

// R values: Rscript oracle.R fixtures/spec_survey_300.json (bond_top2 = bond in 4:5, blanks excluded)
// and fixtures/spec_edge_cases.json; each `p` is coef(svymean(~y, subset(des, cell))).
describe('weightedProportion', () => {
  it('matches svymean overall and per group (survey_300.csv)', () => {
    const { overall, country, gender } = bondCells();
    // R: svymean(~y, svydesign(ids=~1, weights=~weight, data=d)) -> 0.342573463819111
    expect(weightedProportion(overall)).toBeCloseTo(0.342573463819111, 9);
    // R: svymean(~y, subset(des, country=="DE")) -> 0.301043833766187
    expect(weightedProportion(country.DE)).toBeCloseTo(0.301043833766187, 9);
    // R: svymean(~y, subset(des, country=="FR")) -> 0.216619822877446
    expect(weightedProportion(country.FR)).toBeCloseTo(0.216619822877446, 9);
    // R: svymean(~y, subset(des, country=="IT")) -> 0.473858541038928
    expect(weightedProportion(country.IT)).toBeCloseTo(0.473858541038928, 9);
    // R: svymean(~y, subset(des, country=="PL")) -> 0.470977112329168
    expect(weightedProportion(country.PL)).toBeCloseTo(0.470977112329168, 9);
    // R: svymean(~y, subset(des, gender=="F")) -> 0.352390250687073
    expect(weightedProportion(gender.F)).toBeCloseTo(0.352390250687073, 9);
    // R: svymean(~y, subset(des, gender=="M")) -> 0.333898280576138
    expect(weightedProportion(gender.M)).toBeCloseTo(0.333898280576138, 9);
  });

  it('handles all-positive, none-positive, single and zero-weight cells (edge_cases.csv)', () => {
    const { overall, group } = edgeCells();
    // R: svymean(~y, des) on edge_cases.csv -> 0.525793650793651
    expect(weightedProportion(overall)).toBeCloseTo(0.525793650793651, 9);
    // R: svymean(~y, subset(des, g=="A")) -> 1 (all positive)
    expect(weightedProportion(group.A)).toBe(1);
    // R: svymean(~y, subset(des, g=="B")) -> 0 (none positive)
    expect(weightedProportion(group.B)).toBe(0);
    // R: svymean(~y, subset(des, g=="C")) -> 1 (a single respondent)
    expect(weightedProportion(group.C)).toBe(1);
    // R: svymean(~y, subset(des, g=="D")) -> 0.591836734693878 (two rows with weight 0)
    expect(weightedProportion(group.D)).toBeCloseTo(0.591836734693878, 9);
    // R: svymean(~y, subset(des, g=="E")) -> 0.315
    expect(weightedProportion(group.E)).toBeCloseTo(0.315, 9);
  });

  it('throws a zero-base RangeError for an empty cell or one whose weights are all 0', () => {
    expect(() => weightedProportion(emptySums())).toThrow(RangeError);
    expect(() => weightedProportion(emptySums())).toThrow(/zero base/);
    // R: svymean(~y, subset(des_z, g=="Z")) with weights c(0, 0) -> NaN (fixtures/edge_cases.R)
    expect(() => weightedProportion(sumsOf([1, 0], [0, 0]))).toThrow(/zero base.*2 respondents/);
  });

  it('rejects sums that cannot come from a 0/1 outcome', () => {
    expect(() => weightedProportion({ n: 1, sumW: 1, sumWY: 2, sumW2: 1, sumW2Y: 4 })).toThrow(RangeError);
    expect(() => weightedProportion({ n: 1, sumW: NaN, sumWY: 0, sumW2: 1, sumW2Y: 0 })).toThrow(/invalid cell sums/);
    expect(() => weightedProportion({ n: 1, sumW: -1, sumWY: 0, sumW2: 1, sumW2Y: 0 })).toThrow(/invalid cell sums/);
  });
});
