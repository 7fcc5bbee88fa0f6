import ExcelJS from 'exceljs';

/**
 * Reads a banner table back out of a workbook written by lib/tables/xlsx.ts, as a reader of the
 * sheet would: the banner's column labels, and per question row its percentages and letters, found
 * by their places in the sheet (the label column, the header row holding "(A)", "(B)", ...). For
 * tests (unit and e2e), so that they check the file, not the code that wrote it.
 */
export interface ReadTable {
  sheet: string;
  title: string;
  /** Per banner column (Total first): its label and letter ("" for Total). */
  columns: { label: string; letter: string }[];
  /** The three base rows and each question row, by label. */
  rows: { label: string; values: (number | string | null)[]; letters: string[]; bold: boolean[]; grey: boolean[] }[];
  frozen: { xSplit?: number; ySplit?: number };
}

const plain = (value: ExcelJS.CellValue): string | number | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
};

export async function readWorkbook(bytes: ArrayBuffer | Buffer): Promise<{ book: ExcelJS.Workbook; tables: ReadTable[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  const tables: ReadTable[] = [];
  book.eachSheet((sheet) => {
    // The letter row: the first row whose second cell is Total's empty letter and third holds "(A)"... found by "(A)".
    let letterRow = -1;
    sheet.eachRow((row, r) => {
      if (letterRow < 0 && row.values && (row.values as ExcelJS.CellValue[]).some((v) => v === '(A)')) letterRow = r;
    });
    if (letterRow < 0) return;
    const columnRow = letterRow - 1;
    const columns: ReadTable['columns'] = [];
    for (let c = 2; c <= sheet.columnCount; c += 2) {
      const label = plain(sheet.getCell(columnRow, c).value);
      if (label === null) break;
      const letter = String(plain(sheet.getCell(letterRow, c).value) ?? '').replace(/[()]/g, '');
      columns.push({ label: String(label), letter });
    }
    const rows: ReadTable['rows'] = [];
    for (let r = letterRow + 1; r <= sheet.rowCount; r++) {
      const label = plain(sheet.getCell(r, 1).value);
      if (label === null) break; // the blank row before the footnote
      rows.push({
        label: String(label),
        values: columns.map((_, k) => plain(sheet.getCell(r, 2 + 2 * k).value)),
        letters: columns.map((_, k) => String(plain(sheet.getCell(r, 3 + 2 * k).value) ?? '')),
        bold: columns.map((_, k) => !!sheet.getCell(r, 2 + 2 * k).font?.bold),
        grey: columns.map((_, k) => sheet.getCell(r, 2 + 2 * k).font?.color?.argb === 'FF8A8F98'),
      });
    }
    const view = sheet.views[0] as { xSplit?: number; ySplit?: number } | undefined;
    tables.push({ sheet: sheet.name, title: String(plain(sheet.getCell(1, 1).value) ?? ''), columns, rows, frozen: { xSplit: view?.xSplit, ySplit: view?.ySplit } });
  });
  return { book, tables };
}
