import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Reads an Excel workbook (`.xlsx`) with exceljs: the first sheet or a chosen one, its first row
 * as the header and every later row as a record of strings. Numbers are read as their values
 * ("3", "0.825"), dates as ISO dates ("2026-05-01"), formulas as their cached results, rich text as
 * its plain text. A header that spans merged rows is flagged rather than guessed at.
 *
 * An `.xlsx` is a zip of XML: exceljs inflates every part in memory and has no limit of its own.
 * So the parts are first inflated here, streaming, and counted: past MAX_INFLATED_BYTES the file is
 * refused (a zip bomb, whatever sizes its directory declares), before exceljs sees it.
 */

export class XlsxError extends Error {
  constructor(
    readonly code: 'XlsxNotZip' | 'XlsxEncrypted' | 'XlsxTooLarge' | 'XlsxNoSheet' | 'XlsxUnknownSheet' | 'XlsxMergedHeader' | 'XlsxBroken',
    message: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** What the parts of a workbook may inflate to: a 100,000-row sheet of tens of columns fits (about 60 MB of XML), a bomb does not; exceljs holds it all, several times over. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

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

interface ZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', fn: (e: Error) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/** Inflates every part once, counting, and stops past the limit. */
async function checkInflatedSize(zip: JSZip, limit: number): Promise<void> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      // JSZip's own streaming inflater (its types leave it out): chunk by chunk, so counting can stop early.
      const stream = (entry as unknown as { internalStream(type: 'uint8array'): ZipStream }).internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          total += chunk.length;
          if (total > limit) {
            stream.pause();
            reject(new XlsxError('XlsxTooLarge', `the workbook's parts inflate to more than ${limit} bytes`, { limit }));
          }
        })
        .on('error', (e: Error) => reject(new XlsxError('XlsxBroken', `the workbook cannot be unzipped: ${e.message}`)))
        .on('end', () => resolve())
        .resume();
    });
  }
}

export async function readXlsx(bytes: Uint8Array, options: { sheet?: string; maxInflatedBytes?: number } = {}): Promise<XlsxFile> {
  if (isCompoundFile(bytes)) throw new XlsxError('XlsxEncrypted', 'the workbook is password-protected (or an old .xls): save it without a password as .xlsx');
  if (!isZip(bytes)) throw new XlsxError('XlsxNotZip', 'the file is not an Excel workbook (.xlsx)');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new XlsxError('XlsxBroken', `the workbook cannot be unzipped: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!zip.file('xl/workbook.xml')) throw new XlsxError('XlsxNotZip', 'the file is a zip, but not an Excel workbook (.xlsx)');
  await checkInflatedSize(zip, options.maxInflatedBytes ?? MAX_INFLATED_BYTES);

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
    rows.push(values);
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
