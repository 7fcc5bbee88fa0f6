import type { CsvRecord } from '../survey/csvRecord';
import { controlName, firstReportedControl } from '../survey/quoteValue';
import { ingestProblem } from './problemMessages';
import type { ProblemCollector } from './problems';

/**
 * Control characters inside a field, named where they are ("a NUL byte (0x00) in data row 5,
 * column country"), never copied into the message. A text file normally has no NUL byte (the file
 * may be damaged, or saved as UTF-16 without its mark), so it has a problem of its own; any other
 * control character (quoteValue.ts says which) is named by its code point. Both are warnings:
 * the value is stored as it is (the stores keep any character), so nothing is lost, and the
 * analyst learns where to look. Tab and line breaks are text (a multi-line answer).
 *
 * The validators call this only for records that may hold one (the scanner of records.ts and a
 * search of the text tell which), so that a clean file pays nothing per field.
 */
export function controlCharacterProblems(record: CsvRecord, row: number, header: readonly string[], out: ProblemCollector): void {
  for (let i = 0; i < record.length; i++) {
    const field = record.raw(i);
    const first = firstReportedControl(field);
    if (first < 0) continue;
    const place = { row, ...(header[i] ? { column: header[i] } : {}) };
    if (field.indexOf('\u0000') >= 0) out.addLazy('NulByte', () => ingestProblem('NulByte', undefined, place));
    else out.addLazy('ControlCharacter', () => ingestProblem('ControlCharacter', { character: controlName(first) }, place));
  }
}
