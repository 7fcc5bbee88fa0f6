import ExcelJS from 'exceljs';
import { isBlankRecord } from '../survey/cells';

/**
 * Reads an Excel workbook (`.xlsx`): the first sheet or a chosen one, its first row as the header
 * and every later row as a record of strings. Numbers are read as their values ("3", "0.825"),
 * dates as ISO dates ("2026-05-01"), formulas as their cached results, rich text as its plain text.
 * A header that spans merged rows is flagged rather than guessed at.
 *
 * What is read here, whoever reads the rows: the zip's directory, the sheets' names in the
 * workbook's order (xl/workbook.xml and its relationships), and every part inflated once,
 * streaming (DecompressionStream, in the browser's worker and in Node alike) and counted: past
 * `maxInflatedBytes` the file is refused (a zip bomb, whatever sizes its directory declares) before
 * any reader sees it; the chosen sheet's merged cells are read on the way.
 *
 * The rows themselves: on the server, exceljs's streaming reader (xlsxStream.ts: a sheet at a time,
 * a row at a time, no workbook of objects), which allows a large sheet; in the browser's worker,
 * whose exceljs bundle has no streaming reader (it needs Node's streams and file system), exceljs's
 * in-memory reader, which holds about 16 bytes per byte of sheet XML: hence the browser's lower limit.
 */

/** The problem codes this reader throws (each worded in lib/ingest/problemMessages.ts). */
export type XlsxProblemCode = 'XlsxNotZip' | 'XlsxEncrypted' | 'XlsxTooLarge' | 'XlsxTooLargeBrowser' | 'XlsxNoSheet' | 'XlsxUnknownSheet' | 'XlsxMergedHeader' | 'XlsxBroken';

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
 * What a workbook's parts may inflate to when exceljs's in-memory reader reads the rows (the browser's
 * worker). exceljs builds the whole workbook as objects: measured (20,000 rows x 40 columns: 22 MB of
 * XML, 480 MB peak RSS) about 16 bytes of memory per byte of XML, so 32 MB (about 28,000 rows of 40
 * columns) keeps a tab's worker well under 1 GB; a larger workbook is refused with the advice to send
 * it as CSV.
 */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

/**
 * What a workbook's parts may inflate to on the server, whose streaming reader holds only the rows'
 * strings: npm run bench:ingest, 100,000 rows of study G's shape, 108 MB of XML, 455 MB peak RSS
 * (171 MB before reading), about 2.6 bytes per byte of XML; so 200 MB (about 185,000 such rows)
 * keeps the server under 1 GB.
 */
export const MAX_STREAMED_INFLATED_BYTES = 200 * 1024 * 1024;

/**
 * How many times its compressed size a part may declare it inflates to, checked from the directory
 * before anything is inflated: sheet XML deflates 5-20 times; zeros, a bomb's filling, about 1,000.
 */
const MAX_DECLARED_RATIO = 200;

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
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  /** The size the directory declares inflated (a claim: checked by inflating). */
  declaredSize: number;
  data: Uint8Array;
}

/** A sheet as the workbook lists it: its name and the part that holds it. */
export interface SheetPart {
  name: string;
  path: string;
}

/** Reads the rows of one sheet part: exceljs in memory (default) or streaming (xlsxStream.ts, the server's). */
export type SheetRowsReader = (bytes: Uint8Array, entries: ZipEntry[], sheet: SheetPart) => Promise<string[][]>;

const broken = (detail = 'its directory is damaged') => new XlsxError('XlsxBroken', `the workbook cannot be unzipped: ${detail}`);

