import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { acceptanceCsv } from './acceptanceCsv';

const g = loadReferenceDataset('study-g');

/** The CSV's rows as objects by column name (the byte-order mark dropped). */
function parse(csv: string, delimiter = ',') {
  const { data } = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, delimiter, skipEmptyLines: true });
  return data;
}

const INFERENCE = ['se', 'ci_low', 'ci_high', 'diff_vs_rest', 'p_value', 'p_adjusted_bh'];

describe('the acceptance CSV and small bases', () => {
  // Country x gender x age x young children x bond: many cells under 30 respondents, many above.
  const table = acceptance(g, { family: 'scenario', by: ['country', 'gender', 'age_band', 'young_children', 'bond'] });

  it('a cell under the minimum base has its share and bases but no SE, interval or test, and a note says why', () => {
    const rows = parse(acceptanceCsv(table, 'en'));
    const small = rows.filter((r) => r.small_base === 'yes');
    const large = rows.filter((r) => r.small_base === 'no' && r.row === 'cell');
    expect(small.length).toBeGreaterThan(10);
    expect(large.length).toBeGreaterThan(10);
    for (const row of small) {
      expect(Number(row.n)).toBeLessThan(30);
      expect(row.share).not.toBe('');
      for (const column of INFERENCE) expect(row[column], `${column} of a small cell`).toBe('');
      expect(row.note).toBe('fewer than 30 respondents (the minimum base): no SE, interval or test');
    }
    // The engine did compute them: the CSV leaves them out on purpose.
    expect(table.cells.filter((c) => c.smallBase).every((c) => c.ci !== null && c.vsRest !== null)).toBe(true);
    for (const row of large) {
      for (const column of ['se', 'ci_low', 'ci_high', 'diff_vs_rest', 'p_value']) expect(row[column], column).not.toBe('');
      expect(row.note).toBe('');
    }
  });

  it('the Dutch CSV says it in Dutch, and a small overall row is treated alike', () => {
    const tiny = acceptance(g, { family: 'scenario', filter: { country: ['NL'], gender: ['M'], age_band: ['50+'], young_children: ['yes'], bond: ['strong'] } });
    expect(tiny.overall.smallBase).toBe(true);
    const [overall] = parse(acceptanceCsv(tiny, 'nl'), ';');
    for (const column of INFERENCE) expect(overall[column], column).toBe('');
    expect(overall.note).toBe('minder dan 30 respondenten (de minimale basis): geen SE, interval of toets');
  });
});
