import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedRake } from './boundedRake';
import {
  addCalibrationRow,
  addShareInfluence,
  boundedDesign,
  CALIBRATION_STRIDE,
  calibratedVariance,
  type CalibrationDesign,
  emptyInfluence,
  rakingDesign,
} from './calibratedVariance';
import { readFixtureCsv } from './fixtures/loadFixtures';
import { proportionStandardError } from './proportionStandardError';
import { rake } from './rake';
import { sumsOf } from './cellSums';
import { differenceTest } from './shareDifference';

/*
 * Expected values: fixtures/calibration/calibration.R (R 4.2.2, survey 4.1-1), which writes
 * calibration_expected.json. Per fixture (A: survey_300 with its base weights, margins gender x
 * age_band x country; B: survey_2000 unweighted, margins gender x country x trust bands with a
 * "(missing)" level for blank and 9):
 *   weights(rake(des, margins, pop, control = list(maxit = 100, epsilon = 1e-10)))
 *   weights(calibrate(des, margins, pop, calfun = "raking", bounds = c(lo, hi), maxit = 100, epsilon = 1e-10))
 * and for y = item1 in 4-5 (blank: not asked) per domain:
 *   se_fixed      SE(svymean(~y, subset(svydesign(ids = ~1, weights = ~wr, data = asked), dom)))
 *   se_calibrated SE(svymean(~y, subset(rdes, !is.na(y) & dom)))
 *   vs_rest       svyttest(y ~ dom, subset(rdes, !is.na(y)))
 */
interface DomainExpected {
  domain: string;
  n: number;
  p: number;
  se_fixed: number;
  se_calibrated: number;
  vs_rest?: { diff: number; se: number; df: number; p_value: number };
}
interface DesignExpected {
  weights: number[];
  g_range: [number, number];
  domains: DomainExpected[];
}
const expected = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/calibration/calibration_expected.json'), 'utf8')) as Record<'A' | 'B', { rake: DesignExpected; bounded: DesignExpected }>;

interface Fixture {
  base: Float64Array;
  y: (0 | 1 | null)[];
  margins: { codes: number[]; levels: string[]; shares: number[] }[];
  domains: Record<string, (i: number) => boolean>;
  bounds: [number, number];
}

const top2 = (v: string): 0 | 1 | null => (v === '' ? null : v === '4' || v === '5' ? 1 : 0);

function margin(rows: Record<string, string>[], value: (r: Record<string, string>) => string, shares: Record<string, number>) {
  const levels = Object.keys(shares);
  return {
    levels,
    shares: levels.map((l) => shares[l]),
    codes: rows.map((r) => {
      const c = levels.indexOf(value(r));
      if (c < 0) throw new Error(`no level ${value(r)}`);
      return c;
    }),
  };
}

function fixtureA(): Fixture {
  const rows = readFixtureCsv('survey_300.csv');
  return {
    base: Float64Array.from(rows, (r) => Number(r.weight)),
    y: rows.map((r) => top2(r.item1)),
    margins: [
      margin(rows, (r) => r.gender, { F: 0.49, M: 0.51 }),
      margin(rows, (r) => r.age_band, { '18-34': 0.3, '35-54': 0.35, '55+': 0.35 }),
      margin(rows, (r) => r.country, { DE: 0.4, FR: 0.3, IT: 0.2, PL: 0.1 }),
    ],
    domains: {
      all: () => true,
      DE: (i) => rows[i].country === 'DE',
      FR: (i) => rows[i].country === 'FR',
      PL: (i) => rows[i].country === 'PL',
      F: (i) => rows[i].gender === 'F',
      F_IT: (i) => rows[i].gender === 'F' && rows[i].country === 'IT',
      young: (i) => rows[i].age_band === '18-34',
    },
    bounds: [0.5, 2],
  };
}

function fixtureB(): Fixture {
  const rows = readFixtureCsv('../../analysis/fixtures/survey_2000.csv');
  const band = (t: string) => (t === '' || t === '9' ? '(missing)' : Number(t) <= 2 ? 'low' : t === '3' ? 'mid' : 'high');
  return {
    base: new Float64Array(rows.length).fill(1),
    y: rows.map((r) => top2(r.item1)),
    margins: [
      margin(rows, (r) => r.gender, { F: 0.5, M: 0.5 }),
      margin(rows, (r) => r.country, { DE: 0.3, FR: 0.3, IT: 0.25, PL: 0.15 }),
      margin(rows, (r) => band(r.trust), { low: 0.3, mid: 0.3, high: 0.35, '(missing)': 0.05 }),
    ],
    domains: {
      all: () => true,
      DE: (i) => rows[i].country === 'DE',
      IT: (i) => rows[i].country === 'IT',
      M: (i) => rows[i].gender === 'M',
      high: (i) => band(rows[i].trust) === 'high',
      M_PL: (i) => rows[i].gender === 'M' && rows[i].country === 'PL',
    },
    bounds: [0.8, 1.3],
  };
}

function rakeMargins(f: Fixture) {
  const total = f.base.reduce((a, b) => a + b, 0);
  return f.margins.map((m) => ({ codes: m.codes, targets: m.shares.map((s) => s * total) }));
}

