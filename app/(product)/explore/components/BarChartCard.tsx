import type { Label, Locale } from '@/lib/survey/codebook';
import type { BarChartData } from '@/lib/explore/model';
import { INK, seriesColour, TIER_COLOUR } from '../colours';
import type { ExploreText } from '../messages';
import { useLocale, useTranslations } from 'next-intl';
import { barTable } from '../table';
import { BarChartView, type ColourBy } from './BarChartView';
import { ChartCard } from './ChartCard';
import type { LegendItem } from './ChartLegend';
import type { ReactNode } from 'react';

/** The standard footnote of a tested chart, stating the test, the correction and the interval. */
export function statsFootnote(chart: BarChartData, locale: Locale, t: ExploreText, extra: string[] = [], method?: string): string[] {
  const lines = [method ?? t('methodNote'), ...(method ? [] : [restNote(chart, locale, t)]), t('markNote')];
  if (chart.cells.some((c) => c.small)) lines.push(t('smallNote', { min: chart.minBase }));
  if (chart.pooled) lines.push(t('pooledNote'));
  if (chart.omittedRows.length > 3) lines.push(t('omittedRowsCount', { n: chart.omittedRows.length }));
  else if (chart.omittedRows.length) lines.push(t('omittedRows', { list: chart.omittedRows.map((l) => l[locale]).join(', ') }));
  return [...lines, ...extra];
}

function restNote(chart: BarChartData, locale: Locale, t: ExploreText): string {
  const list = (labels: Label[]) => labels.map((l) => l[locale].toLowerCase()).join(' × ');
  const { groups, within } = chart.comparison;
  if (!groups.length) return t('restItems');
  return within.length ? t('restGroupsWithin', { groups: list(groups), within: list(within) }) : t('restGroups', { groups: list(groups) });
}

export function legendFor(chart: BarChartData, colourBy: ColourBy, locale: Locale, t: ExploreText): LegendItem[] {
  const items: LegendItem[] = [];
  if (colourBy === 'tier') {
    const tiers = new Set(chart.rows.map((r) => r.tier ?? 'grey'));
    for (const tier of ['ok', 'grey', 'nogo'] as const) if (tiers.has(tier)) items.push({ label: t(`tier_${tier}`), colour: TIER_COLOUR[tier] });
  } else if (colourBy === 'series') {
    chart.series.forEach((s, i) => items.push({ label: s.label[locale], colour: seriesColour(i) }));
  }
  if (chart.cells.some((c) => c.small)) items.push({ label: t('legendSmall'), kind: 'hatch' });
  if (chart.reference) items.push({ label: t('legendOverall'), kind: 'line', colour: INK });
  return items;
}

/** A bar chart with everything around it. */
export function BarChartCard({
  chart,
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
  title: string;
  lead?: string;
  summary?: ReactNode;
  colourBy?: ColourBy;
  /** Replaces the standard statement of the test (the unlock chart's test differs). */
  method?: string;
  rowHeader?: string;
  fileParts: string[];
  extraFootnote?: string[];
  threshold?: { value: number; label: string };
  showTier?: boolean;
  showUplift?: boolean;
}) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const colours: ColourBy = colourBy ?? (chart.seriesDim ? 'series' : 'single');
  return (
    <ChartCard
      id={chart.id}
      title={title}
      lead={lead}
      summary={summary}
      legend={legendFor(chart, colours, locale, t)}
      chart={<BarChartView chart={chart} colourBy={colours} title={title} threshold={threshold} showTier={showTier} showUplift={showUplift} />}
      footnote={statsFootnote(chart, locale, t, extraFootnote, method)}
      table={barTable(chart, locale, t, rowHeader)}
      fileParts={fileParts}
      tableCaption={t('tableCaption', { title })}
    />
  );
}
