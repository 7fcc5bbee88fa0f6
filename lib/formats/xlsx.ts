import ExcelJS from 'exceljs';
import { isBlankRecord } from '../survey/cells';

/**
 * Reads an Excel workbook (`.xlsx`) with exceljs: the first sheet or a chosen one, its first row
 * as the header and every later row as a record of strings. Numbers are read as their values
 * ("3", "0.825"), dates as ISO dates ("2026-05-01"), formulas as their cached results, rich text as
 * its plain text. A header that spans merged rows is flagged rather than guessed at.
 *
 * An `.xlsx` is a zip of XML: exceljs inflates every part in memory and has no limit of its own.
 * So the parts are first inflated here, streaming (DecompressionStream, in the browser's worker and
 * in Node alike), and counted: past MAX_INFLATED_BYTES the file is
 * refused (a zip bomb, whatever sizes its directory declares), before exceljs sees it.
 */

/** The problem codes this reader throws (each worded in lib/ingest/problemMessages.ts). */
export type XlsxProblemCode = 'XlsxNotZip' | 'XlsxEncrypted' | 'XlsxTooLarge' | 'XlsxNoSheet' | 'XlsxUnknownSheet' | 'XlsxMergedHeader' | 'XlsxBroken';

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxProblemCode,
    message: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/**
 * What the parts of a workbook may inflate to. exceljs builds the whole workbook as objects: measured
 * (npm run bench:ingest, and 20,000 rows x 40 columns: 22 MB of XML, 480 MB peak RSS) it takes about
 * 16 bytes of memory per byte of XML, so 32 MB (about 28,000 rows of 40 columns) keeps a server
 * under 1 GB; a larger sheet is refused with the advice to save it as CSV, and a bomb never gets near.
 */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

/** A zip file starts "PK\x03\x04". */
export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** An OLE compound file: an encrypted (password-protected) workbook, or an old `.xls`. */
export const isCompoundFile = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;

export interface XlsxFile {
  header: string[];
  sheet: string;
  sheets: string[];
  rows: string[][];
}

/** A zip entry as its central directory lists it. */
interface ZipEntry {
  name: string;
  method: number;
  data: Uint8Array;
}

/** The entries of a zip from its central directory (no ZIP64: a workbook that needs it is far past the limits). */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = () => new XlsxError('XlsxBroken', 'the workbook cannot be unzipped: its directory is damaged');
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--)
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw broken();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw broken();
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw broken();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw broken();
    entries.push({ name, method, data: bytes.subarray(start, start + compressed) });
  }
  return entries;
}

/** Inflates every part once, streaming and counting, and stops past the limit: whatever sizes the directory declares. */
async function checkInflatedSize(entries: ZipEntry[], limit: number): Promise<void> {
  let total = 0;
  const tooLarge = () => new XlsxError('XlsxTooLarge', `the workbook's parts inflate to more than ${limit} bytes`, { limit });
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.method === 0) {
      total += entry.data.length;
      if (total > limit) throw tooLarge();
      continue;
    }
    if (entry.method !== 8) throw new XlsxError('XlsxBroken', `the workbook uses a compression method (${entry.method}) Excel does not write`);
    const reader = new Blob([entry.data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > limit) {
          await reader.cancel();
          throw tooLarge();
        }
      }
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      throw new XlsxError('XlsxBroken', `the workbook cannot be unzipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export async function readXlsx(bytes: Uint8Array, options: { sheet?: string; maxInflatedBytes?: number } = {}): Promise<XlsxFile> {
  if (isCompoundFile(bytes)) throw new XlsxError('XlsxEncrypted', 'the workbook is password-protected (or an old .xls): save it without a password as .xlsx');
  if (!isZip(bytes)) throw new XlsxError('XlsxNotZip', 'the file is not an Excel workbook (.xlsx)');
  const entries = zipEntries(bytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new XlsxError('XlsxNotZip', 'the file is a zip, but not an Excel workbook (.xlsx)');
  await checkInflatedSize(entries, options.maxInflatedBytes ?? MAX_INFLATED_BYTES);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer as never);
  } catch (e) {
    throw new XlsxError('XlsxBroken', `the workbook cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  if (sheets.length === 0) throw new XlsxError('XlsxNoSheet', 'the workbook has no sheet');
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === options.sheet);
  if (!sheet) throw new XlsxError('XlsxUnknownSheet', `the workbook has no sheet named ${options.sheet}`, { sheet: String(options.sheet).slice(0, 80) });

  // A merge that covers the header row and reaches into the next, or a header cell merged across
  // columns, means the header spans several rows: which row names the columns cannot be guessed.
  const merges: string[] = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (m && Number(m[2]) === 1 && (Number(m[4]) > 1 || m[1] !== m[3])) throw new XlsxError('XlsxMergedHeader', `the sheet's header has merged cells (${range}): make one header row, a name per column`, { range, sheet: sheet.name.slice(0, 80) });
  }

  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = new Array<string>(Math.max(width, row.cellCount));
    for (let c = 1; c <= values.length; c++) values[c - 1] = cellText(row.getCell(c).value);
    // A wholly blank row (often left formatted below the data) is no respondent, as a CSV's blank line is none.
    if (rows.length === 0 || !isBlankRecord(values)) rows.push(values);
  });
  const [header = [], ...data] = rows;
  return { header: header.map((h) => h.trim()), sheet: sheet.name, sheets, rows: data };
}

/** A cell's value as a record's string. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
