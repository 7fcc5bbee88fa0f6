export type { FileFormat } from './extensions';
import { ingestProblem } from '../ingest/problemMessages';
import type { Problem } from '../ingest/types';
import { quoted } from '../survey/quoteValue';
import { formatFromName, type FileFormat } from './extensions';
import type { SourceMetadata } from './metadata';
import { isSav, readSav, SavError } from './sav';
import { isCompoundFile, isZip, readXlsx, XlsxError, type SheetRowsReader } from './xlsx';
import { inflateWithStreams, inflateZsav, type Inflate } from './zsav';
import { DEFAULT_MAX_BYTES } from '../ingest/types';

/**
 * Which format an upload is in, and its records. A file is read as what its bytes are (an SPSS
 * file starts "$FL2", a workbook is a zip), and a name that says otherwise is a problem of its
 * own, so that a `.sav` renamed `.csv` (or a CSV renamed `.sav`) gets a clear answer rather than
 * pages of garbled rows.
 */
/** What the bytes are: an SPSS file, a zip (a workbook), an OLE compound file (an encrypted workbook or an old .xls), else text. */
function formatFromBytes(bytes: Uint8Array): FileFormat | 'compound' {
  if (isSav(bytes)) return 'sav';
  if (isZip(bytes)) return 'xlsx';
  if (isCompoundFile(bytes)) return 'compound';
  return 'csv';
}

const HOLDS = {
  sav: { en: 'an SPSS data file', extension: '.sav' },
  xlsx: { en: 'an Excel workbook', extension: '.xlsx' },
  compound: { en: 'an encrypted Excel workbook or an old .xls file', extension: '.xlsx' },
  csv: { en: 'text (CSV)', extension: '.csv' },
} as const;

/**
 * The format to read the file as, or the problem when its name and its bytes disagree. A name
 * without a known extension leaves it to the bytes.
 */
export function detectFormat(bytes: Uint8Array, fileName: string | undefined): { format: FileFormat } | { problem: Problem } {
  const byBytes = formatFromBytes(bytes);
  const byName = formatFromName(fileName);
  if (byName === 'xlsx' && byBytes === 'compound') return { format: 'xlsx' };
  if (byName === undefined) return { format: byBytes === 'compound' ? 'xlsx' : byBytes };
  if (byName === byBytes) return { format: byName };
  const ext = /\.[a-z0-9]+$/i.exec(fileName ?? '')?.[0] ?? '';
  const holds = HOLDS[byBytes];
  return { problem: ingestProblem('FormatMismatch', { name: quoted(ext), holds: holds.en, extension: holds.extension }) };
}

/** The records of an SPSS file or a workbook sheet, with what the file says about its columns. */
export interface RecordSource {
  format: 'sav' | 'xlsx';
  header: string[];
  /** The data rows (an SPSS file is read again from its bytes each time). */
  rows: () => Iterable<string[]>;
  metadata?: SourceMetadata;
  /** Workbooks: the sheet read and every sheet's name. */
  sheet?: string;
  sheets?: string[];
  /** About how many rows there are (for progress): a sheet's count, an SPSS header's claim (-1: unknown). */
  expectedRows: number;
  /** Columns that may hold text (an SPSS file's string variables; every column of a sheet): only these are searched for control characters. */
  textColumns: number[];
}

/** A file that cannot be read as its format says, as the report's one problem. */
export function sourceProblem(e: unknown): Problem | undefined {
  if (e instanceof SavError) {
    if (e.code === 'SavBadHeader') return ingestProblem('SavBadHeader', { detail: e.message });
    if (e.code === 'SavTruncated') return ingestProblem('SavTruncated', { what: e.values.what === 'data' ? 'data' : 'dictionary' });
    if (e.code === 'SavZlib') return ingestProblem('SavZlib');
    if (e.code === 'SavZlibTooLarge') return ingestProblem('SavZlibTooLarge', undefined, { limit: { max: Number(e.values.limit), unit: 'bytes' } });
    return ingestProblem(e.code, Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, typeof v === 'string' ? quoted(v) : v])));
  }
  if (e instanceof XlsxError) {
    if (e.code === 'XlsxTooLarge') return ingestProblem('XlsxTooLarge', undefined, { limit: { max: Number(e.values.limit), unit: 'bytes' } });
    if (e.code === 'XlsxTooLargeBrowser') return ingestProblem('XlsxTooLargeBrowser', undefined, { limit: { max: Number(e.values.limit), unit: 'bytes' } });
    if (e.code === 'XlsxUnknownSheet' || e.code === 'XlsxMergedHeader')
      return ingestProblem(e.code, { sheet: quoted(String(e.values.sheet ?? '')), ...(e.values.range ? { range: String(e.values.range) } : {}) });
    return ingestProblem(e.code);
  }
  return undefined;
}

export interface ReadOptions {
  /** The sheet to read, for a workbook (default: the first). */
  sheet?: string;
  /** What a workbook's parts may unpack to. */
  maxInflatedBytes?: number;
  /** How a sheet's rows are read (the server passes exceljs's streaming reader, xlsxStream.ts; default: in memory). */
  rowsReader?: SheetRowsReader;
  /** How a `.zsav`'s zlib blocks are inflated (the server passes Node's zlib; default: DecompressionStream). */
  inflate?: Inflate;
  /** What a `.zsav`'s case data may inflate to: what a plain `.sav` upload may be. */
  maxZsavBytes?: number;
}

/** Reads an SPSS file or a workbook into records; throws SavError or XlsxError when it cannot. */
export async function readSource(bytes: Uint8Array, format: 'sav' | 'xlsx', options: ReadOptions = {}): Promise<RecordSource> {
  if (format === 'sav') {
    let sav = readSav(bytes);
    if (sav.zlib) sav = readSav(bytes, await inflateZsav(bytes, sav.zlib.at, sav.zlib.little, options.inflate ?? inflateWithStreams, options.maxZsavBytes ?? DEFAULT_MAX_BYTES));
    const textColumns = sav.metadata.variables.flatMap((v, i) => (v.numeric ? [] : [i]));
    return { format, header: sav.header, rows: () => sav.rows(), metadata: sav.metadata, expectedRows: sav.claimedCases, textColumns };
  }
  const xlsx = await readXlsx(bytes, options);
  return { format, header: xlsx.header, rows: () => xlsx.rows, sheet: xlsx.sheet, sheets: xlsx.sheets, expectedRows: xlsx.rows.length, textColumns: xlsx.header.map((_, i) => i) };
}
