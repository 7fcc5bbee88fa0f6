import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjaminiHochberg';

function expectAll(got: number[], want: number[]): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThan(1e-15 + 1e-9 * want[i]));
}

describe('benjaminiHochberg', () => {
  it("matches p.adjust(p, 'BH') on 11 p-values with ties, in input order", () => {
    const p = [0.0002, 0.04, 0.03, 0.04, 0.2, 0.01, 0.5, 0.01, 0.9, 3.39630874135219e-11, 0.04];
    // R: p.adjust(c(0.0002, 0.04, 0.03, 0.04, 0.2, 0.01, 0.5, 0.01, 0.9, 3.39630874135219e-11, 0.04), method="BH")
    //    (fixtures/edge_cases.R)
    const want = [
      0.0011000000000000001, 0.055, 0.055, 0.055, 0.24444444444444446, 0.0275, 0.55000000000000004, 0.0275,
      0.90000000000000002, 3.7359396154874087e-10, 0.055,
    ];
    const copy = [...p];
    expectAll(benjaminiHochberg(p), want);
    expect(p).toEqual(copy); // input untouched
  });

  it('caps at 1 and handles 0 and an empty vector', () => {
    // R: p.adjust(c(1, 0, 0.5, 0.5), "BH") -> 1 0 0.66666666666666663 0.66666666666666663
    expectAll(benjaminiHochberg([1, 0, 0.5, 0.5]), [1, 0, 0.66666666666666663, 0.66666666666666663]);
    // R: p.adjust(numeric(0), "BH") -> numeric(0)
    expect(benjaminiHochberg([])).toEqual([]);
    // R: p.adjust(0.3, "BH") -> 0.3
    expect(benjaminiHochberg([0.3])).toEqual([0.3]);
  });

  it('throws on NaN or values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.1, NaN])).toThrow(/index 1/);
    expect(() => benjaminiHochberg([1.5])).toThrow(RangeError);
    expect(() => benjaminiHochberg([-0.01])).toThrow(RangeError);
  });
});
