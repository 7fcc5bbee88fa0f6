import PptxGenJS from 'pptxgenjs';
import { formatNumber, formatPercent, appText } from '../i18n/messages';
import type { Label, Locale } from '../survey/codebook';
import { shownCell } from './display';
import type { CrossTable } from './model';
import { footnoteLines, tableWords } from './text';

/**
 * A banner table as a slide with a native PowerPoint table (pptxgenjs), which the audience can
 * restyle: the banner in two or three header rows, the unweighted base, then a row per question
 * with each column's percentage and letters ("46% Bc"); significant cells bold, small ones grey
 * (or a dash). Long tables continue on further slides with the header repeated; the footnote is
 * under the table and in the speaker notes.
 */
const INK = '1C2430';
const MUTED = '5A6472';
const GREY = '8A8F98';
const HEAD = 'EFF2F6';
const FONT = 'Arial';
/** Question rows per slide under a two- or three-row banner and the base row. */
const ROWS_PER_SLIDE = 14;

type Cell = PptxGenJS.TableCell;

export async function tablePptx(table: CrossTable, locale: Locale, context: { datasetName: Label }): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = appText(locale, 'appName');
  pptx.title = table.rowsLabel[locale];
  const head = (text: string, options: Partial<PptxGenJS.TableCellProps> = {}): Cell => ({ text, options: { bold: true, fill: { color: HEAD }, align: 'center', valign: 'middle', ...options } });
  const nested = table.groups.some((g) => g.attributes.length === 2);
  const groupRow: Cell[] = [head('', { align: 'left' }), head(tableWords(locale, 'total'), { rowspan: nested ? 2 : 1 })];
  for (const group of table.groups)
    groupRow.push(head(group.attributes.map((a) => a.label[locale]).join(' × '), { colspan: group.columns.length, ...(nested && group.attributes.length === 1 ? { rowspan: 2 } : {}) }));
  const outerRow: Cell[] = [head('', { align: 'left' })];
  if (nested)
    for (const group of table.groups.filter((g) => g.attributes.length === 2))
      for (const level of [...new Map(group.columns.map((c) => [table.columns[c].outer!.code, table.columns[c].outer!])).values()])
        outerRow.push(head(level.label[locale], { colspan: group.columns.filter((c) => table.columns[c].outer!.code === level.code).length }));
  const columnRow: Cell[] = [head('', { align: 'left' }), ...table.columns.map((c) => head(c.letter ? `${c.label[locale]}\n(${c.letter})` : c.label[locale]))];
  const baseRow: Cell[] = [
    { text: tableWords(locale, 'baseN'), options: { italic: true, color: MUTED } },
    ...table.columns.map((c) => ({ text: formatNumber(c.base.n, locale), options: { italic: true, color: MUTED, align: 'center' as const } })),
  ];
  const rows: Cell[][] = table.rows.map((row) => [
    { text: row.label[locale], options: { italic: row.kind === 'net' } },
    ...table.columns.map((_, c): Cell => {
      const shown = shownCell(table, row, c);
      if (shown.kind === 'empty') return { text: '' };
      if (shown.kind === 'suppressed') return { text: tableWords(locale, 'dash'), options: { color: GREY, align: 'center' } };
      const text = `${formatPercent(shown.share, locale, 0)}${shown.letters ? ` ${shown.letters}` : ''}`;
      return { text, options: { align: 'center', bold: !!shown.letters, color: shown.small ? GREY : INK } };
    }),
  ]);
  const header = nested ? [groupRow, outerRow, columnRow] : [groupRow, columnRow];

  const labelWidth = Math.min(3.2, 12.5 - 0.62 * table.columns.length);
  const width = (12.5 - labelWidth) / table.columns.length;
  const footnote = footnoteLines(table, locale).join(' ');
  // Paged by hand, the header and base repeated: pptxgenjs's own paging splits a cell's words into runs out of order.
  const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_SLIDE));
  for (let page = 0; page < pages; page++) {
    const slide = pptx.addSlide();
    const title = pages > 1 ? `${table.rowsLabel[locale]} (${page + 1}/${pages})` : table.rowsLabel[locale];
    slide.addText(title, { x: 0.4, y: 0.25, w: 12.5, h: 0.5, fontFace: FONT, fontSize: 20, bold: true, color: INK });
    slide.addText(context.datasetName[locale], { x: 0.4, y: 0.72, w: 12.5, h: 0.3, fontFace: FONT, fontSize: 11, color: MUTED });
    slide.addTable([...header, baseRow, ...rows.slice(page * ROWS_PER_SLIDE, (page + 1) * ROWS_PER_SLIDE)], {
      x: 0.4,
      y: 1.1,
      w: 12.5,
      colW: [labelWidth, ...table.columns.map(() => width)],
      fontFace: FONT,
      fontSize: table.columns.length > 12 ? 8 : 10,
      color: INK,
      border: { type: 'solid', pt: 0.5, color: 'D0D5DD' },
      valign: 'middle',
    });
    slide.addText(footnote, { x: 0.4, y: 6.75, w: 12.5, h: 0.65, fontFace: FONT, fontSize: 7, color: MUTED, valign: 'bottom', margin: 0 });
    slide.addNotes(footnote);
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}
