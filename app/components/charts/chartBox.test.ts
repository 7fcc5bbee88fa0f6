import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NARROW_BELOW } from './chartAxes';

describe('the chart box', () => {
  it('switches to the narrow height in CSS at the same width as the charts switch their layout in JavaScript', () => {
    const css = readFileSync(path.join(__dirname, 'charts.css'), 'utf8');
    const queries = [...css.matchAll(/@container \(width < (\d+)px\)/g)].map((m) => Number(m[1]));
    expect(queries).toEqual([NARROW_BELOW]);
  });
});
