'use client';
import { useLocale, useTranslations } from 'next-intl';
import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import type { BarChartData, CellView } from '@/lib/explore/model';
import { formatNumber, formatPercent, formatPoints } from '@/lib/i18n/numbers';
import { INK, MUTED, seriesColour, SINGLE_COLOUR, SMALL_COLOUR, SMALL_FILL, TIER_COLOUR } from '../colours';
import { MARK_SYMBOL } from '../messages';
import { CellTooltip } from './CellTooltip';
import { AXIS_TICKS, narrowLabelChars, PercentTick, RowLabelAbove, rowLabelTick, shareScale, TOOLTIP_CURSOR, type ShareScale } from '@/app/components/charts/chartAxes';
import { useLatestRows } from '@/app/components/charts/useLatestRows';
import { FILL_BOX } from '@/app/components/charts/ChartBox';
import type { BarChartViewProps } from './BarChartView';
import type { BarGeometry } from './barGeometry';

/** One row of the chart's data: per series i its share `v{i}`, its interval as offsets `e{i}`, and how its bar is drawn. */
interface BarDatum {
  key: string;
  label: string;
  text?: string;
  cells: (CellView | undefined)[];
  /** Per series: fill, and the value label written past the bar's interval. */
  draw: { fill: string; small: boolean; label: string; mark: string; at: number }[];
  [valueOrError: string]: unknown;
}

const DATA_KEYS = Array.from({ length: 16 }, (_, i) => ({ value: `v${i}`, error: `e${i}` }));

/**
 * The bar chart drawn with recharts (loaded apart from the page: BarChartView, ChartBox), at the
 * size and with the geometry its box was given.
 *
 * Kept cheap to redraw (recharts' performance guide): no animation, string dataKeys, data and every
 * function prop memoised on the chart, the bar and its value label drawn by one custom shape (no
 * LabelList, no Cell per bar), a fixed size measured once per column instead of a ResponsiveContainer.
 */
