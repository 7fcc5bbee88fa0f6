import { describe, expect, it } from 'vitest';
import { addObservation, emptySums, subtractSums, sumsOf } from './cellSums';
import { proportionStandardError } from './proportionStandardError';
import { weightedProportion } from './weightedProportion';
import { bondCells, edgeCells, loadSurvey300 } from './fixtures/loadFixtures';

// Fixtures: fixtures/survey_300.csv (Rscript make_example.R survey_300.csv 300) with
// fixtures/spec_survey_300.json, and fixtures/edge_cases.csv with fixtures/spec_edge_cases.json;
// R values from `Rscript oracle.R SPEC.json` (saved as fixtures/oracle_*.json).

describe('sumsOf / addObservation', () => {
  it('accumulates n, Σw and Σw·y like R (bond_top2, survey_300.csv)', () => {
    const { overall, country } = bondCells();
    // R: nrow / sum(weights) / sum(w*y) of svydesign(ids=~1, weights=~weight, data=d[!is.na(d$bond),]) -> 284, 312.6471, 107.1046
    expect(overall.n).toBe(284);
    expect(overall.sumW).toBeCloseTo(312.6471, 9);
    expect(overall.sumWY).toBeCloseTo(107.1046, 9);
    // R: oracle.R, bond_top2 by country, level FR: n 73, sum_w 84.8565, sum_w_positive 18.3816
    expect(country.FR.n).toBe(73);
    expect(country.FR.sumW).toBeCloseTo(84.8565, 9);
    expect(country.FR.sumWY).toBeCloseTo(18.3816, 9);
  });

  it('addObservation one row at a time gives the same sums as sumsOf', () => {
    const rows = loadSurvey300().filter((r) => r.bondTop2 !== null);
    const s = emptySums();
    for (const r of rows) addObservation(s, r.bondTop2 as 0 | 1, r.weight);
    const { overall } = bondCells();
    expect(s).toEqual(overall);
    expect(s.n).toBe(284);
  });

  it('emptySums is all zeros', () => {
    expect(emptySums()).toEqual({ n: 0, sumW: 0, sumWY: 0, sumW2: 0, sumW2Y: 0, nNonzeroWeight: 0 });
  });

  it('computes w² sums and counts the rows with a non-zero weight', () => {
    expect(sumsOf([1, 0, 1], [2, 1, 0.5])).toEqual({
      n: 3, sumW: 3.5, sumWY: 2.5, sumW2: 5.25, sumW2Y: 4.25, nNonzeroWeight: 3,
    });
    // zero weights are allowed, as in R: the row counts in n, not in nNonzeroWeight
    expect(sumsOf([1, 0, 1], [0, 1, 2])).toEqual({
      n: 3, sumW: 3, sumWY: 2, sumW2: 5, sumW2Y: 4, nNonzeroWeight: 2,
    });
    expect(sumsOf([], [])).toEqual(emptySums());
  });

  it('rejects negative, NaN, infinite and missing weights, naming the index', () => {
    expect(() => sumsOf([1, 0, 1], [1, 1, -0.5])).toThrow(RangeError);
    expect(() => sumsOf([1, 0, 1], [1, 1, -0.5])).toThrow(/index 2.*-0\.5/);
    expect(() => sumsOf([1, 0], [NaN, 1])).toThrow(/weight at index 0.*NaN/);
    expect(() => sumsOf([1, 0], [1, Infinity])).toThrow(/weight at index 1/);
    expect(() => sumsOf([1, 0], [1, undefined as unknown as number])).toThrow(/index 1.*missing/);
    expect(() => sumsOf([1, 0], [1, null as unknown as number])).toThrow(/index 1/);
    expect(() => sumsOf([1, 0], [1, '2' as unknown as number])).toThrow(/index 1/);
  });

  it('rejects outcomes other than 0/1 and arrays of different lengths', () => {
    expect(() => sumsOf([1, 2], [1, 1])).toThrow(/outcome at index 1 must be 0 or 1/);
    expect(() => sumsOf([NaN], [1])).toThrow(/outcome at index 0/);
    expect(() => sumsOf([1, 0], [1])).toThrow(/y has 2 values but w has 1/);
  });
});

