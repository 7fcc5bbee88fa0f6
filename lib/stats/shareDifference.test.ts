import { describe, expect, it } from 'vitest';
import { differenceTest } from './shareDifference';

const relClose = (got: number, want: number) => expect(Math.abs(got - want) / Math.abs(want)).toBeLessThan(1e-9);

describe('differenceTest', () => {
  it('matches svycontrast for two correlated estimates (paired outcomes, covariance given)', () => {
    // R (fixtures/edge_cases.R): survey_300.csv rows with valid bond and trust (273), dp = svydesign(ids=~1, weights=~weight)
    //   mm <- svymean(~bond_top2 + trust_top2, dp); coef -> 0.35001360615468852, 0.34894135498739315
    //   vcov(mm) -> [1,1] 0.0010510092931903768, [2,2] 0.001025960770889878, [1,2] 0.00036793830888399943
    const r = differenceTest(
      { p: 0.35001360615468852, variance: 0.0010510092931903768 },
      { p: 0.34894135498739315, variance: 0.001025960770889878 },
      272, // R: degf(dp) -> 272
      0.00036793830888399943,
    );
    // R: svycontrast(mm, c(1,-1)) -> diff 0.0010722511672953683, SE 0.036620942728338601
    expect(r.diff).toBeCloseTo(0.0010722511672953683, 12);
    expect(r.se).toBeCloseTo(0.036620942728338601, 12);
    // R: t = diff/SE -> 0.029279725954887061, 2*pt(-abs(t), 272) -> 0.97666296786960316
    expect(r.t).toBeCloseTo(0.029279725954887061, 9);
    expect(r.df).toBe(272);
    relClose(r.pValue, 0.97666296786960316);
    // ignoring the covariance gives a different (larger) SE
    expect(differenceTest(
      { p: 0.35001360615468852, variance: 0.0010510092931903768 },
      { p: 0.34894135498739315, variance: 0.001025960770889878 },
      272,
    ).se).toBeGreaterThan(0.04);
  });

  it('keeps full precision for tiny p-values (FR vs rest of survey_2000 in the oracle README)', () => {
    // R: oracle README example, bond_top2 FR: se 0.0198174472710141, rest se 0.0147303179418602,
    //    diff -0.164629267470589 (p_FR 0.232799737123314, p_rest 0.397429004593903)
    const r = differenceTest(
      { p: 0.232799737123314, variance: 0.0198174472710141 ** 2 },
      { p: 0.397429004593903, variance: 0.0147303179418602 ** 2 },
      1922,
    );
    // R: svyttest(y ~ in_FR, des) -> diff -0.164629267470589, se 0.0246923770222252, t -6.66721018079424,
    //    df 1922, p.value 3.39630874135219e-11
    expect(r.diff).toBeCloseTo(-0.164629267470589, 12);
    expect(r.se).toBeCloseTo(0.0246923770222252, 12);
    expect(r.t).toBeCloseTo(-6.66721018079424, 9);
    relClose(r.pValue, 3.39630874135219e-11);
    // R: 2 * pnorm(-abs(t)) -> p_value_normal 2.60711606521182e-11
    relClose(differenceTest(
      { p: 0.232799737123314, variance: 0.0198174472710141 ** 2 },
      { p: 0.397429004593903, variance: 0.0147303179418602 ** 2 },
      Infinity,
    ).pValue, 2.60711606521182e-11);
  });

  it('gives a defined answer when the SE is 0', () => {
    // R: svyttest(y ~ grp, sep) with perfect separation -> estimate 1, t Inf, p 0 (fixtures/edge_cases.R)
    expect(differenceTest({ p: 1, variance: 0 }, { p: 0, variance: 0 }, 5)).toEqual({
      diff: 1, se: 0, t: Infinity, df: 5, pValue: 0,
    });
    expect(differenceTest({ p: 0, variance: 0 }, { p: 1, variance: 0 }, 5).t).toBe(-Infinity);
    // R: svyttest(y ~ grp, allpos) -> estimate 0, t NaN, p NaN; here: no difference, t 0, p 1
    expect(differenceTest({ p: 1, variance: 0 }, { p: 1, variance: 0 }, 3)).toEqual({
      diff: 0, se: 0, t: 0, df: 3, pValue: 1,
    });
    // perfectly correlated estimates: variance rounding to a tiny negative is treated as 0
    // (0.3 + 0.6 - 2 * 0.45 is -1.1e-16 in floating point)
    expect(differenceTest({ p: 0.3, variance: 0.3 }, { p: 0.3, variance: 0.6 }, 9, 0.45)).toEqual({ diff: 0, se: 0, t: 0, df: 9, pValue: 1 });
  });

  it('throws on invalid input', () => {
    expect(() => differenceTest({ p: 0.5, variance: 0.01 }, { p: 0.4, variance: 0.01 }, 0)).toThrow(/df must be > 0/);
    expect(() => differenceTest({ p: 0.5, variance: 0.01 }, { p: 0.4, variance: 0.01 }, NaN)).toThrow(RangeError);
    expect(() => differenceTest({ p: 0.5, variance: -0.01 }, { p: 0.4, variance: 0.01 }, 10)).toThrow(/a\.variance/);
    expect(() => differenceTest({ p: NaN, variance: 0.01 }, { p: 0.4, variance: 0.01 }, 10)).toThrow(/a\.p/);
    expect(() => differenceTest({ p: 0.5, variance: 0.01 }, { p: 0.4, variance: NaN }, 10)).toThrow(/b\.variance/);
    expect(() => differenceTest({ p: 0.5, variance: 0.01 }, { p: 0.4, variance: 0.01 }, 10, 0.05)).toThrow(/negative/);
    expect(() => differenceTest({ p: 0.5, variance: 0.01 }, { p: 0.4, variance: 0.01 }, 10, NaN)).toThrow(/covariance/);
  });
});