export const BarChartDrawing = memo(function BarChartDrawing({
  chart,
  colourBy,
  title,
  threshold,
  showTier = false,
  showUplift = false,
  width,
  geometry,
}: BarChartViewProps & { width: number; geometry: BarGeometry }) {
  const t = useTranslations('explore');
  const locale = useLocale();
  const { narrow, gap, height, yWidth, barSize } = geometry;
  const seriesCount = chart.series.length;
  const margin = useMemo(() => ({ top: narrow ? 30 : 22, right: narrow ? 92 : showTier || showUplift ? 160 : 130, bottom: 4, left: narrow ? 16 : 4 }), [narrow, showTier, showUplift]);
  const scale = useMemo(() => shareScale(width, margin, yWidth), [width, margin, yWidth]);

  const data = useMemo(() => {
    const cellAt = new Map(chart.cells.map((c) => [`${c.row}\u0000${c.series}`, c]));
    const fillOf = (tier: string | undefined, cell: CellView | undefined, i: number) => {
      if (cell?.small) return SMALL_FILL;
      if (colourBy === 'tier') return TIER_COLOUR[(tier ?? 'grey') as keyof typeof TIER_COLOUR];
      if (colourBy === 'series') return seriesColour(i);
      return SINGLE_COLOUR;
    };
    const labelOf = (cell: CellView) => {
      if (cell.small) return `${formatPercent(cell.share!, locale, 0)} · ${t('smallBaseNote', { n: formatNumber(cell.respondents, locale), min: formatNumber(chart.minBase, locale) })}`;
      const tier = showTier && cell.tier ? ` · ${t(`tierShort_${cell.tier}`)}` : '';
      const uplift = showUplift && cell.uplift != null ? ` (${formatPoints(cell.uplift, locale)})` : '';
      return `${formatPercent(cell.share!, locale)}${uplift}${tier}`;
    };
    return chart.rows.map((row) => {
      const cells = chart.series.map((s) => cellAt.get(`${row.key}\u0000${s.key}`));
      const datum: BarDatum = { key: row.key, label: row.label[locale], text: row.text?.[locale], cells, draw: [] };
      cells.forEach((cell, i) => {
        const drawn = cell && cell.share !== null;
        datum[`v${i}`] = drawn ? cell.share : null;
        // No interval on a cell under the minimum base (lib/analysis/smallBase.ts): the error bar is left out.
        datum[`e${i}`] = drawn && !cell.small && cell.lower !== null && cell.upper !== null ? [cell.share! - cell.lower, cell.upper - cell.share!] : undefined;
        datum.draw[i] = {
          fill: fillOf(row.tier, cell, i),
          small: Boolean(cell?.small),
          label: drawn ? labelOf(cell) : '',
          mark: drawn && !cell.small && cell.mark ? MARK_SYMBOL[cell.mark] : '',
          at: drawn ? (cell.small ? cell.share! : (cell.upper ?? cell.share!)) : 0,
        };
      });
      return datum;
    });
  }, [chart, locale, colourBy, showTier, showUplift, t]);

  const shapes = useMemo(() => Array.from({ length: seriesCount }, (_, i) => barShape(i, scale, narrow ? narrowLabelChars(width) : 0, barSize)), [seriesCount, scale, narrow, width, barSize]);
  const rows = useLatestRows(data);
  const tick = useMemo(() => rowLabelTick(rows, yWidth, 3), [rows, yWidth]);
  const tooltip = useCallback((props: TooltipContentProps) => <RowTooltip {...props} chart={chart} />, [chart]);
  const formatTick = useCallback((v: number) => formatPercent(v, locale, 0), [locale]);
  const overallShare = chart.reference?.share;
  const overallLabel = useMemo(
    () => (overallShare != null ? { value: t('overallShort', { share: formatPercent(overallShare, locale, 0) }), position: 'top' as const, fontSize: 11, fill: INK } : null),
    [overallShare, locale, t],
  );
  const thresholdText = threshold?.label;
  const thresholdLabel = useMemo(() => (thresholdText !== undefined ? { value: thresholdText, position: 'top' as const, fontSize: 11, fill: MUTED } : null), [thresholdText]);

  return (
    <BarChart layout="vertical" width={width} height={height} style={FILL_BOX} data={data} margin={margin} barGap={2} barCategoryGap={gap - 2} title={title} accessibilityLayer>
      <CartesianGrid horizontal={false} stroke="#e3e7ec" />
      <XAxis type="number" domain={[0, 1]} ticks={AXIS_TICKS} tickFormatter={formatTick} tick={PercentTick} interval={0} />
      <YAxis type="category" dataKey="label" width={yWidth} hide={narrow} interval={0} tickLine={false} tick={tick} />
      <Tooltip content={tooltip} cursor={TOOLTIP_CURSOR} isAnimationActive={false} />
      {chart.series.map((s, i) => (
        <Bar key={s.key || 'all'} dataKey={DATA_KEYS[i].value} name={s.label[locale] || title} barSize={barSize} isAnimationActive={false} shape={shapes[i]} fill={colourBy === 'series' ? seriesColour(i) : SINGLE_COLOUR}>
          <ErrorBar dataKey={DATA_KEYS[i].error} width={4} stroke={INK} strokeWidth={1.25} isAnimationActive={false} />
        </Bar>
      ))}
      {overallLabel && <StableReferenceLine x={chart.reference!.share!} stroke={INK} strokeDasharray="4 3" label={overallLabel} />}
      {thresholdLabel && <StableReferenceLine x={threshold!.value} stroke={MUTED} strokeDasharray="2 3" label={thresholdLabel} />}
    </BarChart>
  );
});

/**
 * recharts' ReferenceLine stores itself again (removed, then added: two store updates, each
 * recomputing what reads the store) at every render, whatever changed; memoised, it renders, and
 * stores itself, only when its own props change.
 */
const StableReferenceLine = memo(ReferenceLine);

/**
 * The shape of series `i`'s bars: the bar (hatched under the minimum base), its value label past the
 * interval with the significance mark, and on a phone the row's label above the first bar.
 */
function barShape(i: number, scale: ShareScale, labelAboveChars: number, barSize: number) {
  return function BarWithLabel(props: BarShapeProps) {
    const { x, y, width, height } = props;
    const datum = props.payload as BarDatum;
    const draw = datum.draw[i];
    const centre = Number(y) + barSize / 2;
    return (
      <g>
        <rect className="chart-bar" x={x} y={y} width={Math.max(0, Number(width))} height={height} fill={draw.fill} stroke={draw.small ? SMALL_COLOUR : undefined} data-small={draw.small || undefined} />
        <text x={scale(draw.at) + 6} y={centre} dominantBaseline="central" fontSize={12} fill={draw.small ? MUTED : INK} fontWeight={draw.mark ? 600 : 400} stroke="none" className="value-label">
          {draw.label}
          {draw.mark && <tspan className="sig-mark"> {draw.mark}</tspan>}
        </text>
        {labelAboveChars > 0 && i === 0 && <RowLabelAbove x={scale(0)} y={Number(y) - 5} label={datum.label} text={datum.text} chars={labelAboveChars} />}
      </g>
    );
  };
}

function RowTooltip({ active, payload, chart }: TooltipContentProps & { chart: BarChartData }) {
  const datum = active ? (payload?.[0]?.payload as BarDatum | undefined) : undefined;
  if (!datum) return null;
  return <CellTooltip chart={chart} label={datum.label} text={datum.text} cells={datum.cells} />;
}
