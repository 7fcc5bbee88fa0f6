import { describe, expect, it } from 'vitest';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { downloadHref, resolveTablesChoice } from '../tables/state';
import { parseTablesParams } from './tablesParams';

const g = loadReferenceDataset('study-g');

describe('the query string of GET /api/datasets/<id>/tables', () => {
  it('reads the download links of /tables as the page meant them', () => {
    const choice = resolveTablesChoice({ rows: 'items', items: ['dt_gender', 'dt_photos'], banner: ['country', 'gender>age_band'], filter: ['gender:F'], alpha: '0.05', small: 'suppress' }, 'study-g', g);
    const href = downloadHref(choice, 'xlsx', 'nl');
    expect(href.startsWith('/api/datasets/study-g/tables?')).toBe(true);
    const api = parseTablesParams(new URL(href, 'http://x').searchParams);
    expect(api).toEqual({
      spec: { rows: { kind: 'items', items: ['dt_gender', 'dt_photos'] }, banner: [['country'], ['gender', 'age_band']], weighting: { kind: 'weight' }, filter: { gender: ['F'] }, alpha: [0.05], correction: 'bh', smallCells: 'suppress' },
      book: false,
      format: 'xlsx',
      locale: 'nl',
    });
    const book = parseTablesParams(new URL(downloadHref(choice, 'xlsx', 'en', true), 'http://x').searchParams);
    expect(book.book).toBe(true);
    expect(book.spec.rows).toBeUndefined();
    // A code with a space (an upload's "United Kingdom") travels whole.
    const spaced = { ...choice, filter: { country: ['United Kingdom'] } };
    expect(parseTablesParams(new URL(downloadHref(spaced, 'csv', 'en'), 'http://x').searchParams).spec.filter).toEqual({ country: ['United Kingdom'] });
  });

});
