'use client';
import { useLocale } from 'next-intl';
import { useCallback } from 'react';
import { CartesianGrid, ErrorBar, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatPercent } from '@/lib/i18n/numbers';
import { INK, MUTED, TOOLTIP_CURSOR } from '@/app/components/charts/chartAxes';
import { FILL_BOX } from '@/app/components/charts/ChartBox';
import { GRID, H, MARGIN, Y_WIDTH, type TrendDatum } from './trendStyle';

/**
 * One small multiple drawn with recharts (loaded apart from the page: TrendChart, ChartBox): the
 * share in each level with its interval (ErrorBar), joined by a line.
 */
export function TrendDrawing({ data, width, title }: { data: TrendDatum[]; width: number; title: string }) {
  const locale = useLocale();
  const formatTick = useCallback((v: number) => formatPercent(v, locale, 0), [locale]);
  return (
    <LineChart width={width} height={H} style={FILL_BOX} data={data} margin={MARGIN} title={title} accessibilityLayer>
      <CartesianGrid vertical={false} stroke="#e6e9ee" />
      <XAxis dataKey="label" tick={false} axisLine={false} tickLine={false} height={4} />
      <YAxis type="number" domain={[0, 1]} ticks={GRID} tickFormatter={formatTick} width={Y_WIDTH} axisLine={false} tickLine={false} fontSize={11} stroke={MUTED} />
      <Tooltip content={TrendTooltip} cursor={TOOLTIP_CURSOR} isAnimationActive={false} />
      <Line dataKey="share" stroke="#9aa4b1" strokeWidth={1.5} connectNulls isAnimationActive={false} dot={TrendPoint} activeDot={false}>
        <ErrorBar dataKey="error" direction="y" width={0} stroke={INK} strokeWidth={2} isAnimationActive={false} />
      </Line>
    </LineChart>
  );
}

/** A level's point: filled (first compared level), open (second), grey (the others), hollow and dashed under the minimum base. */
function TrendPoint({ cx, cy, payload }: { cx?: number; cy?: number; payload?: TrendDatum }) {
  if (!payload || payload.share === null || cx == null || cy == null) return null;
  return (
    <g key={payload.code} className={`trend-point ${payload.role}`} data-level={payload.code}>
      <circle cx={cx} cy={cy} r={5} />
    </g>
  );
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const datum = active ? (payload?.[0]?.payload as TrendDatum | undefined) : undefined;
  if (!datum) return null;
  return <div className="chart-tooltip">{datum.title}</div>;
}
