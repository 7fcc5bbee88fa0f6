import { describe, expect, it } from 'vitest';
import { collectPooled } from './collectPooled';
import { collectSingleRating } from './collectSingleRating';
import { cellLayout, isSingleRatingLayout } from './cellIndex';
import { resolveQuery } from './query';
import { acceptance, acceptanceCube } from './acceptance';
import { loadReferenceDataset } from '../storage/referenceDatasets';

// The fast single-rating pass is an algebraic shortcut of the general pooled pass: both must give
// the same sums wherever the shortcut applies (the general pass is the one checked against R).
describe('single-rating pass vs the general pass', () => {
  const g = loadReferenceDataset('study-g');

  it.each([
    [['item', 'country']],
    [['item', 'bond', 'gender']],
    [['age_band']],
  ])('by %j', (by) => {
    const resolved = resolveQuery(g, { family: by[0] === 'item' ? 'dataType' : undefined, items: by[0] === 'item' ? undefined : ['sc_pressed_public_banking'], by, filter: { country: ['NL', 'DE', 'UK'] } });
    const layout = cellLayout(g, resolved);
    expect(isSingleRatingLayout(layout)).toBe(true);
    const fast = collectSingleRating(g, resolved, [layout])[0];
    const general = collectPooled(g, resolved, layout);
    expect(fast.missingAttribute).toBe(general.missingAttribute);
    for (const part of ['cells', 'bases', 'overall'] as const)
      for (const [name, values] of Object.entries(fast[part])) {
        const expected = general[part][name as keyof typeof general.cells];
        values.forEach((v: number, i: number) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i]))));
      }
  });

  it('is not used when respondents pool several ratings in a cell', () => {
    expect(isSingleRatingLayout(cellLayout(g, resolveQuery(g, { family: 'scenario', by: ['situation', 'country'] })))).toBe(false);
    expect(isSingleRatingLayout(cellLayout(g, resolveQuery(g, { family: 'dataType', by: ['item'] })))).toBe(false);
  });

  it('the cube (one joint pass) equals one table per attribute, up to summation order', () => {
    const cube = acceptanceCube(g, ['country', 'trust', 'young_children'], { filter: { gender: ['F'] } });
    cube.forEach((table, t) => {
      const single = acceptance(g, { by: ['item', ['country', 'trust', 'young_children'][t]], filter: { gender: ['F'] } });
      expect(table.cells.map((c) => c.key)).toEqual(single.cells.map((c) => c.key));
      expect(table.missingAttribute).toBe(single.missingAttribute);
      table.cells.forEach((cell, i) => {
        const other = single.cells[i];
        expect(cell.respondents).toBe(other.respondents);
        for (const [a, b] of [[cell.share, other.share], [cell.se, other.se], [cell.effectiveBase, other.effectiveBase], [cell.vsRest?.pValue, other.vsRest?.pValue]])
          expect(Math.abs((a ?? 0) - (b ?? 0))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b ?? 0)));
      });
    });
    expect(cube[0].cells).toHaveLength(29 * 4);
  });
});
