import { countsOk, PROBLEM_KIND_LABELS, problemType } from '../problemMessages';
import { jsonBytes } from '../problems';
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

/** A report is at most this big, its header and the personal-data columns' names aside (the file's own column names, bounded by limits.ts). */
export const MAX_REPORT_BYTES = 1024 * 1024;

export function reportViolations(report: ValidationReport): string[] {
  const out: string[] = [];
  if (typeof report.ok !== 'boolean') out.push('ok is not a boolean');
  if (report.ok !== countsOk(report.counts)) out.push(`ok is ${report.ok} but the counts ${report.ok ? 'include' : 'have no'} errors`);
  const size = jsonBytes({ ...report, header: [], personalColumns: report.personalColumns.map((p) => ({ ...p, column: '' })) });
  if (size > MAX_REPORT_BYTES) out.push(`the report takes ${size} bytes of JSON`);
  for (const code of Object.keys(report.counts)) if (!(code in PROBLEM_KIND_LABELS)) out.push(`counts.${code}: a code without a label`);
  if (!Number.isInteger(report.rowCount) || report.rowCount < 0) out.push(`rowCount ${report.rowCount} is not a count`);
  if (!['utf-8', 'utf-8-bom'].includes(report.encoding)) out.push(`unknown encoding ${report.encoding}`);
  if (![',', ';', '\t'].includes(report.delimiter)) out.push(`unknown delimiter ${JSON.stringify(report.delimiter)}`);
  const listed = new Map<string, number>();
  report.problems.forEach((p, i) => {
    const at = `problem ${i} (${p.code})`;
    if (p.type !== problemType(p.code)) out.push(`${at}: type ${String(p.type)}, but ${p.code} is ${problemType(p.code) === 'error' ? 'an error' : 'a warning'}`);
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(p.message)) out.push(`${at}: a control character copied into the message`);
    if (p.line !== undefined && (p.row === undefined || !Number.isInteger(p.line) || p.line < p.row + 1)) out.push(`${at}: line ${p.line} before data row ${p.row} could start`);
    if (p.row !== undefined && p.line === undefined) out.push(`${at}: data row ${p.row} without its line`);
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