/** The share, its calibrated influence sums and the domain's fixed-weight sums, straight from rows. */
function domainInfluence(design: CalibrationDesign, f: Fixture, w: Float64Array, inDomain: (i: number) => boolean) {
  const sums = new Float64Array(design.slots * CALIBRATION_STRIDE);
  const ys: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const y = f.y[i];
    if (y === null || !inDomain(i)) continue;
    addCalibrationRow(design, sums, 0, design.cellOf[i], w[i], y);
    ys.push(y);
    ws.push(w[i]);
  }
  const s = sumsOf(ys, ws);
  const p = s.sumWY / s.sumW;
  const squares = (s.sumW2Y * (1 - p) ** 2 + (s.sumW2 - s.sumW2Y) * p * p) / (s.sumW * s.sumW);
  const influence = emptyInfluence(design, squares);
  addShareInfluence(design, influence, sums, 0, p, s.sumW, 1);
  return { p, s, influence, sums };
}

function check(name: 'A' | 'B', make: () => Fixture) {
  describe(`fixture ${name}`, () => {
    const f = make();
    const margins = rakeMargins(f);
    const codes = { codes: f.margins.map((m) => m.codes), levels: f.margins.map((m) => m.levels.length) };
    const raked = rake(f.base, margins, { maxit: 100, epsilon: 1e-10 });
    const bounded = boundedRake(f.base, margins, { bounds: f.bounds, maxit: 100, epsilon: 1e-10 });
    const designs = {
      rake: { weights: raked.weights, design: rakingDesign(raked.weights, codes, raked.lastSweepFactors) },
      bounded: { weights: bounded.weights, design: boundedDesign(bounded.weights, f.base, codes) },
    };
    const asked = f.y.filter((y) => y !== null).length;

    for (const method of ['rake', 'bounded'] as const) {
      const R = expected[name][method];
      const { weights, design } = designs[method];

      it(`${method}: weights equal R's to 1e-9 relative`, () => {
        expect(method === 'rake' ? raked.converged : bounded.converged).toBe(true);
        let worst = 0;
        R.weights.forEach((r, i) => (worst = Math.max(worst, Math.abs(weights[i] - r) / r)));
        expect(worst).toBeLessThan(1e-9);
      });

      for (const d of R.domains) {
        it(`${method}, domain ${d.domain}: share, fixed-weight SE, calibrated SE and the test against the rest equal R's to 1e-9`, () => {
          const own = domainInfluence(design, f, weights, f.domains[d.domain]);
          expect(own.s.n).toBe(d.n);
          expect(Math.abs(own.p - d.p)).toBeLessThan(1e-9);
          expect(Math.abs(proportionStandardError(own.s, asked) - d.se_fixed)).toBeLessThan(1e-9);
          expect(Math.abs(Math.sqrt(calibratedVariance(design, own.influence)) - d.se_calibrated)).toBeLessThan(1e-9);
          if (!d.vs_rest) return;
          const rest = domainInfluence(design, f, weights, (i) => !f.domains[d.domain](i));
          // The difference's influence is the domain's minus the rest's (disjoint rows: squares add).
          const diff = emptyInfluence(design, own.influence.squares + rest.influence.squares);
          addShareInfluence(design, diff, own.sums, 0, own.p, own.s.sumW, 1);
          addShareInfluence(design, diff, rest.sums, 0, rest.p, rest.s.sumW, -1);
          const varCell = calibratedVariance(design, own.influence);
          const varRest = calibratedVariance(design, rest.influence);
          const varDiff = calibratedVariance(design, diff);
          const test = differenceTest({ p: own.p, variance: varCell }, { p: rest.p, variance: varRest }, d.vs_rest.df, (varCell + varRest - varDiff) / 2);
          expect(Math.abs(test.diff - d.vs_rest.diff)).toBeLessThan(1e-9);
          expect(Math.abs(test.se - d.vs_rest.se)).toBeLessThan(1e-9);
          expect(Math.abs(test.pValue - d.vs_rest.p_value)).toBeLessThan(1e-9);
        });
      }
    }

    it('bounded raking keeps every ratio to the base weight inside the bounds and hits the margins', () => {
      let lo = Infinity;
      let hi = -Infinity;
      bounded.weights.forEach((w, i) => {
        lo = Math.min(lo, w / f.base[i]);
        hi = Math.max(hi, w / f.base[i]);
      });
      expect(lo).toBeGreaterThanOrEqual(f.bounds[0] - 1e-12);
      expect(hi).toBeLessThanOrEqual(f.bounds[1] + 1e-12);
      expect([lo, hi].some((g, j) => Math.abs(g - f.bounds[j]) < 1e-12)).toBe(true);
      margins.forEach((m) =>
        m.targets.forEach((t, c) => {
          let s = 0;
          bounded.weights.forEach((w, i) => m.codes[i] === c && (s += w));
          expect(Math.abs(s - t) / t).toBeLessThan(1e-9);
        }),
      );
    });
  });
}

check('A', fixtureA);
check('B', fixtureB);

describe('boundedRake refusals', () => {
  const f = fixtureA();
  it('does not converge when the bounds cannot hold with the margins', () => {
    const res = boundedRake(f.base, rakeMargins(f), { bounds: [0.95, 1.05], maxit: 20, epsilon: 1e-10 });
    expect(res.converged).toBe(false);
  });
  it('refuses a target on a level without sample weight', () => {
    expect(() => boundedRake(f.base, [{ codes: f.margins[0].codes, targets: [1, 1, 1] }], { bounds: [0.5, 2] })).toThrow(/no sample weight/);
  });
});
