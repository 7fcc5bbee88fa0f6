import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter';
import { validateUpload } from './validator';

/**
 * Regressions found by the CSV property tests (csv.property.test.ts): papaparse's guess counts
 * fields but not quote errors, so a quoted cell ending in another candidate delimiter on every
 * line made that delimiter win, and a valid file was reported as having unclosed quotes.
 */
describe('detectDelimiter with quoted cells holding another candidate delimiter', () => {
  it('a tab-separated file whose last column is a quoted ";" on every line is read as tab-separated (was ";" and UnclosedQuote)', () => {
    const text = 'id\tcountry\t"note;"\n1\tNL\t";"\n2\tDE\t";"\n';
    expect(detectDelimiter(text)).toEqual({ delimiter: '\t', detected: true });
    const report = validateUpload(new TextEncoder().encode(text));
    expect(report.problems).toEqual([]);
    expect(report.header).toEqual(['id', 'country', 'note;']);
    expect(report.rowCount).toBe(2);
  });

  it('an unclosed quote, which no candidate reads cleanly, still leaves the usual guess', () => {
    expect(detectDelimiter('a;b\n1;"unclosed\n2;x\n')).toEqual({ delimiter: ';', detected: true });
    expect(detectDelimiter('just one column\nx\n')).toEqual({ delimiter: ',', detected: false });
  });
});
