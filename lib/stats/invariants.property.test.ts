import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyOptions } from '../testing/propertyOptions';
import { type CellSums, sumsOf } from './cellSums';
import { benjaminiHochberg } from './benjaminiHochberg';
import { groupVsRest } from './groupVsRest';
import { kishEffectiveBase } from './kishEffectiveBase';
import { logitInterval } from './logitInterval';
import { proportionStandardError } from './proportionStandardError';
import { weightedProportion } from './weightedProportion';
import { wilsonInterval } from './wilsonInterval';

/**
 * Invariants of the statistics that hold for any data, checked on generated respondents (the
 * R-oracle tests check the values; these check the shape of the answers everywhere else).
 *
 * Seeds are fixed so that CI is deterministic; to run with a random seed:
 *   FC_SEED=random npx vitest run lib/stats/invariants.property.test.ts
 * (see lib/testing/propertyOptions.ts for replaying a seed and running more cases).
 */

/** Weights of varied magnitude, 1e-6 .. 1e6 (log-uniform, so tiny and huge weights mix in one cell). */
const weightArb = fc.double({ min: -6, max: 6, noNaN: true }).map((e) => 10 ** e);

/** Respondents: a 0/1 outcome and a positive weight each. */
const respondentsArb = (minLength = 1, maxLength = 60) =>
  fc.array(fc.record({ y: fc.constantFrom<0 | 1>(0, 1), w: weightArb }), { minLength, maxLength });

const sums = (rs: { y: 0 | 1; w: number }[], scale = 1): CellSums =>
  sumsOf(
    rs.map((r) => r.y),
    rs.map((r) => r.w * scale),
  );

/**
 * Relative closeness for values that went through sums of up to 60 terms. Each sum carries at most
 * about n·ε ≈ 60 · 1.1e-16 ≈ 7e-15 of relative rounding error, and a share, Kish base or Wilson
 * bound combines a few such sums, so 1e-9 leaves five orders of magnitude of room while still
 * catching any real dependence on the scale (which would show at the 1e-2 level or beyond).
 */
