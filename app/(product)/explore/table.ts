import type { Label, Locale } from '@/lib/survey/codebook';
import { formatNumber, formatPercent, formatPoints, pStatement } from '@/lib/i18n/numbers';
import type { CsvValue } from '@/lib/csv/writer';
import type { BarChartData, CellView } from '@/lib/explore/model';
import type { Tier } from '@/lib/analysis/tiers';
import { formatInterval, MARK_SYMBOL, type ExploreText } from './messages';

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
  /** Long text (a full question): wraps in a wide column. */
  long?: boolean;
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
const tierText = (tier: Tier | undefined, t: ExploreText) => (tier ? t(`tier_${tier}`) : '');

export function noteOf(cell: CellView, minBase: number, locale: Locale, t: ExploreText): string {
  if (cell.share === null) return t('noAnswers');
  return cell.small ? t('smallBaseReason', { n: formatNumber(cell.respondents, locale), min: formatNumber(minBase, locale) }) : '';
}

export function vsRestText(cell: CellView, locale: Locale): string {
  if (cell.diff === null || cell.pAdjusted === null) return '–';
  const mark = cell.mark ? `${MARK_SYMBOL[cell.mark]} ` : '';
  return `${mark}${formatPoints(cell.diff, locale)} (${pStatement(cell.pAdjusted, locale)})`;
}

export function barTable(chart: BarChartData, locale: Locale, t: ExploreText, rowHeader?: string): TableData {
  const crossed = chart.seriesDim !== null;
  const hasStudyTier = chart.rows.some((r) => r.tier);
  const hasComputedTier = chart.cells.some((c) => c.tier);
  const hasUplift = chart.reference !== null;
  const inLocale = (l: Label) => l[locale];

  const head = [rowHeader ?? inLocale(chart.rowDim)];
  const csvHeader = [rowHeader ?? inLocale(chart.rowDim)];
  if (crossed) {
    head.push(inLocale(chart.seriesDim!));
    csvHeader.push(inLocale(chart.seriesDim!));
  }
  if (hasStudyTier) {
    head.push(t('colTierStudy'));
    csvHeader.push(t('colTierStudy'));
  }
  head.push(t('colShare'), t('colInterval'), t('colN'));
  csvHeader.push(`${t('colShare')} (%)`, `${t('colLower')} (%)`, `${t('colUpper')} (%)`, t('colN'));
  if (chart.pooled) {
    head.push(t('colRatings'));
    csvHeader.push(t('colRatings'));
  }
  head.push(t('colEffective'));
  csvHeader.push(t('colEffective'));
  if (hasUplift) {
    head.push(t('colUplift'));
    csvHeader.push(t('colUpliftPp'));
  }
  head.push(t('colVsRest'));
  csvHeader.push(t('colDiff'), t('colP'), t('colMark'));
  if (hasComputedTier) {
    head.push(t('colTierComputed'));
    csvHeader.push(t('colTierComputed'));
  }
  head.push(t('colNote'));
  csvHeader.push(t('colNote'));
  // Items whose label shortens a question: the question in full, last (it is long).
  const hasText = chart.rows.some((r) => r.text);
  if (hasText) {
    head.push(t('colText'));
    csvHeader.push(t('colText'));
  }

  const seriesLabel = new Map(chart.series.map((s) => [s.key, s.label]));
  const rowOf = new Map(chart.rows.map((r) => [r.key, r]));
  const rows: TableCell[][] = [];
  const csvRows: CsvValue[][] = [];
  const line = (cell: CellView, labelCells: string[], studyTier: Tier | undefined, isFoot = false, text = '') => {
    const html: TableCell[] = labelCells.map((text) => ({ text, header: true }));
    const csv: CsvValue[] = [...labelCells];
    if (hasStudyTier) {
      html.push({ text: tierText(studyTier, t) });
      csv.push(tierText(studyTier, t));
    }
    const note = noteOf(cell, chart.minBase, locale, t);
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
      html.push({ text: up === null ? '–' : formatPoints(up, locale), num: true });
      csv.push(up === null ? null : Math.round(up * 1000) / 10);
    }
    html.push({ text: isFoot ? '–' : vsRestText(cell, locale), num: true, mark: cell.mark ?? undefined });
    csv.push(isFoot || cell.diff === null ? null : Math.round(cell.diff * 1000) / 10, isFoot ? null : cell.pAdjusted, cell.mark ? MARK_SYMBOL[cell.mark] : '');
    if (hasComputedTier) {
      html.push({ text: tierText(cell.tier, t) });
      csv.push(tierText(cell.tier, t));
    }
    html.push({ text: note, muted: true });
    csv.push(note);
    if (hasText) {
      html.push({ text, muted: true, long: true });
      csv.push(text);
    }
    return { html, csv };
  };

  // Rows in the chart's order, series within.
  const bySeries = new Map(chart.cells.map((c) => [`${c.row}\u0000${c.series}`, c]));
  for (const row of chart.rows) {
    for (const series of chart.series) {
      const cell = bySeries.get(`${row.key}\u0000${series.key}`);
      if (!cell) continue;
      const labels = crossed ? [inLocale(row.label), inLocale(seriesLabel.get(series.key)!)] : [inLocale(row.label)];
      const { html, csv } = line(cell, labels, rowOf.get(row.key)?.tier, false, row.text ? inLocale(row.text) : '');
      rows.push(html);
      csvRows.push(csv);
    }
  }
  const foot: TableCell[][] = [];
  if (chart.reference) {
    const labels = crossed ? [t('overallRow'), ''] : [t('overallRow')];
    const { html, csv } = line(chart.reference, labels, undefined, true);
    foot.push(html);
    csvRows.push(csv);
  }
  return { head, rowHeaders: crossed ? 2 : 1, rows, foot, csv: { header: csvHeader, rows: csvRows } };
}

