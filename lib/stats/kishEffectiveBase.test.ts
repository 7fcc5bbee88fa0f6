import { describe, expect, it } from 'vitest';
import { emptySums, sumsOf } from './cellSums';
import { kishEffectiveBase } from './kishEffectiveBase';
import { bondCells, edgeCells } from './fixtures/loadFixtures';

// R values: Rscript oracle.R fixtures/spec_*.json, field n_eff_kish = sum(w)^2 / sum(w^2) over the cell.
describe('kishEffectiveBase', () => {
  it('matches R overall and per group (survey_300.csv, bond_top2)', () => {
    const { overall, country, gender } = bondCells();
    // R: with(d, sum(weight)^2 / sum(weight^2)), rows with a bond answer -> 227.441467533249
    expect(kishEffectiveBase(overall)).toBeCloseTo(227.441467533249, 9);
    // R: same, country=="DE" -> 83.6442389525928
    expect(kishEffectiveBase(country.DE)).toBeCloseTo(83.6442389525928, 9);
    // R: same, country=="FR" -> 58.4192854487104
    expect(kishEffectiveBase(country.FR)).toBeCloseTo(58.4192854487104, 9);
    // R: same, country=="IT" -> 47.2273961561553
    expect(kishEffectiveBase(country.IT)).toBeCloseTo(47.2273961561553, 9);
    // R: same, country=="PL" -> 38.4840642310098
    expect(kishEffectiveBase(country.PL)).toBeCloseTo(38.4840642310098, 9);
    // R: same, gender=="F" -> 99.9173186738948
    expect(kishEffectiveBase(gender.F)).toBeCloseTo(99.9173186738948, 9);
    // R: same, gender=="M" -> 128.446859817719
    expect(kishEffectiveBase(gender.M)).toBeCloseTo(128.446859817719, 9);
  });

  it('ignores zero weights, is 1 for one respondent and 0 for an empty or all-zero cell', () => {
    const { group } = edgeCells();
    // R: oracle.R edge_cases, level D (6 rows, 2 with weight 0) n_eff_kish -> 3.43490701001431
    expect(kishEffectiveBase(group.D)).toBeCloseTo(3.43490701001431, 9);
    // R: oracle.R edge_cases, level A -> 3.2422293676313
    expect(kishEffectiveBase(group.A)).toBeCloseTo(3.2422293676313, 9);
    // R: oracle.R edge_cases, level C (one respondent) -> 1
    expect(kishEffectiveBase(group.C)).toBeCloseTo(1, 12);
    expect(kishEffectiveBase(emptySums())).toBe(0);
    expect(kishEffectiveBase(sumsOf([1, 0], [0, 0]))).toBe(0);
  });

  it('rejects invalid sums', () => {
    expect(() => kishEffectiveBase({ n: 1, sumW: NaN, sumWY: 0, sumW2: 1, sumW2Y: 0 })).toThrow(RangeError);
  });
});
