import { describe, expect, it } from 'vitest';
import { barTop, plotArea, rowBand, whiskerPath, wrapLabel } from './barLayout';

describe('bar chart geometry', () => {
  const plot = plotArea(500, 200, { top: 10, right: 20, bottom: 4, left: 5 }, 75);

  it('maps 0-100% onto the plot between the labels and the right margin, clamped', () => {
    expect(plot.left).toBe(80);
    expect(plot.right).toBe(480);
    expect(plot.x(0)).toBe(80);
    expect(plot.x(0.5)).toBe(280);
    expect(plot.x(1.2)).toBe(480);
    expect(plot.x(-0.1)).toBe(80);
    // The x-axis takes 30 px under the plot.
    expect(plot.bottom).toBe(166);
  });

  it('splits the plot height into equal bands and centres a group of bars in each', () => {
    const band = rowBand(plot, 1, 4);
    expect(band.height).toBeCloseTo(39);
    expect(band.top).toBeCloseTo(49);
    // Two bars of 12 px, 2 px apart: a 26 px group centred in 39 px.
    expect(barTop(band, 0, 2, 12, 2)).toBeCloseTo(49 + 6.5);
    expect(barTop(band, 1, 2, 12, 2)).toBeCloseTo(49 + 6.5 + 14);
  });

  it('wraps labels at word boundaries and ends an overflow in an ellipsis', () => {
    expect(wrapLabel('Women · 18-34 · with young children', 30, 3)).toEqual(['Women · 18-34 · with young', 'children']);
    expect(wrapLabel('short', 30, 3)).toEqual(['short']);
    expect(wrapLabel('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapLabel('abcdefghijkl', 5, 2)).toEqual(['abcde']);
  });

  it('draws every whisker with its two caps in one path', () => {
    expect(whiskerPath([{ x1: 10, x2: 20.04, y: 5 }], 4)).toBe('M10 5H20M10 3v4M20 3v4');
    expect(whiskerPath([], 4)).toBe('');
  });
});
