import { ProblemCollector } from '../ingest/problems';
import { RecordChecks } from '../ingest/recordChecks';
import { finishReport } from '../ingest/fileProblems';
import { DEFAULT_MAX_PROBLEMS_PER_CODE, type Problem, type ValidateOptions, type ValidationReport } from '../ingest/types';
import { StringRecord } from '../survey/csvRecord';
import type { SurveyData } from '../survey/dataset';
import { firstReportedControl } from '../survey/quoteValue';
import { sourceProblem, type RecordSource } from './source';

/**
 * An SPSS file's or a sheet's records through the same checks as a CSV's (recordChecks.ts): the
 * same report, limits, personal-data guard and codebook checks, and with `build` the engine's
 * columns. A file cut off among its cases (a truncated `.sav`) gets its problem at the row where
 * the reading failed, after the rows before it were checked.
 */
export interface SourceCheck {
  report: ValidationReport;
  data: SurveyData | null;
}

/** Calls `onProgress` every this many rows. */
const PROGRESS_ROWS = 20_000;

export function checkSource(source: RecordSource, options: ValidateOptions = {}, how: { build?: boolean; onProgress?: (rows: number) => void } = {}): SourceCheck {
  const out = new ProblemCollector(Math.max(1, options.maxProblemsPerCode ?? DEFAULT_MAX_PROBLEMS_PER_CODE));
  const checks = new RecordChecks(options, out, { build: how.build });
  const record = new StringRecord();
  const text = source.textColumns;
  const mayHoldControls = (fields: readonly string[]) => {
    for (const i of text) if (i < fields.length && firstReportedControl(fields[i]) >= 0) return true;
    return false;
  };
  const rest = { encoding: 'utf-8' as const, delimiter: ',' as const, format: source.format, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}) };
  if (checks.addHeader(record.of(source.header), mayHoldControls(source.header))) {
    let row = 0;
    try {
      for (const fields of source.rows()) {
        row++;
        if (!checks.addRow(record.of(fields), row, mayHoldControls(fields))) break;
        if (how.onProgress && row % PROGRESS_ROWS === 0) how.onProgress(row);
      }
    } catch (e) {
      const problem = sourceProblem(e);
      if (!problem) throw e;
      // The rows before it were read; the one being read is where the file breaks off.
      out.add({ ...problem, row: row + 1 });
    }
  }
  return checks.finish(rest);
}

/** The report of a file that could not be read at all: its one problem (`sheet`: the workbook sheet that was to be read). */
export function unreadableReport(problem: Problem, format?: RecordSource['format'], sheet?: string): ValidationReport {
  const out = new ProblemCollector(DEFAULT_MAX_PROBLEMS_PER_CODE);
  out.add(problem);
  return finishReport(out, { encoding: 'utf-8', delimiter: ',', header: [], rowCount: 0, personalColumns: [], ...(format ? { format } : {}), ...(format === 'xlsx' && sheet !== undefined ? { sheet } : {}) });
}
