import { describe, expect, it } from 'vitest';
import { logitInterval } from './logitInterval';
import { proportionStandardError } from './proportionStandardError';
import { weightedProportion } from './weightedProportion';
import type { CellSums } from './cellSums';
import type { Interval } from './wilsonInterval';
import { bondCells, edgeCells } from './fixtures/loadFixtures';

// R values: Rscript oracle.R fixtures/spec_*.json, field ci.logit =
// attr(svyciprop(~y, subset(des, cell), method="logit", df=degf(subset(des, cell))), "ci").
// svyciprop's df is degf() of the cell: its rows with a non-zero weight, minus 1.
const logitOf = (s: CellSums, nDesign: number, df: number, conf?: number): Interval | null =>
  logitInterval(weightedProportion(s), proportionStandardError(s, nDesign), df, conf);

function expectInterval(got: Interval | null, lower: number, upper: number): void {
  expect(got).not.toBeNull();
  expect(got!.lower).toBeCloseTo(lower, 9);
  expect(got!.upper).toBeCloseTo(upper, 9);
}

describe('logitInterval', () => {
  it('matches svyciprop(method="logit") overall and per group (survey_300.csv, bond_top2)', () => {
    const { overall, country, gender, nDesign } = bondCells();
    // R: svyciprop(~y, des, method="logit") (df 283) -> [0.283257110029897, 0.407253346941062]
    expectInterval(logitOf(overall, nDesign, 283), 0.283257110029897, 0.407253346941062);
    // R: svyciprop(~y, subset(des, country=="DE"), method="logit") (df 103) -> [0.208668695204441, 0.412971356266164]
    expectInterval(logitOf(country.DE, nDesign, 103), 0.208668695204441, 0.412971356266164);
    // R: svyciprop(~y, subset(des, country=="FR"), method="logit") (df 72) -> [0.131411390484058, 0.335723244748873]
    expectInterval(logitOf(country.FR, nDesign, 72), 0.131411390484058, 0.335723244748873);
    // R: svyciprop(~y, subset(des, country=="IT"), method="logit") (df 59) -> [0.334173767287028, 0.617758516589024]
    expectInterval(logitOf(country.IT, nDesign, 59), 0.334173767287028, 0.617758516589024);
    // R: svyciprop(~y, subset(des, country=="PL"), method="logit") (df 46) -> [0.317035052785428, 0.630645450153519]
    expectInterval(logitOf(country.PL, nDesign, 46), 0.317035052785428, 0.630645450153519);
    // R: svyciprop(~y, subset(des, gender=="F"), method="logit") (df 118) -> [0.264493362562377, 0.45156370038188]
    expectInterval(logitOf(gender.F, nDesign, 118), 0.264493362562377, 0.45156370038188);
    // R: svyciprop(~y, subset(des, gender=="M"), method="logit") (df 164) -> [0.256449274026735, 0.421478759210165]
    expectInterval(logitOf(gender.M, nDesign, 164), 0.256449274026735, 0.421478759210165);
  });

  it('matches R with zero weights, whose df counts only rows with w > 0 (edge_cases.csv)', () => {
    const { overall, group, nDesign } = edgeCells();
    // R: degf(des) -> 19 (22 rows, 2 with weight 0); svyciprop(~y, des, method="logit")
    //    -> [0.282013261053096, 0.757868615969122]
    expectInterval(logitOf(overall, nDesign, 19), 0.282013261053096, 0.757868615969122);
    // R: degf(subset(des, g=="D")) -> 3 (6 rows, 2 with weight 0);
    //    svyciprop(~y, subset(des, g=="D"), method="logit") -> [0.0443210051465947, 0.978418277061526]
    expectInterval(logitOf(group.D, nDesign, 3), 0.0443210051465947, 0.978418277061526);
    // R: svyciprop(~y, subset(des, g=="E"), method="logit") (df 7) -> [0.0621390521204964, 0.761429849239579]
    expectInterval(logitOf(group.E, nDesign, 7), 0.0621390521204964, 0.761429849239579);
  });

  it('supports other confidence levels and df = Infinity (normal quantiles)', () => {
    const { group, nDesign } = edgeCells();
    // R: svyciprop(~y, subset(des, g=="E"), method="logit", level=0.90) -> [0.088740618615790079, 0.68469163282019019]
    expectInterval(logitOf(group.E, nDesign, 7, 0.9), 0.088740618615790079, 0.68469163282019019);
    // R: svyciprop(~y, subset(des, g=="E"), method="logit", df=Inf) -> [0.084502901420162951, 0.69614110109130989]
    expectInterval(logitOf(group.E, nDesign, Infinity), 0.084502901420162951, 0.69614110109130989);
  });

  it('is null when p is 0 or 1, the SE is 0, or there is a single respondent (df 0)', () => {
    const { group, nDesign } = edgeCells();
    // R: oracle.R edge_cases, levels A (p = 1), B (p = 0), C (1 row, df 0): se 0, logit set to null
    expect(logitOf(group.A, nDesign, 3)).toBeNull();
    expect(logitOf(group.B, nDesign, 2)).toBeNull();
    expect(logitOf(group.C, nDesign, 0)).toBeNull();
    expect(logitInterval(0.4, 0, 50)).toBeNull();
    expect(logitInterval(0.4, 0.1, 0)).toBeNull();
    expect(logitInterval(0.4, 0.1, 0.5)).toBeNull();
  });

  it('throws on invalid input', () => {
    expect(() => logitInterval(-0.1, 0.1, 10)).toThrow(/p must be a share/);
    expect(() => logitInterval(0.4, -0.1, 10)).toThrow(/se must be/);
    expect(() => logitInterval(0.4, NaN, 10)).toThrow(RangeError);
    expect(() => logitInterval(0.4, 0.1, NaN)).toThrow(/df must be a number/);
    expect(() => logitInterval(0.4, 0.1, 10, 1.5)).toThrow(/confLevel/);
  });
});