const REL = 1e-9;
function expectClose(actual: number, expected: number, what: string, rel = REL, abs = 1e-12) {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

/**
 * The variance (and so the SE, the logit interval and the test) needs Σw² over the y = 0 rows,
 * which CellSums only holds as the difference Σw² − Σw²y. Its relative rounding error is about
 * n·ε·κ with κ = Σw² / min(Σw²y, Σw²(1−y)): digits are lost when one side's weights dwarf the
 * other's (weights 11,312 and 1 give κ ≈ 6e7 and a relative error near 1e-8). The tolerance
 * follows that bound with a 150-fold margin: 1e-9 + 1e-12·κ.
 */
function varianceTolerance(...cells: CellSums[]): number {
  let kappa = 1;
  for (const s of cells) {
    const smaller = Math.min(s.sumW2Y, s.sumW2 - s.sumW2Y);
    if (smaller > 0) kappa = Math.max(kappa, s.sumW2 / smaller);
  }
  return REL + 1e-12 * kappa;
}

/** A permutation of an array by a list of random keys (fast-check shrinks keys well). */
const permuted = <T>(xs: T[], keys: number[]): T[] =>
  xs
    .map((x, i) => ({ x, k: keys[i % keys.length] + i / 1e6 }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);

/** Any positive constant, and the exact ones: powers of two scale every sum without rounding. */
const scaleArb = fc.oneof(fc.double({ min: -6, max: 6, noNaN: true }).map((e) => 10 ** e), fc.integer({ min: -20, max: 20 }).map((k) => 2 ** k));

/** Everything the statistics layer reports about one cell. */
function describeCell(rs: { y: 0 | 1; w: number }[], scale = 1) {
  const s = sums(rs, scale);
  const p = weightedProportion(s);
  const kish = kishEffectiveBase(s);
  const se = rs.length >= 2 ? proportionStandardError(s, rs.length) : 0;
  return { s, p, kish, se, wilson: wilsonInterval(p, kish), logit: logitInterval(p, se, rs.length - 1) };
}

describe('weighted share, Kish base and intervals of one cell', () => {
  it('the share is within [0, 1]; the Kish effective base is within [1, n]', () => {
    fc.assert(
      fc.property(respondentsArb(), (rs) => {
        const { p, kish } = describeCell(rs);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        // (Σw)² / Σw² ≤ n by Cauchy-Schwarz and ≥ 1 for non-negative weights; rounding may cross by ε.
        expect(kish).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(kish).toBeLessThanOrEqual(rs.length * (1 + 1e-12));
      }),
      propertyOptions(101),
    );
  });

  it('the Wilson and logit intervals contain the share and stay within [0, 1]', () => {
    fc.assert(
      fc.property(respondentsArb(), fc.constantFrom(0.8, 0.9, 0.95, 0.99), (rs, confLevel) => {
        const s = sums(rs);
        const p = weightedProportion(s);
        const kish = kishEffectiveBase(s);
        const wilson = wilsonInterval(p, kish, confLevel);
        expect(wilson.lower).toBeGreaterThanOrEqual(0);
        expect(wilson.upper).toBeLessThanOrEqual(1);
        expect(wilson.lower).toBeLessThanOrEqual(p);
        expect(wilson.upper).toBeGreaterThanOrEqual(p);
        if (rs.length < 2) return;
        const se = proportionStandardError(s, rs.length);
        const logit = logitInterval(p, se, rs.length - 1, confLevel);
        if (logit === null) {
          // Undefined only where the R interval is meaningless: p at 0 or 1, or no variance.
          expect(p === 0 || p === 1 || se === 0).toBe(true);
          return;
        }
        expect(logit.lower).toBeGreaterThanOrEqual(0);
        expect(logit.upper).toBeLessThanOrEqual(1);
        expect(logit.lower).toBeLessThanOrEqual(p);
        expect(logit.upper).toBeGreaterThanOrEqual(p);
      }),
      propertyOptions(102),
    );
  });

  it('multiplying every weight by a positive constant changes no share, interval or Kish base', () => {
    fc.assert(
      fc.property(respondentsArb(2), scaleArb, (rs, c) => {
        const a = describeCell(rs);
        const b = describeCell(rs, c);
        if (Number.isInteger(Math.log2(c))) {
          // A power of two scales each weight, square and sum exactly: the answers are identical.
          expect(b.p).toBe(a.p);
          expect(b.kish).toBe(a.kish);
          expect(b.wilson).toEqual(a.wilson);
          expect(b.se).toBe(a.se);
          return;
        }
        expectClose(b.p, a.p, 'share');
        expectClose(b.kish, a.kish, 'Kish base');
        expectClose(b.wilson.lower, a.wilson.lower, 'Wilson lower');
        expectClose(b.wilson.upper, a.wilson.upper, 'Wilson upper');
        const tol = varianceTolerance(a.s);
        expectClose(b.se, a.se, 'SE', tol);
        expect(b.logit === null).toBe(a.logit === null);
        if (a.logit && b.logit) {
          expectClose(b.logit.lower, a.logit.lower, 'logit lower', tol);
          expectClose(b.logit.upper, a.logit.upper, 'logit upper', tol);
        }
      }),
      propertyOptions(103),
    );
  });

  it('the order of respondents changes nothing', () => {
    fc.assert(
      fc.property(respondentsArb(2), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }), (rs, keys) => {
        const a = describeCell(rs);
        const b = describeCell(permuted(rs, keys));
        expectClose(b.p, a.p, 'share');
        expectClose(b.kish, a.kish, 'Kish base');
        expectClose(b.se, a.se, 'SE', varianceTolerance(a.s));
        expectClose(b.wilson.lower, a.wilson.lower, 'Wilson lower');
        expectClose(b.wilson.upper, a.wilson.upper, 'Wilson upper');
      }),
      propertyOptions(104),
    );
  });
});

