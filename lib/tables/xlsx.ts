import ExcelJS from 'exceljs';
import { formatNumber } from '../i18n/numbers';
import type { Label, Locale } from '../survey/codebook';
import { rowHasOwnBase, shownCell } from './display';
import type { CrossTable } from './model';
import { correctionText, filterText, footnoteLines, lettersText, rowsText, smallCellsText, tableWords, weightText } from './text';
import { neutraliseFormula } from '../csv/writer';

/**
 * Banner tables as an Excel workbook (exceljs): one sheet per table, each with its banner in header
 * rows (group, nested outer level, column, letter), the three base rows, then a row per question
 * with each column's percentage (a percent number format) and its letters in a cell of their own;
 * a percentage with letters is bold, one under the minimum base grey (or a dash when suppressed).
 * The header rows and the label column are frozen. A tab book adds a contents sheet linking every
 * table; every workbook ends with a methods sheet (weight, bases, test, correction, levels, data).
 * Text from a codebook is written as text and neutralised like the CSV's, so no label runs as a formula.
 */

export interface WorkbookContext {
  /** The dataset's name as the reader knows it (an upload's own name). */
  datasetName: Label;
  generated?: Date;
}

const GREY = 'FF8A8F98';
const MUTED = 'FF5A6472';
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF2F6' } };
const PERCENT = '0%';
const COUNT = '#,##0';
const DECIMAL = '#,##0.0';

export const xm = {
  contents: { en: 'Contents', nl: 'Inhoud' },
  methods: { en: 'Methods', nl: 'Methode' },
  table: { en: 'Table', nl: 'Tabel' },
  rows: { en: 'Rows', nl: 'Rijen' },
  banner: { en: 'Banner', nl: 'Banner' },
  what: { en: 'What', nl: 'Wat' },
  how: { en: 'How', nl: 'Hoe' },
  dataset: { en: 'Dataset', nl: 'Dataset' },
  data: { en: 'Data', nl: 'Data' },
  respondents: { en: 'Respondents', nl: 'Respondenten' },
  weight: { en: 'Weight', nl: 'Weging' },
  cells: { en: 'Cells', nl: 'Cellen' },
  bases: { en: 'Bases', nl: 'Basis' },
  test: { en: 'Test', nl: 'Toets' },
  letters: { en: 'Letters', nl: 'Letters' },
  correction: { en: 'Correction', nl: 'Correctie' },
  levels: { en: 'Confidence levels', nl: 'Betrouwbaarheidsniveaus' },
  levelsText: { en: '{levels} (p < {alphas})', nl: '{levels} (p < {alphas})' },
  minBase: { en: 'Minimum base', nl: 'Minimale basis' },
  made: { en: 'Made', nl: 'Gemaakt' },
  back: { en: '← Contents', nl: '← Inhoud' },
  tables: { en: '{n} tables', nl: '{n} tabellen' },
  bookBh: { en: 'Benjamini-Hochberg over the pairs of each table on its own.', nl: 'Benjamini-Hochberg over de paren van elke tabel apart.' },
  bookNone: { en: 'No correction for multiple comparisons.', nl: 'Geen correctie voor meervoudig toetsen.' },
} satisfies Record<string, Label>;

const text = (value: string) => neutraliseFormula(value);

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  let name = clean.slice(0, 31);
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${clean.slice(0, 31 - String(k).length - 1)} ${k}`;
  taken.add(name.toLowerCase());
  return name;
}

const link = (sheet: string) => `#'${sheet.replace(/'/g, "''")}'!A1`;

