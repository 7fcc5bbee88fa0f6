'use client';
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '@/lib/survey/codebook';
import type { BarChartData, CellView } from '@/lib/explore/model';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import { INK, MUTED, seriesColour, SINGLE_COLOUR, SMALL_COLOUR, SMALL_FILL, TIER_COLOUR } from '../colours';
import { formatPp, MARK_SYMBOL, tx } from '../messages';
import { CellTooltip } from './CellTooltip';
import { rowLabelAbove, rowLabelTick } from './rowLabelTick';
import { useElementWidth } from './useElementWidth';

export type ColourBy = 'tier' | 'series' | 'single';

type Row = Record<string, unknown> & { key: string; label: string };

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
}

/** Horizontal bars with 95% whiskers, significance marks and small-base hatching; one bar per series and row. */
export function BarChartView({
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
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const seriesCount = chart.series.length;
  const barSize = seriesCount > 1 ? 12 : 18;
  // On a phone the row labels sit above the bars, so the bars get the whole width.
  const narrow = width > 0 && width < 560;
  const gap = narrow ? 30 : 14;
  // Room for row labels that wrap (up to three lines of about 30 characters beside the bars).
  const labelLines = narrow ? 1 : Math.min(3, Math.max(...chart.rows.map((r) => Math.ceil(r.label[locale].length / 30)), 1));
  const rowHeight = Math.max(seriesCount * (barSize + 2), labelLines * 15) + gap;
  const height = chart.rows.length * rowHeight + 56;
  const yWidth = narrow ? 0 : 230;

  const cellAt = new Map(chart.cells.map((c) => [`${c.row}\u0000${c.series}`, c]));
  const data: Row[] = chart.rows.map((row) => {
    const entry: Row = { key: row.key, label: row.label[locale] };
    chart.series.forEach((s, i) => {
      const cell = cellAt.get(`${row.key}\u0000${s.key}`);
      entry[`v${i}`] = cell?.share ?? null;
      entry[`e${i}`] = cell && cell.share !== null && cell.lower !== null && cell.upper !== null ? [cell.share - cell.lower, cell.upper - cell.share] : [0, 0];
      entry[`c${i}`] = cell;
    });
    return entry;
  });

  const fillOf = (row: Row, i: number) => {
    const cell = row[`c${i}`] as CellView | undefined;
    if (cell?.small) return SMALL_FILL;
    if (colourBy === 'tier') return TIER_COLOUR[(chart.rows.find((r) => r.key === row.key)?.tier ?? 'grey')];
    if (colourBy === 'series') return seriesColour(i);
    return SINGLE_COLOUR;
  };

  const valueLabel = (i: number) =>
    function ValueLabel(props: LabelProps) {
      const { x: barX, width: barWidth, y, height: h, index } = props;
      if (index === undefined) return null;
      const cell = data[index]?.[`c${i}`] as CellView | undefined;
      if (!cell || cell.share === null) return null;
      // Bars start at 0, so the bar's own width gives the scale: place the label past the upper whisker.
      const pxPerUnit = cell.share > 0 ? Number(barWidth) / cell.share : 0;
      const x = Number(barX) + (cell.upper ?? cell.share) * pxPerUnit + 6;
      const mark = cell.mark ? ` ${MARK_SYMBOL[cell.mark]}` : '';
      const tier = showTier && cell.tier ? ` · ${tx(locale, `tierShort_${cell.tier}`)}` : '';
      const uplift = showUplift && cell.uplift != null ? ` (${formatPp(cell.uplift, locale)})` : '';
      const text = cell.small
        ? `${formatPercent(cell.share, locale, 0)} · ${tx(locale, 'smallBaseNote', { n: formatNumber(cell.respondents, locale), min: formatNumber(chart.minBase, locale) })}`
        : `${formatPercent(cell.share, locale)}${mark}${uplift}${tier}`;
      return (
        <text x={x} y={Number(y) + Number(h) / 2} dominantBaseline="central" fontSize={12} fill={cell.small ? MUTED : INK} fontWeight={cell.mark ? 600 : 400} className="value-label">
          {text}
        </text>
      );
    };

  return (
    <div ref={ref} className="bar-chart" style={{ height }}>
      {width > 0 && (
        <BarChart
          layout="vertical"
          width={width}
          height={height}
          data={data}
          margin={{ top: narrow ? 30 : 22, right: narrow ? 92 : showTier || showUplift ? 160 : 130, bottom: 4, left: narrow ? 16 : 4 }}
          barGap={2}
          barCategoryGap={gap - 2}
          title={title}
          accessibilityLayer
        >
          <CartesianGrid horizontal={false} stroke="#e3e7ec" />
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v, locale, 0)} tick={{ fontSize: 12, fill: MUTED }} />
          <YAxis
            type="category"
            dataKey="label"
            width={yWidth}
            hide={narrow}
            interval={0}
            tickLine={false}
            tick={rowLabelTick({ yWidth, narrow, maxLines: 3 })}
          />
          <Tooltip content={<CellTooltip chart={chart} locale={locale} />} cursor={{ fill: 'rgba(29, 95, 184, 0.06)' }} isAnimationActive={false} />
          {chart.reference?.share != null && (
            <ReferenceLine
              x={chart.reference.share}
              stroke={INK}
              strokeDasharray="4 3"
              label={{ value: tx(locale, 'overallShort', { share: formatPercent(chart.reference.share, locale, 0) }), position: 'top', fontSize: 11, fill: INK }}
            />
          )}
          {threshold && (
            <ReferenceLine x={threshold.value} stroke={MUTED} strokeDasharray="2 3" label={{ value: threshold.label, position: 'top', fontSize: 11, fill: MUTED }} />
          )}
          {chart.series.map((s, i) => (
            <Bar key={s.key || 'all'} dataKey={`v${i}`} name={s.label[locale] || title} barSize={barSize} isAnimationActive={false} fill={colourBy === 'series' ? seriesColour(i) : SINGLE_COLOUR}>
              {data.map((row) => (
                <Cell key={row.key} fill={fillOf(row, i)} stroke={(row[`c${i}`] as CellView | undefined)?.small ? SMALL_COLOUR : undefined} />
              ))}
              <ErrorBar dataKey={`e${i}`} width={4} stroke={INK} strokeWidth={1.25} isAnimationActive={false} />
              <LabelList dataKey={`v${i}`} content={valueLabel(i)} />
              {narrow && i === 0 && <LabelList dataKey="label" content={rowLabelAbove(data)} />}
            </Bar>
          ))}
        </BarChart>
      )}
    </div>
  );
}