/** The entries of a zip from its central directory (no ZIP64: a workbook that needs it is far past the limits). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw broken();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw broken();
    entries.push({ name, method, crc, declaredSize, data: bytes.subarray(start, start + compressed) });
  }
  return entries;
}

/** An inflated part's bytes, in chunks, stopped past `budget.left`; `onChunk` sees each chunk. */
async function inflateCounted(entry: ZipEntry, budget: { left: number; tooLarge: () => XlsxError }, onChunk?: (chunk: Uint8Array) => void): Promise<void> {
  if (entry.method === 0) {
    budget.left -= entry.data.length;
    if (budget.left < 0) throw budget.tooLarge();
    onChunk?.(entry.data);
    return;
  }
  if (entry.method !== 8) throw new XlsxError('XlsxBroken', `the workbook uses a compression method (${entry.method}) Excel does not write`);
  const reader = new Blob([entry.data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.left -= value.length;
      if (budget.left < 0) {
        await reader.cancel().catch(() => undefined);
        throw budget.tooLarge();
      }
      onChunk?.(value);
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw broken(e instanceof Error ? e.message : String(e));
  }
}

/** A small part (the workbook, its relationships) as text, within what is left of the budget. */
async function partText(entry: ZipEntry, budget: { left: number; tooLarge: () => XlsxError }): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  await inflateCounted(entry, budget, (chunk) => (text += decoder.decode(chunk, { stream: true })));
  return text + decoder.decode();
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (XML_ENTITIES[e] ?? m)));
const attribute = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m ? xmlText(m[1]) : undefined;
};

/** The worksheets in the workbook's order, each with its part (chart sheets, which hold no rows, left out). */
function sheetParts(workbookXml: string, relsXml: string): SheetPart[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const id = attribute(m[0], 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path && /worksheets\//.test(path)) sheets.push({ name, path });
  }
  return sheets;
}

/** The sheets of a workbook by name, in its order (for the upload panel's choice): [] when it is none or cannot be read. */
export async function workbookSheetNames(bytes: Uint8Array): Promise<string[]> {
  try {
    return (await workbookOutline(bytes, MAX_INFLATED_BYTES)).sheets.map((s) => s.name);
  } catch {
    return [];
  }
}

/** The zip's entries and the workbook's sheets, refusing what is no workbook. */
async function workbookOutline(bytes: Uint8Array, limit: number): Promise<{ entries: ZipEntry[]; sheets: SheetPart[] }> {
  if (isCompoundFile(bytes)) throw new XlsxError('XlsxEncrypted', 'the workbook is password-protected (or an old .xls): save it without a password as .xlsx');
  if (!isZip(bytes)) throw new XlsxError('XlsxNotZip', 'the file is not an Excel workbook (.xlsx)');
  const entries = zipEntries(bytes);
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml');
  if (!workbook) throw new XlsxError('XlsxNotZip', 'the file is a zip, but not an Excel workbook (.xlsx)');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  const budget = { left: limit, tooLarge: () => new XlsxError('XlsxTooLarge', `the workbook's parts inflate to more than ${limit} bytes`, { limit }) };
  const sheets = sheetParts(await partText(workbook, budget), rels ? await partText(rels, budget) : '');
  return { entries, sheets };
}

/**
 * Checks what every part inflates to, first as the directory declares it (before inflating:
 * the total and each part's ratio), then by inflating it, and returns the chosen sheet's merged
 * ranges that touch its first row (read from the XML on the way).
 */
async function checkInflatedSize(entries: ZipEntry[], limit: number, sheetPath: string, where: 'server' | 'browser'): Promise<string[]> {
  const tooLarge = () =>
    where === 'browser'
      ? new XlsxError('XlsxTooLargeBrowser', `the workbook's parts inflate to more than ${limit} bytes, more than the browser reads`, { limit, serverLimit: MAX_STREAMED_INFLATED_BYTES })
      : new XlsxError('XlsxTooLarge', `the workbook's parts inflate to more than ${limit} bytes`, { limit });
  let declared = 0;
  for (const entry of entries) {
    declared += entry.declaredSize;
    if (declared > limit) throw tooLarge();
    if (entry.method === 8 && entry.declaredSize > MAX_DECLARED_RATIO * Math.max(entry.data.length, 1024)) throw new XlsxError('XlsxTooLarge', `a part declares it inflates ${Math.round(entry.declaredSize / entry.data.length)} times its size: a zip bomb`, { limit });
  }
  const budget = { left: limit, tooLarge };
  const merges: string[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.name !== sheetPath) {
      await inflateCounted(entry, budget);
      continue;
    }
    // <mergeCells> follows <sheetData>: the XML is searched as it streams by, a tail kept across chunks.
    const decoder = new TextDecoder();
    let tail = '';
    const scan = (text: string) => {
      const all = tail + text;
      let last = 0;
      for (const m of all.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
        last = m.index + m[0].length;
        if (Number(m[2]) === 1 && merges.length < 100) merges.push(`${m[1]}${m[2]}:${m[3]}${m[4]}`);
      }
      tail = all.slice(Math.max(last, all.length - 200));
    };
    await inflateCounted(entry, budget, (chunk) => scan(decoder.decode(chunk, { stream: true })));
    scan(decoder.decode());
  }
  return merges;
}