/** A table's sheet: title, banner header rows (group, outer level when nested, column, letter), bases, rows, footnote. */
function tableSheet(book: ExcelJS.Workbook, name: string, table: CrossTable, locale: Locale, context: WorkbookContext, contents: string | null) {
  const nested = table.groups.some((g) => g.attributes.length === 2);
  // Frozen: title, subtitle, synthetic line, group, [outer], column, letter and the three base rows.
  const frozenRows = 3 + (nested ? 4 : 3) + 3;
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: frozenRows }] });
  sheet.getColumn(1).width = 44;
  table.columns.forEach((_, c) => {
    sheet.getColumn(2 + 2 * c).width = 9;
    sheet.getColumn(3 + 2 * c).width = 6;
  });
  const shareCol = (c: number) => 2 + 2 * c;

  sheet.getCell(1, 1).value = text(table.rowsLabel[locale]);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  if (contents) {
    const back = sheet.getCell(1, shareCol(0));
    back.value = { text: xm.back[locale], hyperlink: link(contents) };
    back.font = { color: { argb: 'FF1D5FB8' }, underline: true };
  }
  sheet.getCell(2, 1).value = text([context.datasetName[locale], filterText(table, locale), weightText(table.weighting, locale)].join(' · '));
  sheet.getCell(2, 1).font = { color: { argb: MUTED } };
  if (table.synthetic) {
    sheet.getCell(3, 1).value = tableWords(locale, 'synthetic');
    sheet.getCell(3, 1).font = { italic: true, color: { argb: 'FFB45309' } };
  }

  // Banner header rows.
  let r = 4;
  const groupRow = r++;
  const outerRow = nested ? r++ : -1;
  const columnRow = r++;
  const letterRow = r++;
  const head = (row: number, from: number, to: number, value: string, bold = false) => {
    const cell = sheet.getCell(row, shareCol(from));
    cell.value = text(value);
    cell.font = { bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    // The label spans its columns' percentage and letter cells.
    sheet.mergeCells(row, shareCol(from), row, shareCol(to) + 1);
    for (let c = shareCol(from); c <= shareCol(to) + 1; c++) sheet.getCell(row, c).fill = HEAD_FILL;
  };
  head(groupRow, 0, 0, tableWords(locale, 'total'), true);
  for (const group of table.groups) head(groupRow, group.columns[0], group.columns[group.columns.length - 1], group.attributes.map((a) => a.label[locale]).join(' × '), true);
  if (nested)
    for (const group of table.groups.filter((g) => g.attributes.length === 2)) {
      let start = 0;
      while (start < group.columns.length) {
        let end = start;
        const outer = table.columns[group.columns[start]].outer!;
        while (end + 1 < group.columns.length && table.columns[group.columns[end + 1]].outer!.code === outer.code) end++;
        head(outerRow, group.columns[start], group.columns[end], outer.label[locale]);
        start = end + 1;
      }
    }
  for (const column of table.columns) {
    head(columnRow, column.index, column.index, column.label[locale]);
    head(letterRow, column.index, column.index, column.letter ? `(${column.letter})` : '');
  }
  sheet.getRow(columnRow).height = 30;

  // Base rows.
  const bases: [string, (c: CrossTable['columns'][number]) => number, string][] = [
    [tableWords(locale, 'baseN'), (c) => c.base.n, COUNT],
    [tableWords(locale, 'baseWeighted'), (c) => c.base.weightedN, DECIMAL],
    [tableWords(locale, 'baseEffective'), (c) => c.base.effectiveN, DECIMAL],
  ];
  for (const [label, value, format] of bases) {
    const row = r++;
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 1).font = { italic: true, color: { argb: MUTED } };
    for (const column of table.columns) {
      const cell = sheet.getCell(row, shareCol(column.index));
      cell.value = value(column);
      cell.numFmt = format;
      cell.font = { italic: true, color: { argb: MUTED } };
    }
  }

  // A row per question, its own n under it when its base differs from the column's.
  for (const row of table.rows) {
    const at = r++;
    const label = sheet.getCell(at, 1);
    label.value = text(row.label[locale]);
    label.alignment = { wrapText: true, indent: row.kind === 'net' ? 1 : 0 };
    if (row.kind === 'net') label.font = { italic: true };
    if (row.text) label.note = text(row.text[locale]);
    table.columns.forEach((_, c) => {
      const shown = shownCell(table, row, c);
      const share = sheet.getCell(at, shareCol(c));
      const letters = sheet.getCell(at, shareCol(c) + 1);
      if (shown.kind === 'empty') return;
      if (shown.kind === 'suppressed') {
        share.value = tableWords(locale, 'dash');
        share.alignment = { horizontal: 'right' };
        share.font = { color: { argb: GREY } };
        return;
      }
      share.value = shown.share;
      share.numFmt = PERCENT;
      if (shown.small) share.font = { color: { argb: GREY } };
      else if (shown.letters) share.font = { bold: true };
      if (shown.letters) {
        letters.value = shown.letters;
        letters.font = { bold: true, color: { argb: 'FF1D5FB8' } };
      }
    });
    if (rowHasOwnBase(table, row)) {
      const base = r++;
      sheet.getCell(base, 1).value = tableWords(locale, 'rowBase');
      sheet.getCell(base, 1).alignment = { indent: 1 };
      sheet.getCell(base, 1).font = { italic: true, size: 9, color: { argb: MUTED } };
      row.cells.forEach((cell, c) => {
        const n = sheet.getCell(base, shareCol(c));
        n.value = cell.n;
        n.numFmt = COUNT;
        n.font = { italic: true, size: 9, color: { argb: MUTED } };
      });
    }
  }

  r++;
  for (const line of footnoteLines(table, locale)) {
    sheet.getCell(r, 1).value = line;
    sheet.getCell(r++, 1).font = { size: 9, color: { argb: MUTED } };
  }
}

