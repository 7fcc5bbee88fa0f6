import { csvOptionsFor, toCsv, type CsvValue } from '../csv/writer';
import type { Locale } from '../survey/codebook';
import { rowHasOwnBase, shownCell } from './display';
import type { CrossTable } from './model';
import { footnoteLines, tableWords } from './text';

/**
 * A banner table as CSV, laid out as the sheet is: a header naming each column (banner group, outer
 * level, column and letter), the three base rows, then per question its percentages (numbers, one
 * decimal) each followed by its letters, and the footnote. Written by the explorer's formula-safe
 * writer (labels come from uploaded codebooks); Dutch files use ";" and decimal commas.
 */
export function tableCsv(table: CrossTable, locale: Locale): string {
  const columnName = (c: CrossTable['columns'][number]) => {
    const group = c.group < 0 ? null : table.groups[c.group].attributes.map((a) => a.label[locale]).join(' × ');
    const name = [group, c.outer?.label[locale], c.label[locale]].filter(Boolean).join(': ');
    return c.letter ? `${name} (${c.letter})` : name;
  };
  const header = [table.rowsLabel[locale], ...table.columns.flatMap((c) => [`${columnName(c)} %`, `${columnName(c)} ${tableWords(locale, 'letters')}`])];
  const bases: CsvValue[][] = [
    [tableWords(locale, 'baseN'), ...table.columns.flatMap((c) => [c.base.n, null])],
    [tableWords(locale, 'baseWeighted'), ...table.columns.flatMap((c) => [round(c.base.weightedN), null])],
    [tableWords(locale, 'baseEffective'), ...table.columns.flatMap((c) => [round(c.base.effectiveN), null])],
  ];
  const rows: CsvValue[][] = table.rows.flatMap((row) => {
    const line: CsvValue[] = [
      row.label[locale],
      ...table.columns.flatMap((_, c): CsvValue[] => {
        const shown = shownCell(table, row, c);
        if (shown.kind === 'empty') return [null, null];
        if (shown.kind === 'suppressed') return [tableWords(locale, 'dash'), null];
        return [round(shown.share * 100), shown.letters || null];
      }),
    ];
    return rowHasOwnBase(table, row) ? [line, [tableWords(locale, 'rowBase'), ...row.cells.flatMap((cell) => [cell.n, null])]] : [line];
  });
  const footnote = footnoteLines(table, locale).map((line) => [line]);
  return toCsv(header, [...bases, ...rows, [], ...footnote], { ...csvOptionsFor(locale), digits: 1 });
}

const round = (x: number) => Math.round(x * 10) / 10;

/** A tab book as one CSV: its tables one after another, a blank line between. */
export function tabBookCsv(tables: CrossTable[], locale: Locale): string {
  return tables.map((t, i) => (i === 0 ? tableCsv(t, locale) : tableCsv(t, locale).replace(/^\uFEFF/, ''))).join('\r\n');
}
