import { toCsv, type CsvValue } from '../explore/csv';
import { delimiterName } from './delimiter';
import type { ValidationReport } from './types';

/**
 * The downloadable report: a few "info" lines (encoding, delimiter, rows, counts per code, personal
 * columns), then every listed problem, then a line per code saying how many more there were than
 * listed. It reuses the explorer's CSV writer (lib/explore/csv.ts): byte-order mark for Excel,
 * RFC 4180 quoting, and formula neutralising, which matters here because messages quote the
 * uploaded file's own cells and headers ("=HYPERLINK(...)" must not run when the report is opened).
 */
export const REPORT_HEADER = ['type', 'code', 'row', 'column', 'message'];

export function reportToCsv(report: ValidationReport): string {
  const rows: CsvValue[][] = [
    ['info', 'Result', null, null, report.ok ? 'no errors: the file can be stored' : 'errors: the file cannot be stored until they are fixed'],
    ['info', 'Encoding', null, null, report.encoding === 'utf-8-bom' ? 'UTF-8 with byte-order mark' : 'UTF-8'],
    ['info', 'Delimiter', null, null, delimiterName(report.delimiter)],
    ['info', 'Rows', null, null, String(report.rowCount)],
  ];
  for (const [code, n] of Object.entries(report.counts)) rows.push(['info', 'Count', null, null, `${code}: ${n}`]);
  for (const p of report.personalColumns) rows.push(['info', 'PersonalColumn', null, p.column, `${p.kind}; ${p.keep ? 'kept' : 'dropped before storing'}; ${p.evidence}`]);
  for (const p of report.problems) rows.push([p.type, p.code, p.row ?? null, p.column ?? null, p.message]);
  const listed = new Map<string, number>();
  for (const p of report.problems) listed.set(p.code, (listed.get(p.code) ?? 0) + 1);
  for (const [code, n] of Object.entries(report.counts)) {
    const more = n - (listed.get(code) ?? 0);
    if (more > 0) rows.push(['info', code, null, null, `${more} more ${code} problem${more === 1 ? '' : 's'} not listed`]);
  }
  return toCsv(REPORT_HEADER, rows, { digits: 0 });
}
