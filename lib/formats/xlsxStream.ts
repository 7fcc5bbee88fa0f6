import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SheetRows, XlsxError, type SheetRowsReader, type ZipEntry } from './xlsx';

/**
 * The server's reader of a sheet's rows: exceljs's streaming reader (`ExcelJS.stream.xlsx.WorkbookReader`,
 * as its documentation advises for large files), a row at a time, so that no workbook of objects is
 * built: memory is the rows' strings (npm run bench:ingest). Node only (it reads Node streams), so
 * the browser's worker never imports this module.
 *
 * The reader is handed a zip of its own making, holding only what it needs, in the order it needs
 * it: the workbook (its date system), its relationships, the styles (which number formats are
 * dates), the shared strings (an empty table when the workbook has none) and then the one chosen
 * sheet. Given a workbook as Excel writes it (the sheets before the shared strings and the styles),
 * it would copy each sheet to a temporary file first, and read dates as plain numbers when the
 * styles came after the sheet.
 */

/** A local file header and the entry's bytes as they are (compressed or stored). */
function localEntry(name: string, entry: Pick<ZipEntry, 'method' | 'crc' | 'declaredSize' | 'data'>): Uint8Array[] {
  const nameBytes = new TextEncoder().encode(name);
  const header = new Uint8Array(30 + nameBytes.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 0x0800, true);
  view.setUint16(8, entry.method, true);
  view.setUint32(14, entry.crc, true);
  view.setUint32(18, entry.data.length, true);
  view.setUint32(22, entry.declaredSize, true);
  view.setUint16(26, nameBytes.length, true);
  header.set(nameBytes, 30);
  return [header, entry.data];
}

const EMPTY_SHARED_STRINGS = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

export const readRowsStreaming: SheetRowsReader = async (_bytes, entries, sheet) => {
  const part = (name: string) => entries.find((e) => e.name === name);
  const chunks: Uint8Array[] = [];
  for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']) {
    const e = part(name);
    if (e) chunks.push(...localEntry(name, e));
  }
  chunks.push(...localEntry('xl/sharedStrings.xml', part('xl/sharedStrings.xml') ?? { method: 0, crc: 0, declaredSize: EMPTY_SHARED_STRINGS.length, data: EMPTY_SHARED_STRINGS }));
  // Named as exceljs's reader expects a sheet part (some writers name theirs otherwise).
  chunks.push(...localEntry('xl/worksheets/sheet1.xml', part(sheet.path)!));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows = new SheetRows();
  try {
    for await (const worksheet of reader)
      for await (const row of worksheet) rows.add(row.number, row.cellCount, (c) => row.getCell(c).value);
  } catch (e) {
    throw new XlsxError('XlsxBroken', `the workbook cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  return rows.rows;
};
