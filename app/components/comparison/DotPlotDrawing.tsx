'use client';
import { useLocale } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { formatNumber, formatPercent, formatPoints } from '@/lib/i18n/numbers';
import type { Interval } from '@/lib/stats/wilsonInterval';
import { AXIS_TICKS, INK, MUTED, narrowLabelChars, PercentTick, RowLabelAbove, rowLabelTick, TOOLTIP_CURSOR } from '../charts/chartAxes';
import { useLatestRows } from '../charts/useLatestRows';
import { FILL_BOX } from '../charts/ChartBox';
import { comparisonText } from './messages';
import type { DotDatum } from './DotPlot';

const GAP_KEY = 'gap';
const ACCENT = '#1d5fb8';
const MARK = { higher: '▲', lower: '▼' } as const;
const DIFF_ROOM = 96;

/**
 * The dot plot drawn with recharts (loaded apart from the page: DotPlot, ChartBox): per row the gap
 * bar between the two sides' rates, their dots, and the difference with its mark.
 */
export function DotPlotDrawing({ data, names, label, width, narrow, height }: { data: DotDatum[]; names: [string, string]; label: string; width: number; narrow: boolean; height: number }) {
  const locale = useLocale();
  const yWidth = narrow ? 0 : Math.min(280, Math.round(width * 0.3));
  const margin = useMemo(() => ({ top: narrow ? 18 : 6, right: DIFF_ROOM, bottom: 4, left: narrow ? 16 : 0 }), [narrow]);
  const latest = useLatestRows(data);
  const tick = useMemo(() => rowLabelTick(latest, yWidth, 1), [latest, yWidth]);
  const shape = useCallback((props: BarShapeProps) => <DotRow {...props} right={width - 4} labelAboveChars={narrow ? narrowLabelChars(width) : 0} />, [width, narrow]);
  const tooltip = useCallback((props: TooltipContentProps) => <DotTooltip {...props} names={names} />, [names]);
  const formatTick = useCallback((v: number) => formatPercent(v, locale, 0), [locale]);
  return (
    <BarChart layout="vertical" width={width} height={height} style={FILL_BOX} data={data} margin={margin} barCategoryGap={narrow ? 16 : 6} title={label} accessibilityLayer>
      <CartesianGrid horizontal={false} stroke="#e6e9ee" />
      <XAxis type="number" domain={[0, 1]} ticks={AXIS_TICKS} tickFormatter={formatTick} tick={PercentTick} interval={0} />
      <YAxis type="category" dataKey="label" width={yWidth} hide={narrow} interval={0} tickLine={false} tick={tick} />
      <Tooltip content={tooltip} cursor={TOOLTIP_CURSOR} isAnimationActive={false} />
      <Bar dataKey={GAP_KEY} isAnimationActive={false} shape={shape} />
    </BarChart>
  );
}

/** One row: the gap bar, the two dots at its ends, and the difference with its mark at the right edge. */
function DotRow({ x, y, width, height, payload, right, labelAboveChars }: BarShapeProps & { right: number; labelAboveChars: number }) {
  const locale = useLocale();
  const { row, a, b } = payload as DotDatum;
  const left = Number(x);
  const w = Math.max(0, Number(width));
  const cy = Number(y) + Number(height) / 2;
  const aAt = a >= b ? left + w : left;
  const bAt = a >= b ? left : left + w;
  const mark = row.mark && !row.small ? MARK[row.mark] : '';
  const tone = mark ? (row.mark === 'higher' ? '#136128' : '#a11d12') : row.small ? MUTED : INK;
  return (
    <g className={`bench-row${mark ? ' is-significant' : ''}${row.small ? ' is-small' : ''}`} data-row={row.key} opacity={row.small ? 0.55 : undefined}>
      <rect className="chart-bar" x={left} y={cy - 2} width={w} height={4} rx={2} fill={a >= b ? '#9cc0ea' : '#e9b4ae'} />
      <circle cx={bAt} cy={cy} r={5.5} fill="#fff" stroke="#4a5260" strokeWidth={2} />
      <circle cx={aAt} cy={cy} r={5.5} fill={ACCENT} stroke={ACCENT} strokeWidth={2} />
      <text x={right} y={cy} textAnchor="end" dominantBaseline="central" fontSize={12} fill={tone} fontWeight={mark ? 600 : 400} fontStyle={row.small ? 'italic' : undefined} stroke="none" className="bench-diff">
        {row.value === null ? '–' : formatPoints(row.value, locale)} <tspan className="bench-mark">{mark}</tspan>
      </text>
      {labelAboveChars > 0 && <RowLabelAbove x={12} y={Number(y) - 4} label={row.name} chars={labelAboveChars} />}
    </g>
  );
}

function DotTooltip({ active, payload, names }: TooltipContentProps & { names: [string, string] }) {
  const locale = useLocale();
  const row = active ? (payload?.[0]?.payload as DotDatum | undefined)?.row : undefined;
  if (!row) return null;
  const interval = (ci: Interval | null, format: (v: number) => string) =>
    ci && comparisonText(locale, 'interval', { lower: format(ci.lower), upper: format(ci.upper) });
  const percent = (v: number) => formatPercent(v, locale);
  const points = (v: number) => formatPoints(v, locale);
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{row.name}</p>
      <div className="tooltip-lines">
        {row.sides.map((side, i) => (
          <p key={names[i]}>
            {names[i]}: <strong>{formatPercent(side.share!, locale)}</strong>
            {side.ci && <> ({interval(side.ci, percent)})</>}
            <br />
            <span className="tooltip-note">{comparisonText(locale, 'tooltipBase', { n: formatNumber(side.respondents, locale), neff: formatNumber(side.effectiveBase, locale, 1) })}</span>
          </p>
        ))}
        <p>
          {comparisonText(locale, 'colDiff')}: {row.value === null ? '–' : formatPoints(row.value, locale)}
          {row.differenceCi && !row.small && <> ({interval(row.differenceCi, points)})</>}
          {row.mark && !row.small && ` ${MARK[row.mark]} ${comparisonText(locale, row.mark)}`}
        </p>
        {row.small && <p className="tooltip-note">{comparisonText(locale, 'smallBaseShort')}</p>}
      </div>
    </div>
  );
}
