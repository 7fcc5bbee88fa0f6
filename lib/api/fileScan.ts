import { checkSource, unreadableReport } from '../formats/checkSource';
import { detectFormat, readSource, sourceProblem, type FileFormat, type RecordSource } from '../formats/source';
import { MAX_STREAMED_INFLATED_BYTES } from '../formats/xlsx';
import { readRowsStreaming } from '../formats/xlsxStream';
import { inflateWithZlib } from '../formats/zlibInflate';
import { recordsOf, scanUpload, type Problem, type ValidateOptions, type ValidationReport } from '../ingest';
import { csvHeader } from './upload';

/**
 * Opens the files of one request one after another, the workbooks among them sharing one unpacking
 * budget: a workbook's rows stay in memory until they are stored (as strings: exceljs's streaming
 * reader, lib/formats/xlsxStream.ts), so twenty workbooks of the single-file limit must not make twenty times the memory.
 */
export async function openFiles(files: readonly { bytes: Uint8Array; fileName?: string; sheet?: string }[]): Promise<OpenedFile[]> {
  const workbooks = files.filter((f) => {
    const detected = detectFormat(f.bytes, f.fileName);
    return 'format' in detected && detected.format === 'xlsx';
  }).length;
  const share = Math.floor(MAX_STREAMED_INFLATED_BYTES / Math.max(1, workbooks));
  const opened: OpenedFile[] = [];
  for (const f of files) opened.push(await openFile(f.bytes, f.fileName, f.sheet, share));
  return opened;
}

/**
 * An uploaded file of any format as the upload routes use it: its header (for the template match
 * and the plan's column matching), then the same validation as every format gets, and its
 * validated records again for the store's put (a CSV's from its kept text, an SPSS file's read
 * again from its bytes, a sheet's as read).
 */
export interface OpenedFile {
  bytes: Uint8Array;
  format: FileFormat;
  header: string[];
  source?: RecordSource;
  /** The file cannot be read as what it is (a name that says another format, a broken SPSS file or workbook). */
  problem?: Problem;
}

export interface FileScan {
  report: ValidationReport;
  /** The data rows, header excluded: call only when the report is ok. */
  records: () => Iterable<string[]>;
}

/**
 * `maxInflatedBytes`: what a workbook may unpack to (default MAX_STREAMED_INFLATED_BYTES; less when
 * several share one request). A sheet's rows are read by exceljs's streaming reader, a `.zsav`'s
 * blocks inflated by Node's zlib.
 */
export async function openFile(bytes: Uint8Array, fileName: string | undefined, sheet?: string, maxInflatedBytes?: number): Promise<OpenedFile> {
  const detected = detectFormat(bytes, fileName);
  if ('problem' in detected) return { bytes, format: 'csv', header: [], problem: detected.problem };
  if (detected.format === 'csv') return { bytes, format: 'csv', header: csvHeader(bytes) };
  try {
    const source = await readSource(bytes, detected.format, { sheet, maxInflatedBytes, rowsReader: readRowsStreaming, inflate: inflateWithZlib });
    return { bytes, format: detected.format, header: source.header, source };
  } catch (e) {
    const problem = sourceProblem(e);
    if (!problem) throw e;
    return { bytes, format: detected.format, header: [], problem };
  }
}

export function scanFile(file: OpenedFile, options: ValidateOptions): FileScan {
  if (file.problem) return { report: unreadableReport(file.problem, file.format === 'csv' ? undefined : file.format), records: () => [] };
  if (file.source) {
    const source = file.source;
    return { report: checkSource(source, options).report, records: source.rows };
  }
  const scan = scanUpload(file.bytes, options);
  return {
    report: scan.report,
    records: function* () {
      for (const records of recordsOf(scan)) yield* records;
    },
  };
}