/** A merge that covers the header row and reaches into the next, or a header cell merged across columns: the header spans several rows. */
function mergedHeader(ranges: string[]): string | undefined {
  return ranges.find((range) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    return !!m && Number(m[2]) === 1 && (Number(m[4]) > 1 || m[1] !== m[3]);
  });
}

/** exceljs's in-memory reader (the browser's worker): the whole workbook as objects, then the chosen sheet's rows. */
export const readRowsInMemory: SheetRowsReader = async (bytes, _entries, sheet) => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer as never);
  } catch (e) {
    throw new XlsxError('XlsxBroken', `the workbook cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const worksheet = workbook.worksheets.find((w) => w.name === sheet.name);
  if (!worksheet) throw new XlsxError('XlsxUnknownSheet', `the workbook has no sheet named ${sheet.name}`, { sheet: sheet.name.slice(0, 80) });
  const rows = new SheetRows();
  worksheet.eachRow({ includeEmpty: true }, (row) => rows.add(row.number, row.cellCount, (c) => row.getCell(c).value));
  return rows.rows;
};

/**
 * A sheet's rows as records, from either reader: the first row's width is the header's; a wholly
 * blank row (often left formatted below the data) is no respondent, as a CSV's blank line is none;
 * a sheet whose first row is missing has a blank header.
 */
export class SheetRows {
  readonly rows: string[][] = [];
  private width = 0;
  add(number: number, cellCount: number, value: (column: number) => ExcelJS.CellValue): void {
    if (this.rows.length === 0 && number > 1) this.rows.push([]);
    const values = new Array<string>(Math.max(this.width, cellCount));
    for (let c = 1; c <= values.length; c++) values[c - 1] = cellText(value(c));
    if (this.rows.length === 0) this.width = values.length;
    if (this.rows.length === 0 || !isBlankRecord(values)) this.rows.push(values);
  }
}

export interface ReadXlsxOptions {
  sheet?: string;
  /** What the parts may inflate to (default: MAX_INFLATED_BYTES, or MAX_STREAMED_INFLATED_BYTES with a streaming reader). */
  maxInflatedBytes?: number;
  /** How the rows are read: readRowsInMemory (default, the browser's) or the server's streaming reader. */
  rowsReader?: SheetRowsReader;
}

export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<XlsxFile> {
  const streaming = options.rowsReader !== undefined && options.rowsReader !== readRowsInMemory;
  const limit = options.maxInflatedBytes ?? (streaming ? MAX_STREAMED_INFLATED_BYTES : MAX_INFLATED_BYTES);
  const { entries, sheets } = await workbookOutline(bytes, limit);
  if (sheets.length === 0) throw new XlsxError('XlsxNoSheet', 'the workbook has no sheet');
  const sheet = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (!sheet) throw new XlsxError('XlsxUnknownSheet', `the workbook has no sheet named ${options.sheet}`, { sheet: String(options.sheet).slice(0, 80) });
  if (!entries.some((e) => e.name === sheet.path)) throw broken(`the part of sheet ${sheet.name} is missing`);
  const merged = mergedHeader(await checkInflatedSize(entries, limit, sheet.path, streaming ? 'server' : 'browser'));
  // Which row names the columns cannot be guessed.
  if (merged) throw new XlsxError('XlsxMergedHeader', `the sheet's header has merged cells (${merged}): make one header row, a name per column`, { range: merged, sheet: sheet.name.slice(0, 80) });

  const [header = [], ...data] = await (options.rowsReader ?? readRowsInMemory)(bytes, entries, sheet);
  return { header: header.map((h) => h.trim()), sheet: sheet.name, sheets: sheets.map((s) => s.name), rows: data };
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
