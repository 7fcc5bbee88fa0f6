import { describe, expect, it } from 'vitest';
import { emptySums, subtractSums, sumsOf, type CellSums } from './cellSums';
import { groupVsRest } from './groupVsRest';
import type { DifferenceTest } from './shareDifference';
import { bondCells, edgeCells } from './fixtures/loadFixtures';

// R values: Rscript oracle.R fixtures/spec_*.json, field vs_rest = svyttest(y ~ in_group, des)
// with des = svydesign(ids=~1, weights=~w, data) on the whole base (estimate, estimate/statistic,
// statistic, parameter, p.value).
function expectTest(got: DifferenceTest | null, want: DifferenceTest): void {
  expect(got).not.toBeNull();
  expect(got!.diff).toBeCloseTo(want.diff, 9);
  expect(got!.se).toBeCloseTo(want.se, 9);
  expect(got!.t).toBeCloseTo(want.t, 9);
  expect(got!.df).toBe(want.df);
  expect(Math.abs(got!.pValue - want.pValue) / want.pValue).toBeLessThan(1e-9);
}

describe('groupVsRest', () => {
  it('matches svyttest(y ~ in_group, des) for every country and gender (survey_300.csv, bond_top2)', () => {
    const { overall, country, gender } = bondCells();
    const vsRest = (s: CellSums) => groupVsRest(s, subtractSums(overall, s));
    // R: svyttest(y ~ I(country=="DE"), des)
    expectTest(vsRest(country.DE), { diff: -0.0641721521896108, se: 0.0655758351293705, t: -0.978594509136019, df: 282, pValue: 0.328619133880859 });
    // R: svyttest(y ~ I(country=="FR"), des)
    expectTest(vsRest(country.FR), { diff: -0.17287386123419, se: 0.0638329935436366, t: -2.70822111947502, df: 282, pValue: 0.00717789407305425 });
    // R: svyttest(y ~ I(country=="IT"), des)
    expectTest(vsRest(country.IT), { diff: 0.165200103943794, se: 0.0806591540635423, t: 2.04812591778054, df: 282, pValue: 0.0414735766093699 });
    // R: svyttest(y ~ I(country=="PL"), des)
    expectTest(vsRest(country.PL), { diff: 0.154787112776429, se: 0.0875073947387394, t: 1.76884608710566, df: 282, pValue: 0.0780005044465482 });
    // R: svyttest(y ~ I(gender=="F"), des)
    expectTest(vsRest(gender.F), { diff: 0.0184919701109354, se: 0.0636565889370069, t: 0.29049577458878, df: 282, pValue: 0.771650496031579 });
    // R: svyttest(y ~ I(gender=="M"), des)
    expectTest(vsRest(gender.M), { diff: -0.0184919701109353, se: 0.063656588937007, t: -0.290495774588778, df: 282, pValue: 0.771650496031581 });
    // the rest built directly equals the rest built by subtraction
    expectTest(groupVsRest(gender.M, gender.F), { diff: -0.0184919701109353, se: 0.063656588937007, t: -0.290495774588778, df: 282, pValue: 0.771650496031581 });
  });

  it('handles all / none positive, one respondent and zero weights (edge_cases.csv: df 18, not 20)', () => {
    const { overall, group } = edgeCells();
    const vsRest = (s: CellSums) => groupVsRest(s, subtractSums(overall, s));
    // R: svyttest(y ~ I(g=="A"), des) (A all positive); df = degf(des) - 1 = 18: the 2 zero-weight rows do not count
    expectTest(vsRest(group.A), { diff: 0.606598984771574, se: 0.136312469970968, t: 4.45006230831828, df: 18, pValue: 0.000309276876276753 });
    // R: svyttest(y ~ I(g=="B"), des) (B none positive)
    expectTest(vsRest(group.B), { diff: -0.599547511312217, se: 0.130290200941011, t: -4.60163164214983, df: 18, pValue: 0.00022145304800715 });
    // R: svyttest(y ~ I(g=="C"), des) (C a single respondent)
    expectTest(vsRest(group.C), { diff: 0.508510638297872, se: 0.128198013335427, t: 3.96660310926478, df: 18, pValue: 0.000904687517301095 });
    // R: svyttest(y ~ I(g=="D"), des) (D has the zero-weight rows)
    expectTest(vsRest(group.D), { diff: 0.0819845179451091, se: 0.295973477320522, t: 0.276999542956765, df: 18, pValue: 0.78493639602656 });
    // R: svyttest(y ~ I(g=="E"), des)
    expectTest(vsRest(group.E), { diff: -0.349473684210526, se: 0.227463067331439, t: -1.53639748338267, df: 18, pValue: 0.141832678979248 });
  });

  it('without nNonzeroWeight falls back to df = n_d + n_r - 2', () => {
    const { overall, group } = edgeCells();
    const strip = ({ n, sumW, sumWY, sumW2, sumW2Y }: CellSums): CellSums => ({ n, sumW, sumWY, sumW2, sumW2Y });
    const r = groupVsRest(strip(group.D), strip(subtractSums(overall, group.D)));
    expect(r!.df).toBe(20);
    // same SE as R (the variance counts zero-weight rows): 0.295973477320522
    expect(r!.se).toBeCloseTo(0.295973477320522, 9);
  });

  it('perfect separation gives t = Infinity and p = 0, as R', () => {
    // R: svyttest(y ~ grp, svydesign(ids=~1, weights=~w, data=sep)) -> estimate 1, t Inf, df 5, p 0 (fixtures/edge_cases.R)
    const r = groupVsRest(sumsOf([1, 1, 1], [1, 2, 1.5]), sumsOf([0, 0, 0, 0], [0.5, 1, 1, 2]));
    expect(r).toEqual({ diff: 1, se: 0, t: Infinity, df: 5, pValue: 0 });
  });

  it('no difference with SE 0 gives t = 0 and p = 1 (R: NaN)', () => {
    // R: svyttest(y ~ grp, allpos) -> estimate 0, t NaN, df 3, p NaN (fixtures/edge_cases.R)
    const r = groupVsRest(sumsOf([1, 1], [1, 2]), sumsOf([1, 1, 1], [1.5, 0.5, 1]));
    expect(r).toEqual({ diff: 0, se: 0, t: 0, df: 3, pValue: 1 });
  });

  it('returns null for a zero base on either side or df < 1', () => {
    const g = sumsOf([1, 0, 1], [1, 2, 1]);
    expect(groupVsRest(g, emptySums())).toBeNull();
    expect(groupVsRest(emptySums(), g)).toBeNull();
    // R: svymean over a cell whose weights are all 0 -> NaN
    expect(groupVsRest(sumsOf([1, 0], [0, 0]), g)).toBeNull();
    // R: svyttest(y ~ grp, two) with one respondent per side -> df 0, p NaN (fixtures/edge_cases.R)
    expect(groupVsRest(sumsOf([1], [1]), sumsOf([0], [2]))).toBeNull();
  });
});
