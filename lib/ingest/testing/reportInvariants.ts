import type { ValidationReport } from '../types';

/**
 * What every validation report must satisfy, whatever the bytes: the shape the upload screens and
 * the API rely on. Returns the violations as sentences (empty when the report is well formed), so
 * that both the unit tests and the fuzz script (which runs without vitest) can use it.
 */

/**
 * Problems whose column is not one of the report's header: the codebook's or the analyst's, which
 * the file may lack; or a name over the length limit, shown shortened (reading stops at such a
 * header, so the report keeps none).
 */
const COLUMN_NOT_IN_FILE = new Set(['MissingColumn', 'UnknownKeepColumn', 'HeaderTooLong']);

export function reportViolations(report: ValidationReport): string[] {
  const out: string[] = [];
  if (typeof report.ok !== 'boolean') out.push('ok is not a boolean');
  const hasError = report.problems.some((p) => p.type === 'error');
  if (report.ok === hasError) out.push(`ok is ${report.ok} but the listed problems ${hasError ? 'include' : 'have no'} errors`);
  if (!Number.isInteger(report.rowCount) || report.rowCount < 0) out.push(`rowCount ${report.rowCount} is not a count`);
  if (!['utf-8', 'utf-8-bom'].includes(report.encoding)) out.push(`unknown encoding ${report.encoding}`);
  if (![',', ';', '\t'].includes(report.delimiter)) out.push(`unknown delimiter ${JSON.stringify(report.delimiter)}`);
  const listed = new Map<string, number>();
  report.problems.forEach((p, i) => {
    const at = `problem ${i} (${p.code})`;
    if (p.type !== 'error' && p.type !== 'warning') out.push(`${at}: type ${String(p.type)}`);
    if (typeof p.code !== 'string' || !/^[A-Z][A-Za-z0-9]+$/.test(p.code)) out.push(`${at}: code ${JSON.stringify(p.code)} is not a code`);
    if (typeof p.message !== 'string' || p.message.trim() === '') out.push(`${at}: no message`);
    if (p.row !== undefined) {
      // TooManyRows names the first row past the limit, which is not read; an invalid byte past it
      // is still located in the text (the one-shot validator decodes the whole file).
      const last = report.counts.TooManyRows ? Infinity : report.rowCount;
      if (!Number.isInteger(p.row) || p.row < 0 || p.row > last) out.push(`${at}: row ${p.row} outside 0..${last}`);
    }
    if (p.column !== undefined) {
      if (typeof p.column !== 'string' || p.column === '') out.push(`${at}: blank column name`);
      else if (!COLUMN_NOT_IN_FILE.has(p.code) && !report.header.includes(p.column)) out.push(`${at}: column ${JSON.stringify(p.column)} is not in the header`);
    }
    listed.set(p.code, (listed.get(p.code) ?? 0) + 1);
  });
  for (const [code, n] of listed) if ((report.counts[code] ?? 0) < n) out.push(`counts.${code} is ${report.counts[code]} but ${n} are listed`);
  return out;
}
