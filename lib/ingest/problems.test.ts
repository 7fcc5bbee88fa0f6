import { describe, expect, it } from 'vitest';
import type { Codebook } from '../survey/codebook';
import { SurveyDataBuilder } from '../survey/dataset';
import { ingestProblem } from './problemMessages';
import { fittingPrefix, jsonBytes, MAX_LISTED_BYTES, ProblemCollector, utf8Length } from './problems';
import { streamReport } from './testing/checkUpload';
import { MAX_REPORT_BYTES, reportViolations } from './testing/reportInvariants';
import { validateUpload } from './validator';

/**
 * A report stays small whatever the file: problems are listed up to a cap per code and a cap on
 * their size, while the counts stay complete; the engine's builder holds a bounded list too.
 */
describe('ProblemCollector', () => {
  it('lists at most so many per code, counts them all, and gives each its line', () => {
    const out = new ProblemCollector(3);
    out.lineOf = (row) => row + 10;
    for (let row = 1; row <= 10; row++) out.add(ingestProblem('MissingId', undefined, { row }));
    out.addLazy('ZeroWeight', () => ingestProblem('ZeroWeight', undefined, { row: 4 }));
    expect(out.counts).toEqual({ MissingId: 10, ZeroWeight: 1 });
    expect(out.problems.map((p) => [p.code, p.row, p.line])).toEqual([
      ['MissingId', 1, 11],
      ['MissingId', 2, 12],
      ['MissingId', 3, 13],
      ['ZeroWeight', 4, 14],
    ]);
  });

  it('stops listing once the list would pass its size, and counts on', () => {
    const out = new ProblemCollector(1000, 10_000);
    let made = 0;
    for (let row = 1; row <= 500; row++)
      out.addLazy('UnknownCode', () => {
        made++;
        return { type: 'error', code: 'UnknownCode', message: `"${'x'.repeat(79)}…" is not a code`, row, column: 'q1' };
      });
    expect(out.counts.UnknownCode).toBe(500);
    expect(jsonBytes(out.problems)).toBeLessThanOrEqual(10_000);
    expect(out.problems.length).toBeGreaterThan(50);
    // Problems past the size are not even made.
    expect(made).toBe(out.problems.length + 1);
  });

  it('measures JSON as UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(jsonBytes({ a: '\u0000' })).toBe('{"a":"\\u0000"}'.length);
    expect(fittingPrefix(['aaaa', 'bbbb', 'cccc'], 10, 15)).toEqual(['aaaa', 'bbbb']);
    expect(fittingPrefix(['aaaa', 'bbbb', 'cccc'], 1, 100)).toEqual(['aaaa']);
  });
});

describe('a report of a file as broken as the limits allow', () => {
  it('1,000 columns with 1,000-character names full of control characters, every cell a long bad value: under 1 MB, counts complete', () => {
    const columns = 1000;
    const rows = 20;
    // Names that differ in their first characters, then control characters up to 1,000 characters.
    const header = Array.from({ length: columns }, (_, i) => `q${i}${'\u0001\u001b'.repeat(499)}`.slice(0, 1000));
    const codebook: Codebook = {
      id: 'wide',
      title: { en: 'Wide', nl: 'Breed' },
      studyStyle: 'custom',
      synthetic: false,
      respondentId: header[0],
      attributes: [],
      scales: [{ id: 'yn', label: { en: 'Yes/no', nl: 'Ja/nee' }, codes: [{ code: 'yes', label: { en: 'yes', nl: 'ja' } }, { code: 'no', label: { en: 'no', nl: 'nee' } }], positive: ['yes'] }],
      families: [{ id: 'f', label: { en: 'F', nl: 'F' } }],
      itemDimensions: [],
      items: header.slice(1).map((column, i) => ({ id: `i${i}`, column, label: { en: `I${i}`, nl: `I${i}` }, family: 'f', scale: 'yn', meta: {} })),
    };
    const value = `\u0000${'v'.repeat(300)}`;
    const lines = [header.join(','), ...Array.from({ length: rows }, (_, r) => [`id${r % 3}`, ...Array.from({ length: columns - 1 }, () => value)].join(','))];
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const report = validateUpload(bytes, { codebook });
    expect(reportViolations(report)).toEqual([]);
    const size = jsonBytes({ ...report, header: [] });
    expect(size).toBeLessThan(MAX_REPORT_BYTES);
    expect(jsonBytes(report.problems)).toBeLessThanOrEqual(MAX_LISTED_BYTES);
    // Every bad cell counted, though few are listed.
    expect(report.counts.UnknownCode).toBe(rows * (columns - 1));
    expect(report.counts.NulByte).toBe(rows * (columns - 1));
    expect(report.counts.DuplicateId).toBe(rows - 3);
    expect(report.problems.length).toBeLessThan(1000);
    expect(report.ok).toBe(false);
    expect(streamReport(bytes, [65536], { codebook })).toEqual(report);
  }, 60_000);

  it('the engine’s builder lists at most 1,000 problems, and counts them all', () => {
    const header = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const codebook: Codebook = {
      id: 'b',
      title: { en: 'B', nl: 'B' },
      studyStyle: 'custom',
      synthetic: false,
      respondentId: 'c0',
      attributes: [],
      scales: [{ id: 'yn', label: { en: 'Yes/no', nl: 'Ja/nee' }, codes: [{ code: 'yes', label: { en: 'yes', nl: 'ja' } }], positive: ['yes'] }],
      families: [{ id: 'f', label: { en: 'F', nl: 'F' } }],
      itemDimensions: [],
      items: header.slice(1).map((column, i) => ({ id: `i${i}`, column, label: { en: `I${i}`, nl: `I${i}` }, family: 'f', scale: 'yn', meta: {} })),
    };
    const builder = new SurveyDataBuilder(codebook, header, { columns: false });
    for (let r = 0; r < 50; r++) builder.add([`r${r}`, ...header.slice(1).map(() => 'x')]);
    expect(builder.report.length).toBe(1000);
    expect(builder.counts.get('UnknownCode')).toBe(50 * 199);
  });
});