describe('subtractSums', () => {
  it('gives the rest of the base as R does (FR vs rest)', () => {
    const { overall, country, nDesign } = bondCells();
    const rest = subtractSums(overall, country.FR);
    // R: oracle.R bond_top2, country FR, rest: n 211, sum_w 227.7906, p 0.389493684111636,
    //    se = SE(svymean(~y, des[!in_FR, ])) 0.0379372129466899
    expect(rest.n).toBe(211);
    expect(rest.sumW).toBeCloseTo(227.7906, 9);
    expect(weightedProportion(rest)).toBeCloseTo(0.389493684111636, 9);
    expect(proportionStandardError(rest, nDesign)).toBeCloseTo(0.0379372129466899, 9);
  });

  it('a rest with no rows is exactly empty', () => {
    const { overall } = bondCells();
    expect(subtractSums(overall, overall)).toEqual(emptySums());
  });

  it('snaps rounding noise: an all-positive rest has p exactly 1 and SE exactly 0', () => {
    const { overall, group } = edgeCells();
    // everything but group A, accumulated in a different order than the total
    let others = emptySums();
    for (const g of ['E', 'D', 'C', 'B']) {
      others = { ...others };
      const s = group[g];
      others.n += s.n; others.sumW += s.sumW; others.sumWY += s.sumWY;
      others.sumW2 += s.sumW2; others.sumW2Y += s.sumW2Y; others.nNonzeroWeight! += s.nNonzeroWeight!;
    }
    const restA = subtractSums(overall, others);
    expect(restA.n).toBe(4);
    expect(weightedProportion(restA)).toBe(1);
    expect(proportionStandardError(restA, 22)).toBe(0);
    // R: oracle.R edge_cases, level A: sum_w 5.5
    expect(restA.sumW).toBeCloseTo(5.5, 12);
  });

  it('snaps rounding noise when the part was summed in a different order than the total', () => {
    // total rows in data order; the part is rows 2, 3, 5; the rest (rows 1, 4) is all positive
    const total = sumsOf([1, 1, 0, 1, 1], [2.27, 1.6, 0.99, 1.63, 2.26]);
    const part = sumsOf([1, 0, 1], [1.6, 0.99, 2.26]);
    // plain subtraction: Σw = 3.9000000000000004 but Σw·y = 3.9, so p would be 0.9999999999999999
    expect(total.sumW - part.sumW).not.toBe(total.sumWY - part.sumWY);
    const rest = subtractSums(total, part);
    expect(rest.n).toBe(2);
    expect(weightedProportion(rest)).toBe(1);
    expect(proportionStandardError(rest, 5)).toBe(0);
    expect(rest.sumW).toBeCloseTo(3.9, 12);
  });

  it('rejects a part that is not a subset of the total', () => {
    const small = sumsOf([1], [1]);
    const big = sumsOf([1, 0], [1, 1]);
    expect(() => subtractSums(small, big)).toThrow(/part has 2 rows but the total only 1/);
    expect(() => subtractSums(sumsOf([1, 0], [1, 1]), sumsOf([1], [5]))).toThrow(RangeError);
  });

  it('keeps nNonzeroWeight only when both sides have it', () => {
    const total = sumsOf([1, 0, 1], [0, 1, 2]);
    expect(subtractSums(total, sumsOf([1], [0])).nNonzeroWeight).toBe(2);
    const literal = { n: 1, sumW: 2, sumWY: 2, sumW2: 4, sumW2Y: 4 };
    expect(subtractSums(total, literal).nNonzeroWeight).toBeUndefined();
  });
});
