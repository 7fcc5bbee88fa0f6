'use client';
import { memo, type ReactNode } from 'react';
import type { Locale } from '@/lib/survey/codebook';
import type { BarChartData, CellView } from '@/lib/explore/model';
import { barTop, NARROW_BELOW, plotArea, rowBand, whiskerPath } from '@/lib/explore/barLayout';
import { formatNumber, formatPercent, formatPoints } from '@/lib/i18n/messages';
import { INK, MUTED, seriesColour, SINGLE_COLOUR, SMALL_COLOUR, SMALL_FILL, TIER_COLOUR } from '../colours';
import { MARK_SYMBOL, tx } from '../messages';
import { CellTooltip } from './CellTooltip';
import { SvgBarFrame } from './SvgBarFrame';
import { chartColumn } from './chartColumn';
import { useElementWidth } from './useElementWidth';

export type ColourBy = 'tier' | 'series' | 'single';

/** Horizontal bars with 95% whiskers, significance marks and small-base hatching; one bar per series and row. */
export const BarChartView = memo(function BarChartView({
  chart,
  locale,
  colourBy,
  title,
  threshold,
  showTier = false,
  showUplift = false,
}: {
  chart: BarChartData;
  locale: Locale;
  colourBy: ColourBy;
  title: string;
  /** A vertical guide (the 50% an OK tier must clear), labelled. */
  threshold?: { value: number; label: string };
  /** Add each cell's computed tier to its value label. */
  showTier?: boolean;
  /** Add each cell's uplift against the reference rate to its value label. */
  showUplift?: boolean;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(chartColumn);
  const seriesCount = chart.series.length;
  const barSize = seriesCount > 1 ? 12 : 18;
  // On a phone the row labels sit above the bars, so the bars get the whole width.
  const narrow = width < NARROW_BELOW;
  const gap = narrow ? 30 : 14;
  // Room for row labels that wrap (up to three lines of about 30 characters beside the bars).
  const labelLines = narrow ? 1 : Math.min(3, Math.max(...chart.rows.map((r) => Math.ceil(r.label[locale].length / 30)), 1));
  const rowHeight = Math.max(seriesCount * (barSize + 2), labelLines * 15) + gap;
  const height = chart.rows.length * rowHeight + 56;
  const margin = { top: narrow ? 30 : 22, right: narrow ? 92 : showTier || showUplift ? 160 : 130, bottom: 4, left: narrow ? 16 : 4 };
  const plot = plotArea(width, height, margin, narrow ? 0 : 230);

  const cellAt = new Map(chart.cells.map((c) => [`${c.row}\u0000${c.series}`, c]));
  const rows = chart.rows.map((row) => ({ key: row.key, label: row.label[locale], text: row.text?.[locale], tier: row.tier, cells: chart.series.map((s) => cellAt.get(`${row.key}\u0000${s.key}`)) }));

  const fillOf = (tier: string | undefined, cell: CellView | undefined, i: number) => {
    if (cell?.small) return SMALL_FILL;
    if (colourBy === 'tier') return TIER_COLOUR[(tier ?? 'grey') as keyof typeof TIER_COLOUR];
    if (colourBy === 'series') return seriesColour(i);
    return SINGLE_COLOUR;
  };
  const labelOf = (cell: CellView) => {
    if (cell.small) return `${formatPercent(cell.share!, locale, 0)} · ${tx(locale, 'smallBaseNote', { n: formatNumber(cell.respondents, locale), min: formatNumber(chart.minBase, locale) })}`;
    const mark = cell.mark ? ` ${MARK_SYMBOL[cell.mark]}` : '';
    const tier = showTier && cell.tier ? ` · ${tx(locale, `tierShort_${cell.tier}`)}` : '';
    const uplift = showUplift && cell.uplift != null ? ` (${formatPoints(cell.uplift, locale)})` : '';
    return `${formatPercent(cell.share!, locale)}${mark}${uplift}${tier}`;
  };

  const bars: ReactNode[] = [];
  const labels: ReactNode[] = [];
  const whiskers: { x1: number; x2: number; y: number }[] = [];
  rows.forEach((row, r) => {
    const band = rowBand(plot, r, rows.length);
    row.cells.forEach((cell, i) => {
      if (!cell || cell.share === null) return;
      const y = barTop(band, i, seriesCount, barSize, 2);
      const centre = y + barSize / 2;
      bars.push(
        <rect
          key={`${row.key}-${i}`}
          className="chart-bar"
          x={plot.left}
          y={y}
          width={Math.max(0, plot.x(cell.share) - plot.left)}
          height={barSize}
          fill={fillOf(row.tier, cell, i)}
          stroke={cell.small ? SMALL_COLOUR : undefined}
        />,
      );
      if (cell.lower !== null && cell.upper !== null) whiskers.push({ x1: plot.x(cell.lower), x2: plot.x(cell.upper), y: centre });
      labels.push(
        <text
          key={`${row.key}-${i}`}
          x={plot.x(cell.upper ?? cell.share) + 6}
          y={centre}
          dominantBaseline="central"
          fill={cell.small ? MUTED : INK}
          fontWeight={cell.mark ? 600 : 400}
          className="value-label"
        >
          {labelOf(cell)}
        </text>,
      );
    });
  });

  const guide = (x: number, stroke: string, dash: string, label: string) => (
    <g fontSize={11} fill={stroke}>
      <line x1={plot.x(x)} x2={plot.x(x)} y1={plot.top} y2={plot.bottom} stroke={stroke} strokeDasharray={dash} />
      <text x={plot.x(x)} y={plot.top - 5} textAnchor="middle">
        {label}
      </text>
    </g>
  );

  return (
    <div ref={ref} className="bar-chart" style={{ height }}>
      <SvgBarFrame
        width={width}
        height={height}
        plot={plot}
        title={title}
        locale={locale}
        rows={rows}
        narrow={narrow}
        labelAbove={(r) => barTop(rowBand(plot, r, rows.length), 0, seriesCount, barSize, 2) - 5}
        maxLabelLines={3}
        grid
        tooltip={(r) => <CellTooltip chart={chart} locale={locale} label={rows[r].label} text={rows[r].text} cells={rows[r].cells} />}
      >
        <g className="bars">{bars}</g>
        <path className="whiskers" d={whiskerPath(whiskers, 4)} stroke={INK} strokeWidth={1.25} fill="none" />
        <g className="value-labels" fontSize={12}>
          {labels}
        </g>
        {chart.reference?.share != null && guide(chart.reference.share, INK, '4 3', tx(locale, 'overallShort', { share: formatPercent(chart.reference.share, locale, 0) }))}
        {threshold && guide(threshold.value, MUTED, '2 3', threshold.label)}
      </SvgBarFrame>
    </div>
  );
});