describe('a cell against the rest of its base', () => {
  const splitArb = fc.tuple(respondentsArb(1, 40), respondentsArb(1, 40));

  it('is symmetric: swapping the cell and the rest negates the difference and t, keeps SE, df and p', () => {
    fc.assert(
      fc.property(splitArb, ([g, r]) => {
        const ab = groupVsRest(sums(g), sums(r));
        const ba = groupVsRest(sums(r), sums(g));
        expect(ab === null).toBe(ba === null);
        if (!ab || !ba) return;
        // (=== rather than toBe: a zero difference is +0 one way and -0 the other)
        expect(ba.diff === -ab.diff, `diff ${ab.diff} vs ${ba.diff}`).toBe(true);
        expect(ba.t === -ab.t, `t ${ab.t} vs ${ba.t}`).toBe(true);
        expect(ba.se).toBe(ab.se);
        expect(ba.df).toBe(ab.df);
        expect(ba.pValue).toBe(ab.pValue);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        expect(ab.df).toBe(g.length + r.length - 2);
      }),
      propertyOptions(201),
    );
  });

  it('multiplying every weight by a positive constant, or reordering respondents, leaves the p-value unchanged', () => {
    fc.assert(
      fc.property(splitArb, scaleArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }), ([g, r], c, keys) => {
        const base = groupVsRest(sums(g), sums(r));
        const scaled = groupVsRest(sums(g, c), sums(r, c));
        const reordered = groupVsRest(sums(permuted(g, keys)), sums(permuted(r, [...keys].reverse())));
        expect(scaled === null).toBe(base === null);
        expect(reordered === null).toBe(base === null);
        if (!base || !scaled || !reordered) return;
        const tol = varianceTolerance(sums(g), sums(r));
        for (const [other, how] of [[scaled, `weights x ${c}`], [reordered, 'reordered']] as const) {
          expectClose(other.diff, base.diff, `${how}: diff`);
          expectClose(other.se, base.se, `${how}: SE`, tol);
          // p = 2·P(T ≤ −|t|): its relative error is |t|·(density/tail) times t's, at most a few |t|²
          // times; where t is infinite (perfect separation) both are exactly 0.
          if (Number.isFinite(base.t)) expectClose(other.pValue, base.pValue, `${how}: p`, tol * (4 + base.t * base.t), 1e-300);
          else expect(other.pValue).toBe(base.pValue);
        }
      }),
      propertyOptions(202),
    );
  });
});

describe('Benjamini-Hochberg', () => {
  const pArb = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.05, 1e-300), fc.double({ min: -300, max: 0, noNaN: true }).map((e) => 10 ** e));

  it('adjusted p-values are >= the raw ones, <= 1, monotone in the raw order, and follow a permutation of the input', () => {
    fc.assert(
      fc.property(fc.array(pArb, { minLength: 0, maxLength: 80 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }), (ps, keys) => {
        const q = benjaminiHochberg(ps);
        expect(q).toHaveLength(ps.length);
        ps.forEach((p, i) => {
          expect(q[i]).toBeGreaterThanOrEqual(p);
          expect(q[i]).toBeLessThanOrEqual(1);
        });
        const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b]);
        for (let k = 1; k < order.length; k++) expect(q[order[k]]).toBeGreaterThanOrEqual(q[order[k - 1]]);
        // Equal raw p-values get equal adjusted ones, so the answer does not depend on the input order.
        const index = ps.map((_, i) => i);
        const perm = permuted(index, keys);
        const qp = benjaminiHochberg(perm.map((i) => ps[i]));
        perm.forEach((i, k) => expect(qp[k]).toBe(q[i]));
      }),
      propertyOptions(301),
    );
  });
});
