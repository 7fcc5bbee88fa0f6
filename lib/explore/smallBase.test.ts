import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { classifyTier } from '../analysis/tiers';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { barChartData, cellView } from './model';

const g = loadReferenceDataset('study-g');

/**
 * What the explorer's chart, data table, CSV and PNG/SVG image draw comes from CellView: a cell
 * under the minimum base must reach them with its share and bases but no interval, test, mark or
 * tier, so no whisker or p-value can be drawn for it (the e2e test small-bases.spec.ts checks the
 * downloaded CSV and SVG themselves).
 */
describe('explorer cells under the minimum base', () => {
  // Data types in the Netherlands by age band, minimum base 300: 35-49 has 285 respondents.
  const table = acceptance(g, { family: 'dataType', by: ['item', 'age_band'], filter: { country: ['NL'] }, minBase: 300 });
  const notOk = acceptance(g, { family: 'dataType', by: ['item', 'age_band'], filter: { country: ['NL'] }, minBase: 300, outcome: ['3'] });
  const chart = barChartData(table, {
    id: 'datatypes-ok',
    rowDims: ['item'],
    seriesDim: 'age_band',
    withReference: true,
    cellTier: (cell) => classifyTier(cell, notOk.cells.find((c) => c.key.item === cell.key.item && c.key.age_band === cell.key.age_band)!),
  });

  it('keep their share and bases but no interval, difference, p-value, mark or tier', () => {
    const small = chart.cells.filter((c) => c.small);
    const large = chart.cells.filter((c) => !c.small);
    expect(small.length).toBe(17);
    expect(large.length).toBe(34);
    for (const cell of small) {
      expect(cell.series).toBe('35-49');
      expect(cell.share).not.toBeNull();
      expect(cell.respondents).toBeLessThan(300);
      expect([cell.lower, cell.upper, cell.diff, cell.pAdjusted, cell.mark, cell.tier ?? null]).toEqual([null, null, null, null, null, null]);
    }
    for (const cell of large) {
      expect(cell.lower).not.toBeNull();
      expect(cell.diff).not.toBeNull();
      expect(cell.tier).toBeDefined();
    }
    // The engine computed an interval and a test for them: the view leaves them out.
    expect(table.cells.filter((c) => c.smallBase).every((c) => c.ci && c.vsRest)).toBe(true);
  });

  it('a reference line on a base under the minimum has no interval either', () => {
    const tiny = acceptance(g, { family: 'scenario', filter: { country: ['NL'], gender: ['M'], age_band: ['50+'], young_children: ['yes'], bond: ['strong'] } });
    const view = cellView(tiny.overall, 'overall');
    expect(view.small).toBe(true);
    expect([view.lower, view.upper, view.diff, view.pAdjusted, view.mark]).toEqual([null, null, null, null, null]);
  });
});
