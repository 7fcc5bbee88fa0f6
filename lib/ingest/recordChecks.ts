import { fieldsOf, type CsvRecord } from '../survey/csvRecord';
import type { SurveyData } from '../survey/dataset';
import { CodebookChecks } from './codebookChecks';
import { controlCharacterProblems } from './controlCharacters';
import { finishReport, raggedRow, tooManyRows, unknownKeepProblems } from './fileProblems';
import { headerProblems } from './header';
import { checkFieldLengths, headerLimitProblems, shapeLimits, type ShapeLimits } from './limits';
import { PersonalDataDetector } from './personal';
import { personalProblems } from './personalProblems';
import { ingestProblem } from './problemMessages';
import type { ProblemCollector } from './problems';
import { DEFAULT_MAX_ROWS, type ValidateOptions, type ValidationReport } from './types';

/**
 * The checks every upload's records get, whatever the file's format: a header and then data rows
 * of strings (a CSV's fields, a `.sav`'s values as their string form, an `.xlsx` sheet's cells).
 * Header limits, the row limit, ragged rows, over-long fields, control characters, blank and
 * repeated column names, the personal-data guard, and the codebook's checks and the engine's
 * columns, built in the same pass. A format reads its file into records and hands them here, so it
 * is checked exactly as a CSV is (the report, the limits, the bounded problem list).
 *
 * The pass runs once per row of files with millions of rows, so the per-row work allocates nothing
 * and skips what is already settled (columns known to hold values, full samples).
 */
export class RecordChecks {
  private readonly limits: ShapeLimits;
  private readonly maxRows: number;
  private readonly keep: string[];
  header: string[] = [];
  rowCount = 0;
  /** Data rows over the limit: nothing after the first such row is read. */
  tooMany = false;
  /** The header passed a shape limit: nothing after it is read. */
  badHeader = false;
  seenHeader = false;
  private hasValue = new Uint8Array(0);
  /** Columns with no non-blank value yet: only those are looked at, usually none after the first rows. */
  private stillBlank: number[] = [];
  private personal: PersonalDataDetector | undefined;
  private codebookChecks: CodebookChecks | undefined;

  constructor(
    private readonly options: ValidateOptions,
    private readonly out: ProblemCollector,
    private readonly how: { build?: boolean; expectedRows?: () => number | undefined } = {},
  ) {
    this.limits = shapeLimits(options);
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.keep = options.keepPersonalColumns ?? [];
  }

  get stopped(): boolean {
    return this.tooMany || this.badHeader;
  }

  /** The header record; false when it passes a limit (reading stops). */
  addHeader(record: CsvRecord, controls: boolean): boolean {
    this.seenHeader = true;
    const header = fieldsOf(record).map((h) => h.trim());
    const limitProblems = headerLimitProblems(header, this.limits);
    if (limitProblems.length > 0) {
      for (const p of limitProblems) this.out.add(p);
      this.badHeader = true;
      return false;
    }
    if (controls) controlCharacterProblems(record, 0, header, this.out);
    this.header = header;
    this.hasValue = new Uint8Array(header.length);
    this.stillBlank = header.map((_, i) => i);
    this.personal = new PersonalDataDetector(header);
    if (this.options.codebook) this.codebookChecks = new CodebookChecks(this.options.codebook, header, this.out, { build: this.how.build === true, expectedRows: this.how.expectedRows?.() });
    return true;
  }

  /**
   * A data row (`row` is rowCount + 1); false once it is past the row limit (reading stops).
   * `chars`, when the reader knows it, bounds the longest field: a record no longer than the
   * field limit cannot hold a field over it, so its fields need no look.
   */
  addRow(record: CsvRecord, row: number, controls: boolean, chars = Infinity): boolean {
    if (row > this.maxRows) {
      this.tooMany = true;
      this.out.add(tooManyRows(this.maxRows, row));
      return false;
    }
    this.rowCount = row;
    const header = this.header;
    if (record.length !== header.length) this.out.addLazy('RaggedRow', () => raggedRow(record.length, header.length, row));
    if (chars > this.limits.maxFieldChars) checkFieldLengths(fieldsOf(record), row, header, this.limits.maxFieldChars, this.out);
    if (controls) controlCharacterProblems(record, row, header, this.out);
    if (this.stillBlank.length > 0) this.stillBlank = markValues(record, this.stillBlank, this.hasValue);
    this.personal!.addRecord(record);
    this.codebookChecks?.addRecord(record);
    return true;
  }

  /**
   * The checks that need the whole file (header only, blank header cells, personal columns), then
   * the report; the engine's columns with `build`, a codebook and no error.
   */
  finish(rest: Pick<ValidationReport, 'encoding' | 'delimiter' | 'format' | 'sheet'>): { report: ValidationReport; data: SurveyData | null } {
    const { out, header, options } = this;
    for (const p of headerProblems(header, this.hasValue)) out.add(p);
    if (this.rowCount === 0 && !this.tooMany && !this.badHeader) out.add(ingestProblem('HeaderOnly', undefined, { row: 0 }));
    this.codebookChecks?.finish();
    for (const p of unknownKeepProblems(header, this.keep)) out.add(p);

    const skip = options.codebook ? CodebookChecks.mappedColumns(options.codebook) : new Set<string>();
    const personalColumns = this.personal ? this.personal.result(this.keep, skip) : [];
    for (const p of personalProblems(personalColumns, options.codebook)) out.add(p);

    const report = finishReport(out, { ...rest, header, rowCount: this.rowCount, personalColumns });
    const data = report.ok && this.how.build && this.codebookChecks ? this.codebookChecks.data() : null;
    return { report, data };
  }
}

/** Marks the columns of `columns` that have a value in this record; returns those still without one. */
function markValues(record: CsvRecord, columns: number[], hasValue: Uint8Array): number[] {
  const still: number[] = [];
  for (const i of columns) {
    if (i < record.length && !record.isBlank(i)) hasValue[i] = 1;
    else still.push(i);
  }
  return still.length === columns.length ? columns : still;
}