/** A row of a stacked-bar table: one cell per answer, the positive share, the tiers of a data type. */
export interface StackTableRow {
  label: Label;
  text?: Label;
  parts: CellView[];
  /** The positive share (all positive codes), when the table shows it as a column of its own. */
  positive?: CellView;
  tier?: Tier;
  computedTier?: Tier;
}

/**
 * The table behind a stacked-bar chart: per row each answer's share and interval, the base, and
 * (data types) the study's and the computed tier, (any family) the positive share and the question.
 */
export function splitTable(
  parts: { code: string; label: Label }[],
  rows: StackTableRow[],
  minBase: number,
  locale: Locale,
  t: ExploreText,
  rowHeader: string,
  options: { tiers?: boolean; positiveLabel?: string } = {},
): TableData {
  const inLocale = (l: Label) => l[locale];
  const tiers = options.tiers ?? false;
  const positive = options.positiveLabel;
  const hasText = rows.some((r) => r.text);
  const head = [rowHeader];
  const csvHeader = [rowHeader];
  if (tiers) {
    head.push(t('colTierStudy'));
    csvHeader.push(t('colTierStudy'));
  }
  const shareColumns = (name: string) => {
    head.push(`${name}: ${t('colShare').toLowerCase()}`, `${name}: ${t('colInterval')}`);
    csvHeader.push(`${name} (%)`, `${name}: ${t('colLower')} (%)`, `${name}: ${t('colUpper')} (%)`);
  };
  for (const part of parts) shareColumns(inLocale(part.label));
  if (positive) shareColumns(positive);
  head.push(t('colN'), t('colEffective'));
  csvHeader.push(t('colN'), t('colEffective'));
  if (tiers) {
    head.push(t('colTierComputed'));
    csvHeader.push(t('colTierComputed'));
  }
  head.push(t('colNote'));
  csvHeader.push(t('colNote'));
  if (hasText) {
    head.push(t('colText'));
    csvHeader.push(t('colText'));
  }
  const htmlRows: TableCell[][] = [];
  const csvRows: CsvValue[][] = [];
  for (const row of rows) {
    const base = row.positive ?? row.parts[0];
    const html: TableCell[] = [{ text: inLocale(row.label), header: true }];
    const csv: CsvValue[] = [inLocale(row.label)];
    if (tiers) {
      html.push({ text: tierText(row.tier, t) });
      csv.push(tierText(row.tier, t));
    }
    for (const cell of positive && row.positive ? [...row.parts, row.positive] : row.parts) {
      html.push({ text: cell.share === null ? '–' : formatPercent(cell.share, locale), num: true, muted: cell.small }, { text: formatInterval(cell.lower, cell.upper, locale), num: true });
      csv.push(pct(cell.share), pct(cell.lower), pct(cell.upper));
    }
    html.push({ text: formatNumber(base.respondents, locale), num: true }, { text: formatNumber(base.effectiveBase, locale, 1), num: true });
    csv.push(base.respondents, Math.round(base.effectiveBase * 10) / 10);
    if (tiers) {
      // A tier is read from the interval: a row under the minimum base has none.
      html.push({ text: base.small ? '' : tierText(row.computedTier, t) });
      csv.push(base.small ? '' : tierText(row.computedTier, t));
    }
    html.push({ text: noteOf(base, minBase, locale, t), muted: true });
    csv.push(noteOf(base, minBase, locale, t));
    if (hasText) {
      html.push({ text: row.text ? inLocale(row.text) : '', muted: true, long: true });
      csv.push(row.text ? inLocale(row.text) : '');
    }
    htmlRows.push(html);
    csvRows.push(csv);
  }
  return { head, rowHeaders: 1, rows: htmlRows, foot: [], csv: { header: csvHeader, rows: csvRows } };
}