function methodsSheet(book: ExcelJS.Workbook, name: string, tables: CrossTable[], locale: Locale, context: WorkbookContext) {
  const sheet = book.addWorksheet(name);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 110;
  const first = tables[0];
  const levels = first.alpha.map((a) => `${formatNumber((1 - a) * 100, locale)}%`).join(locale === 'nl' ? ' en ' : ' and ');
  const alphas = first.alpha.map((a) => formatNumber(a, locale, 2)).join(locale === 'nl' ? ' en ' : ' and ');
  const lines: [string, string][] = [
    [xm.dataset[locale], context.datasetName[locale]],
    [xm.data[locale], tableWords(locale, first.synthetic ? 'synthetic' : 'notSynthetic')],
    [xm.respondents[locale], filterText(first, locale)],
    [xm.weight[locale], weightText(first.weighting, locale)],
    [xm.cells[locale], tableWords(locale, 'cellsShare')],
    [xm.bases[locale], tableWords(locale, 'bases')],
    [xm.test[locale], tableWords(locale, 'test')],
    [xm.letters[locale], lettersText(first, locale)],
    [xm.correction[locale], tables.length === 1 ? correctionText(first, locale) : xm[first.correction === 'bh' ? 'bookBh' : 'bookNone'][locale]],
    [xm.levels[locale], xm.levelsText[locale].replace('{levels}', levels).replace('{alphas}', alphas)],
    [xm.minBase[locale], smallCellsText(first, locale)],
    [xm.made[locale], (context.generated ?? new Date()).toISOString().slice(0, 10)],
  ];
  sheet.getCell(1, 1).value = xm.methods[locale];
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  [xm.what[locale], xm.how[locale]].forEach((h, i) => {
    const cell = sheet.getCell(3, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
  });
  lines.forEach(([what, how], i) => {
    sheet.getCell(4 + i, 1).value = what;
    sheet.getCell(4 + i, 1).font = { bold: true };
    sheet.getCell(4 + i, 1).alignment = { vertical: 'top' };
    sheet.getCell(4 + i, 2).value = text(how);
    sheet.getCell(4 + i, 2).alignment = { wrapText: true, vertical: 'top' };
  });
}

/** One table: its sheet and the methods sheet. */
export async function tableXlsx(table: CrossTable, locale: Locale, context: WorkbookContext): Promise<Buffer> {
  return workbook([table], locale, context, false);
}

/** A tab book: contents (linked), one sheet per table, methods. */
export async function tabBookXlsx(tables: CrossTable[], locale: Locale, context: WorkbookContext): Promise<Buffer> {
  return workbook(tables, locale, context, true);
}

async function workbook(tables: CrossTable[], locale: Locale, context: WorkbookContext, withContents: boolean): Promise<Buffer> {
  if (tables.length === 0) throw new RangeError('a workbook needs at least one table');
  const book = new ExcelJS.Workbook();
  book.creator = 'Personalization-acceptance dashboard';
  book.created = context.generated ?? new Date();
  const taken = new Set<string>();
  const contentsName = withContents ? sheetName(xm.contents[locale], taken) : null;
  const methodsName = sheetName(xm.methods[locale], taken);
  const names = tables.map((t, i) => sheetName(`${i + 1} ${t.rowsLabel[locale]}`, taken));

  if (contentsName) {
    const sheet = book.addWorksheet(contentsName);
    sheet.getColumn(1).width = 6;
    sheet.getColumn(2).width = 50;
    sheet.getColumn(3).width = 60;
    sheet.getCell(1, 1).value = text(context.datasetName[locale]);
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getCell(2, 1).value = text(`${xm.tables[locale].replace('{n}', String(tables.length))} · ${tables[0].groups.length ? `${xm.banner[locale]}: ${[tableWords(locale, 'total'), ...tables[0].groups.map((g) => g.attributes.map((a) => a.label[locale]).join(' × '))].join(' | ')}` : tableWords(locale, 'total')}`);
    sheet.getCell(3, 1).value = tableWords(locale, tables[0].synthetic ? 'synthetic' : 'notSynthetic');
    sheet.getCell(3, 1).font = { italic: true, color: { argb: tables[0].synthetic ? 'FFB45309' : MUTED } };
    ['#', xm.table[locale], xm.rows[locale]].forEach((h, i) => {
      const cell = sheet.getCell(5, i + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = HEAD_FILL;
    });
    tables.forEach((t, i) => {
      sheet.getCell(6 + i, 1).value = i + 1;
      const cell = sheet.getCell(6 + i, 2);
      cell.value = { text: text(t.rowsLabel[locale]), hyperlink: link(names[i]) };
      cell.font = { color: { argb: 'FF1D5FB8' }, underline: true };
      sheet.getCell(6 + i, 3).value = text(rowsText(t, locale));
    });
    const methods = sheet.getCell(7 + tables.length, 2);
    methods.value = { text: xm.methods[locale], hyperlink: link(methodsName) };
    methods.font = { color: { argb: 'FF1D5FB8' }, underline: true };
  }
  tables.forEach((t, i) => tableSheet(book, names[i], t, locale, context, contentsName));
  methodsSheet(book, methodsName, tables, locale, context);
  return Buffer.from(await book.xlsx.writeBuffer());
}

