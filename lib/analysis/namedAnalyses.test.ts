import { describe, expect, it } from 'vitest';
import { acceptanceByBond, acceptanceByContext, acceptanceByDataType, acceptanceBySegment, answerSplit } from './namedAnalyses';
import { loadReferenceDataset } from '../storage/referenceDatasets';

const g = loadReferenceDataset('study-g');

describe('named analyses on study G', () => {
  it('by data type: one cell per data type', () => {
    const table = acceptanceByDataType(g);
    expect(table.cells).toHaveLength(17);
    expect(table.cells.every((c) => c.share !== null && c.respondents > 3000)).toBe(true);
  });

  it('by data type crossed with country: one cell per data type and country, compared within the data type', () => {
    const table = acceptanceByDataType(g, { cross: ['country'] });
    expect(table.cells).toHaveLength(17 * 4);
    const address = table.cells.filter((c) => c.key.item === 'dt_address');
    expect(address.reduce((s, c) => s + c.respondents, 0)).toBe(acceptanceByDataType(g).cells.find((c) => c.key.item === 'dt_address')!.respondents);
  });

  it('by segment: gender x age x young children', () => {
    const table = acceptanceBySegment(g, ['gender', 'age_band', 'young_children']);
    expect(table.cells).toHaveLength(12);
    expect(table.cells.reduce((s, c) => s + c.respondents, 0)).toBe(table.overall.respondents - table.missingAttribute);
  });

  it('by context: each dimension and their combination', () => {
    expect(acceptanceByContext(g, ['situation']).cells.map((c) => c.key.situation)).toEqual(['pressed', 'relaxed']);
    const crossed = acceptanceByContext(g, ['situation', 'place', 'industry']);
    expect(crossed.cells).toHaveLength(12);
    // Each crossing of the three dimensions is exactly one scenario item.
    expect(crossed.cells.every((c) => c.ratings === c.respondents)).toBe(true);
  });

  it('by bond and trust band, crossed with a context dimension', () => {
    expect(acceptanceByBond(g, 'bond').cells.map((c) => c.key.bond)).toEqual(['weak', 'neutral', 'strong']);
    expect(acceptanceByBond(g, 'trust', { cross: ['place'] }).cells).toHaveLength(6);
  });

  it('answer split: the shares of OK, depends and not OK add up to 1', () => {
    const split = answerSplit(g, 'dt_address');
    expect(split.map((s) => s.code)).toEqual(['1', '2', '3']);
    expect(split.reduce((s, x) => s + x.cell.share!, 0)).toBeCloseTo(1, 12);
  });
});
