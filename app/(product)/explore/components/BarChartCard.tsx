import type { Label, Locale } from '@/lib/survey/codebook';
import type { BarChartData } from '@/lib/explore/model';
import { INK, seriesColour, TIER_COLOUR } from '../colours';
import { exploreText } from '../messages';
import { barTable } from '../table';
import { BarChartView, type ColourBy } from './BarChartView';
import { ChartCard } from './ChartCard';
import type { LegendItem } from './ChartLegend';
import type { ReactNode } from 'react';

/** The standard footnote of a tested chart, stating the test, the correction and the interval. */
export function statsFootnote(chart: BarChartData, locale: Locale, extra: string[] = [], method?: string): string[] {
  const lines = [method ?? exploreText(locale, 'methodNote'), ...(method ? [] : [restNote(chart, locale)]), exploreText(locale, 'markNote')];
  if (chart.cells.some((c) => c.small)) lines.push(exploreText(locale, 'smallNote', { min: chart.minBase }));
  if (chart.pooled) lines.push(exploreText(locale, 'pooledNote'));
  if (chart.omittedRows.length > 3) lines.push(exploreText(locale, 'omittedRowsCount', { n: chart.omittedRows.length }));
  else if (chart.omittedRows.length) lines.push(exploreText(locale, 'omittedRows', { list: chart.omittedRows.map((l) => l[locale]).join(', ') }));
  return [...lines, ...extra];
}

function restNote(chart: BarChartData, locale: Locale): string {
  const list = (labels: Label[]) => labels.map((l) => l[locale].toLowerCase()).join(' × ');
  const { groups, within } = chart.comparison;
  if (!groups.length) return exploreText(locale, 'restItems');
  return within.length ? exploreText(locale, 'restGroupsWithin', { groups: list(groups), within: list(within) }) : exploreText(locale, 'restGroups', { groups: list(groups) });
}

export function legendFor(chart: BarChartData, colourBy: ColourBy, locale: Locale): LegendItem[] {
  const items: LegendItem[] = [];
  if (colourBy === 'tier') {
    const tiers = new Set(chart.rows.map((r) => r.tier ?? 'grey'));
    for (const tier of ['ok', 'grey', 'nogo'] as const) if (tiers.has(tier)) items.push({ label: exploreText(locale, `tier_${tier}`), colour: TIER_COLOUR[tier] });
  } else if (colourBy === 'series') {
    chart.series.forEach((s, i) => items.push({ label: s.label[locale], colour: seriesColour(i) }));
  }
  if (chart.cells.some((c) => c.small)) items.push({ label: exploreText(locale, 'legendSmall'), kind: 'hatch' });
  if (chart.reference) items.push({ label: exploreText(locale, 'legendOverall'), kind: 'line', colour: INK });
  return items;
}

/** A bar chart with everything around it. */
export function BarChartCard({
  chart,
  locale,
  title,
  lead,
  summary,
  colourBy,
  rowHeader,
  fileParts,
  extraFootnote,
  method,
  threshold,
  showTier,
  showUplift,
}: {
  chart: BarChartData;
  locale: Locale;
  title: string;
  lead?: string;
  summary?: ReactNode;
  colourBy?: ColourBy;
  /** Replaces the standard statement of the test (the unlock chart's test differs). */
  method?: string;
  rowHeader?: Label;
  fileParts: string[];
  extraFootnote?: string[];
  threshold?: { value: number; label: string };
  showTier?: boolean;
  showUplift?: boolean;
}) {
  const colours: ColourBy = colourBy ?? (chart.seriesDim ? 'series' : 'single');
  return (
    <ChartCard
      id={chart.id}
      title={title}
      lead={lead}
      summary={summary}
      legend={legendFor(chart, colours, locale)}
      chart={<BarChartView chart={chart} locale={locale} colourBy={colours} title={title} threshold={threshold} showTier={showTier} showUplift={showUplift} />}
      footnote={statsFootnote(chart, locale, extraFootnote, method)}
      table={barTable(chart, locale, rowHeader)}
      locale={locale}
      fileParts={fileParts}
      tableCaption={exploreText(locale, 'tableCaption', { title })}
    />
  );
}
