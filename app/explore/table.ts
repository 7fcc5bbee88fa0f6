import type { Label, Locale } from '@/lib/survey/codebook';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import type { CsvValue } from '@/lib/explore/csv';
import type { BarChartData, CellView, Tier } from '@/lib/explore/model';
import type { SplitPart, SplitRow } from '@/lib/explore/build/dataTypes';
import { formatInterval, formatP, formatPp, MARK_SYMBOL, tx } from './messages';

/**
 * The data table behind a chart, as plain data: the same numbers for the HTML table (formatted for
 * the locale) and for the CSV (numbers as numbers). React-free so both renderings share it.
 */
export interface TableCell {
  text: string;
  /** Row header cell (<th scope="row">). */
  header?: boolean;
  num?: boolean;
  mark?: 'up' | 'down';
  muted?: boolean;
}

export interface TableData {
  head: string[];
  /** How many leading columns are row headers. */
  rowHeaders: number;
  rows: TableCell[][];
  foot: TableCell[][];
  csv: { header: string[]; rows: CsvValue[][] };
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
const tierText = (tier: Tier | undefined, locale: Locale) => (tier ? tx(locale, `tier_${tier}`) : '');

export function noteOf(cell: CellView, minBase: number, locale: Locale): string {
  if (cell.share === null) return tx(locale, 'noAnswers');
  return cell.small ? tx(locale, 'smallBaseReason', { n: formatNumber(cell.respondents, locale), min: formatNumber(minBase, locale) }) : '';
}

export function vsRestText(cell: CellView, locale: Locale): string {
  if (cell.diff === null || cell.pAdjusted === null) return '–';
  const mark = cell.mark ? `${MARK_SYMBOL[cell.mark]} ` : '';
  return `${mark}${formatPp(cell.diff, locale)} (p ${cell.pAdjusted < 0.001 ? '' : '= '}${formatP(cell.pAdjusted, locale)})`;
}

export function barTable(chart: BarChartData, locale: Locale, rowHeader?: Label): TableData {
  const crossed = chart.seriesDim !== null;
  const hasStudyTier = chart.rows.some((r) => r.tier);
  const hasComputedTier = chart.cells.some((c) => c.tier);
  const hasUplift = chart.reference !== null;
  const L = (l: Label) => l[locale];

  const head = [L(rowHeader ?? chart.rowDim)];
  const csvHeader = [L(rowHeader ?? chart.rowDim)];
  if (crossed) {
    head.push(L(chart.seriesDim!));
    csvHeader.push(L(chart.seriesDim!));
  }
  if (hasStudyTier) {
    head.push(tx(locale, 'colTierStudy'));
    csvHeader.push(tx(locale, 'colTierStudy'));
  }
  head.push(tx(locale, 'colShare'), tx(locale, 'colInterval'), tx(locale, 'colN'));
  csvHeader.push(`${tx(locale, 'colShare')} (%)`, `${tx(locale, 'colLower')} (%)`, `${tx(locale, 'colUpper')} (%)`, tx(locale, 'colN'));
  if (chart.pooled) {
    head.push(tx(locale, 'colRatings'));
    csvHeader.push(tx(locale, 'colRatings'));
  }
  head.push(tx(locale, 'colEffective'));
  csvHeader.push(tx(locale, 'colEffective'));
  if (hasUplift) {
    head.push(tx(locale, 'colUplift'));
    csvHeader.push(tx(locale, 'colUpliftPp'));
  }
  head.push(tx(locale, 'colVsRest'));
  csvHeader.push(tx(locale, 'colDiff'), tx(locale, 'colP'), tx(locale, 'colMark'));
  if (hasComputedTier) {
    head.push(tx(locale, 'colTierComputed'));
    csvHeader.push(tx(locale, 'colTierComputed'));
  }
  head.push(tx(locale, 'colNote'));
  csvHeader.push(tx(locale, 'colNote'));

  const seriesLabel = new Map(chart.series.map((s) => [s.key, s.label]));
  const rowOf = new Map(chart.rows.map((r) => [r.key, r]));
  const rows: TableCell[][] = [];
  const csvRows: CsvValue[][] = [];
  const line = (cell: CellView, labelCells: string[], studyTier: Tier | undefined, isFoot = false) => {
    const html: TableCell[] = labelCells.map((text) => ({ text, header: true }));
    const csv: CsvValue[] = [...labelCells];
    if (hasStudyTier) {
      html.push({ text: tierText(studyTier, locale) });
      csv.push(tierText(studyTier, locale));
    }
    const note = noteOf(cell, chart.minBase, locale);
    html.push(
      { text: cell.share === null ? '–' : formatPercent(cell.share, locale), num: true, muted: cell.small },
      { text: formatInterval(cell.lower, cell.upper, locale), num: true },
      { text: formatNumber(cell.respondents, locale), num: true },
    );
    csv.push(pct(cell.share), pct(cell.lower), pct(cell.upper), cell.respondents);
    if (chart.pooled) {
      html.push({ text: formatNumber(cell.ratings, locale), num: true });
      csv.push(cell.ratings);
    }
    html.push({ text: formatNumber(cell.effectiveBase, locale, 1), num: true });
    csv.push(Math.round(cell.effectiveBase * 10) / 10);
    if (hasUplift) {
      const up = isFoot ? null : (cell.uplift ?? null);
      html.push({ text: up === null ? '–' : formatPp(up, locale), num: true });
      csv.push(up === null ? null : Math.round(up * 1000) / 10);
    }
    html.push({ text: isFoot ? '–' : vsRestText(cell, locale), num: true, mark: cell.mark ?? undefined });
    csv.push(isFoot || cell.diff === null ? null : Math.round(cell.diff * 1000) / 10, isFoot ? null : cell.pAdjusted, cell.mark ? MARK_SYMBOL[cell.mark] : '');
    if (hasComputedTier) {
      html.push({ text: tierText(cell.tier, locale) });
      csv.push(tierText(cell.tier, locale));
    }
    html.push({ text: note, muted: true });
    csv.push(note);
    return { html, csv };
  };

  // Rows in the chart's order, series within.
  const bySeries = new Map(chart.cells.map((c) => [`${c.row}\u0000${c.series}`, c]));
  for (const row of chart.rows) {
    for (const series of chart.series) {
      const cell = bySeries.get(`${row.key}\u0000${series.key}`);
      if (!cell) continue;
      const labels = crossed ? [L(row.label), L(seriesLabel.get(series.key)!)] : [L(row.label)];
      const { html, csv } = line(cell, labels, rowOf.get(row.key)?.tier);
      rows.push(html);
      csvRows.push(csv);
    }
  }
  const foot: TableCell[][] = [];
  if (chart.reference) {
    const labels = crossed ? [tx(locale, 'overallRow'), ''] : [tx(locale, 'overallRow')];
    const { html, csv } = line(chart.reference, labels, undefined, true);
    foot.push(html);
    csvRows.push(csv);
  }
  return { head, rowHeaders: crossed ? 2 : 1, rows, foot, csv: { header: csvHeader, rows: csvRows } };
}

export function splitTable(parts: SplitPart[], rows: SplitRow[], minBase: number, locale: Locale, rowHeader: string): TableData {
  const L = (l: Label) => l[locale];
  const head = [rowHeader, tx(locale, 'colTierStudy')];
  const csvHeader = [rowHeader, tx(locale, 'colTierStudy')];
  for (const part of parts) {
    head.push(`${L(part.label)}: ${tx(locale, 'colShare').toLowerCase()}`, `${L(part.label)}: ${tx(locale, 'colInterval')}`);
    csvHeader.push(`${L(part.label)} (%)`, `${L(part.label)}: ${tx(locale, 'colLower')} (%)`, `${L(part.label)}: ${tx(locale, 'colUpper')} (%)`);
  }
  head.push(tx(locale, 'colN'), tx(locale, 'colEffective'), tx(locale, 'colTierComputed'), tx(locale, 'colNote'));
  csvHeader.push(tx(locale, 'colN'), tx(locale, 'colEffective'), tx(locale, 'colTierComputed'), tx(locale, 'colNote'));
  const htmlRows: TableCell[][] = [];
  const csvRows: CsvValue[][] = [];
  for (const row of rows) {
    const base = row.parts[0];
    const html: TableCell[] = [{ text: L(row.label), header: true }, { text: tierText(row.tier, locale) }];
    const csv: CsvValue[] = [L(row.label), tierText(row.tier, locale)];
    for (const cell of row.parts) {
      html.push({ text: cell.share === null ? '–' : formatPercent(cell.share, locale), num: true }, { text: formatInterval(cell.lower, cell.upper, locale), num: true });
      csv.push(pct(cell.share), pct(cell.lower), pct(cell.upper));
    }
    html.push(
      { text: formatNumber(base.respondents, locale), num: true },
      { text: formatNumber(base.effectiveBase, locale, 1), num: true },
      { text: base.small ? '' : tierText(row.computedTier, locale) },
      { text: noteOf(base, minBase, locale), muted: true },
    );
    // A tier is read from the interval: a row under the minimum base has none.
    csv.push(base.respondents, Math.round(base.effectiveBase * 10) / 10, base.small ? '' : tierText(row.computedTier, locale), noteOf(base, minBase, locale));
    htmlRows.push(html);
    csvRows.push(csv);
  }
  return { head, rowHeaders: 1, rows: htmlRows, foot: [], csv: { header: csvHeader, rows: csvRows } };
}
