import { describe, expect, it } from 'vitest';
import { sampleRanges } from './datasetStore';

const size = (ranges: [number, number][]) => ranges.reduce((n, [a, b]) => n + b - a, 0);

describe('sampleRanges', () => {
  it('takes every row of a dataset no larger than the sample, and nothing of an empty one', () => {
    expect(sampleRanges(50, 1000)).toEqual([[0, 50]]);
    expect(sampleRanges(1000, 1000)).toEqual([[0, 1000]]);
    expect(sampleRanges(0, 1000)).toEqual([]);
  });

  it('takes the head, then 100 stretches spread to the very end, exactly max rows, ordered and disjoint', () => {
    for (const [total, max] of [
      [2_000_000, 20_000],
      [30_000, 2_000],
      [20_001, 20_000],
      [1_001, 1_000],
      [10_000, 150],
    ]) {
      const ranges = sampleRanges(total, max);
      expect(size(ranges)).toBe(max);
      expect(ranges[0]).toEqual([0, Math.ceil(max / 2)]);
      expect(ranges.at(-1)![1]).toBe(total);
      expect(ranges.length).toBe(1 + Math.min(100, max - Math.ceil(max / 2)));
      for (let k = 1; k < ranges.length; k++) {
        expect(ranges[k][0]).toBeGreaterThanOrEqual(ranges[k - 1][1]);
        expect(ranges[k][1]).toBeGreaterThan(ranges[k][0]);
      }
    }
  });

  it('spreads the stretches evenly: on 2,000,000 rows, one starts in every 1% of the rest', () => {
    const ranges = sampleRanges(2_000_000, 20_000).slice(1);
    const rest = 2_000_000 - 10_000;
    ranges.forEach(([start], k) => {
      expect(start).toBeGreaterThanOrEqual(10_000 + (k * rest) / 100);
      expect(start).toBeLessThan(10_000 + ((k + 1) * rest) / 100);
    });
  });
});
