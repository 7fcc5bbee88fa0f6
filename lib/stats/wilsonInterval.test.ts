import { describe, expect, it } from 'vitest';
import { kishEffectiveBase } from './kishEffectiveBase';
import { weightedProportion } from './weightedProportion';
import { wilsonInterval, type Interval } from './wilsonInterval';
import type { CellSums } from './cellSums';
import { bondCells, edgeCells } from './fixtures/loadFixtures';

// R values: Rscript oracle.R fixtures/spec_*.json, field ci.wilson_kish = oracle.R's
// wilson(p, n_eff_kish, qnorm(0.975)) with p = coef(svymean(~y, subset(des, cell))).
const wilsonOf = (s: CellSums, conf?: number): Interval =>
  wilsonInterval(weightedProportion(s), kishEffectiveBase(s), conf);

function expectInterval(got: Interval | null, lower: number, upper: number): void {
  expect(got).not.toBeNull();
  expect(got!.lower).toBeCloseTo(lower, 9);
  expect(got!.upper).toBeCloseTo(upper, 9);
}

describe('wilsonInterval', () => {
  it('matches wilson_kish overall and per group (survey_300.csv, bond_top2)', () => {
    const { overall, country, gender } = bondCells();
    // R: wilson(coef(svymean(~y, des)), sum(w)^2/sum(w^2), qnorm(0.975)) -> [0.28397103904829, 0.406405393124114]
    expectInterval(wilsonOf(overall), 0.28397103904829, 0.406405393124114);
    // R: wilson(...) for subset(des, country=="DE") -> [0.213262487278811, 0.406297337169793]
    expectInterval(wilsonOf(country.DE), 0.213262487278811, 0.406297337169793);
    // R: wilson(...) for subset(des, country=="FR") -> [0.130297460754522, 0.337911033952991]
    expectInterval(wilsonOf(country.FR), 0.130297460754522, 0.337911033952991);
    // R: wilson(...) for subset(des, country=="IT") -> [0.338865982454378, 0.612783881674587]
    expectInterval(wilsonOf(country.IT), 0.338865982454378, 0.612783881674587);
    // R: wilson(...) for subset(des, country=="PL") -> [0.323210243046581, 0.624012208431253]
    expectInterval(wilsonOf(country.PL), 0.323210243046581, 0.624012208431253);
    // R: wilson(...) for subset(des, gender=="F") -> [0.265774099204228, 0.449936306843249]
    expectInterval(wilsonOf(gender.F), 0.265774099204228, 0.449936306843249);
    // R: wilson(...) for subset(des, gender=="M") -> [0.258212430389967, 0.419230831571279]
    expectInterval(wilsonOf(gender.M), 0.258212430389967, 0.419230831571279);
  });

  it('is defined for all positive, none positive, one respondent and zero weights (edge_cases.csv)', () => {
    const { overall, group } = edgeCells();
    // R: oracle.R edge_cases overall wilson_kish -> [0.306343036729326, 0.735713024284839]
    expectInterval(wilsonOf(overall), 0.306343036729326, 0.735713024284839);
    // R: oracle.R edge_cases level A (p = 1) wilson_kish -> [0.457703569303741, 1]
    expectInterval(wilsonOf(group.A), 0.457703569303741, 1);
    // R: oracle.R edge_cases level B (p = 0) wilson_kish -> [-5.55111512312578e-17, 0.597264452947872]
    //    (R's rounding noise below 0 is clamped to exactly 0 here)
    expectInterval(wilsonOf(group.B), -5.55111512312578e-17, 0.597264452947872);
    expect(wilsonOf(group.B).lower).toBe(0);
    // R: oracle.R edge_cases level C (one respondent, n_eff 1) wilson_kish -> [0.206549314377237, 1]
    expectInterval(wilsonOf(group.C), 0.206549314377237, 1);
    // R: oracle.R edge_cases level D (zero weights) wilson_kish -> [0.182961041501768, 0.9037445066018]
    expectInterval(wilsonOf(group.D), 0.182961041501768, 0.9037445066018);
  });

  it('puts the bound at p = 0 or p = 1 exactly on p', () => {
    // plain arithmetic gives centre - half = -2.8e-17 (m = 8.4) or +3.5e-18 (m = 100),
    // and centre + half = 1.0000000000000002 (m = 10.99) or 0.9999999999999998 (m = 2000)
    expect(wilsonInterval(0, 8.4).lower).toBe(0);
    expect(wilsonInterval(0, 100).lower).toBe(0);
    expect(wilsonInterval(1, 10.99).upper).toBe(1);
    expect(wilsonInterval(1, 2000).upper).toBe(1);
    // R: oracle.R's wilson(0, 100, qnorm(0.975)) upper -> 0.036993498206985657
    expect(wilsonInterval(0, 100).upper).toBeCloseTo(0.036993498206985657, 9);
  });

  it('uses a normal z for other confidence levels', () => {
    const { group } = edgeCells();
    // R: fixtures/edge_cases.R, wilson_kish 90% for cell E (z = qnorm(0.95)) -> [0.11492799175992785, 0.61955758716746268]
    expectInterval(wilsonOf(group.E, 0.9), 0.11492799175992785, 0.61955758716746268);
  });

  it('throws on a zero base, a share outside [0, 1] or a bad confidence level', () => {
    expect(() => wilsonInterval(0.5, 0)).toThrow(/zero base/);
    expect(() => wilsonInterval(0.5, -3)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, NaN)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, Infinity)).toThrow(RangeError);
    expect(() => wilsonInterval(1.2, 10)).toThrow(/p must be a share/);
    expect(() => wilsonInterval(NaN, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 10, 1)).toThrow(/confLevel/);
    expect(() => wilsonInterval(0.5, 10, 0)).toThrow(/confLevel/);
  });
});
