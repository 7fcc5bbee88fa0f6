'use client';
import { useLocale, useTranslations } from 'next-intl';
import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, ErrorBar, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import type { Locale } from '@/lib/survey/codebook';
import type { CellView } from '@/lib/explore/model';
import { shorten } from '@/lib/explore/shorten';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { INK } from '../colours';
import { formatInterval } from '../messages';
import { AXIS_TICKS, narrowLabelChars, PercentTick, RowLabelAbove, rowLabelTick, TOOLTIP_CURSOR } from '@/app/components/charts/chartAxes';
import { useLatestRows } from '@/app/components/charts/useLatestRows';
import { FILL_BOX } from '@/app/components/charts/ChartBox';
import type { SplitChartViewProps, StackPart, StackRow } from './SplitChartView';

const BAR = 20;

interface StackDatum {
  row: StackRow;
  label: string;
  text?: string;
  [shareOrError: string]: unknown;
}

const PART_KEYS = Array.from({ length: 32 }, (_, i) => `p${i}`);
const interval = (cell: CellView | undefined): [number, number] | undefined =>
  cell && cell.share !== null && cell.lower !== null && cell.upper !== null ? [cell.share - cell.lower, cell.upper - cell.share] : undefined;

/**
 * The stacked bars drawn with recharts (loaded apart from the page: SplitChartView, ChartBox).
 * Intervals (recharts ErrorBar): the positive share's at the edge of the positive parts
 * (`leadParts` of them), and the last part's, mirrored, at the edge where it starts. A row under
 * the minimum base is faded and has neither.
 */
export const SplitChartDrawing = memo(function SplitChartDrawing({ parts, rows, leadParts = 1, title, width, narrow, height }: SplitChartViewProps & { width: number; narrow: boolean; height: number }) {
  const locale = useLocale();
  const yWidth = narrow ? 0 : 230;
  const last = parts.length - 1;
  const margin = useMemo(() => ({ top: narrow ? 20 : 8, right: 16, bottom: 4, left: narrow ? 16 : 4 }), [narrow]);

  const data = useMemo(
    () =>
      rows.map((row) => {
        const datum: StackDatum = { row, label: row.label, text: row.text };
        row.parts.forEach((cell, i) => (datum[PART_KEYS[i]] = cell.share ?? 0));
        if (!row.small) {
          datum.eLead = interval(row.lead);
          // The edge before the last part sits at 1 - its share: its interval mirrors the last part's.
          const tail = interval(row.tail);
          datum.eTail = tail && [tail[1], tail[0]];
        }
        return datum;
      }),
    [rows],
  );
  const shapes = useMemo(() => parts.map((part, i) => segmentShape(part, i, narrow ? narrowLabelChars(width) : 0, locale)), [parts, narrow, width, locale]);
  const hasTail = rows.some((r) => r.tail);
  const latest = useLatestRows(data);
  const tick = useMemo(() => rowLabelTick(latest, yWidth, 2), [latest, yWidth]);
  const tooltip = useCallback((props: TooltipContentProps) => <SplitTooltip {...props} parts={parts} />, [parts]);
  const formatTick = useCallback((v: number) => formatPercent(v, locale, 0), [locale]);

  return (
    <BarChart layout="vertical" width={width} height={height} style={FILL_BOX} data={data} margin={margin} barCategoryGap={narrow ? 22 : 8} title={title} accessibilityLayer>
      <XAxis type="number" domain={[0, 1]} ticks={AXIS_TICKS} tickFormatter={formatTick} tick={PercentTick} interval={0} />
      <YAxis type="category" dataKey="label" width={yWidth} hide={narrow} interval={0} tickLine={false} tick={tick} />
      <Tooltip content={tooltip} cursor={TOOLTIP_CURSOR} isAnimationActive={false} />
      {parts.map((part, i) => (
        <Bar key={part.code} dataKey={PART_KEYS[i]} stackId="split" name={part.label} fill={part.fill} isAnimationActive={false} barSize={BAR} shape={shapes[i]}>
          {i === leadParts - 1 && <ErrorBar dataKey="eLead" width={4} stroke={INK} strokeWidth={1.25} isAnimationActive={false} />}
          {hasTail && i === last - 1 && i !== leadParts - 1 && <ErrorBar dataKey="eTail" width={4} stroke={INK} strokeWidth={1.25} isAnimationActive={false} />}
        </Bar>
      ))}
    </BarChart>
  );
});

/** Part `i` of a stacked bar, with its share written on it when there is room; on a phone the first part carries the row's label above it. */
function segmentShape(part: StackPart, i: number, labelAboveChars: number, locale: Locale) {
  return function Segment(props: BarShapeProps) {
    const { x, y, width, height } = props;
    const { row, label, text } = props.payload as StackDatum;
    const w = Math.max(0, Number(width));
    const share = row.parts[i]?.share;
    return (
      <g>
        <rect className="chart-bar" x={x} y={y} width={w} height={height} fill={part.fill} opacity={row.small ? 0.4 : undefined} data-small={row.small ? true : undefined} />
        {share != null && w >= 34 && (
          <text x={Number(x) + w / 2} y={Number(y) + Number(height) / 2} textAnchor="middle" dominantBaseline="central" fontSize={11} fill={part.ink} stroke="none" className="value-label">
            {formatPercent(share, locale, 0)}
          </text>
        )}
        {labelAboveChars > 0 && i === 0 && <RowLabelAbove x={Number(x)} y={Number(y) - 5} label={label} text={text} chars={labelAboveChars} />}
      </g>
    );
  };
}

function SplitTooltip({ active, payload, parts }: TooltipContentProps & { parts: StackPart[] }) {
  const t = useTranslations('explore');
  const locale = useLocale();
  const row = active ? (payload?.[0]?.payload as StackDatum | undefined)?.row : undefined;
  if (!row) return null;
  const base = row.lead;
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{row.label}</p>
      {row.text && row.text !== row.label && <p className="tooltip-text">{shorten(row.text, 300)}</p>}
      <div className="tooltip-lines">
        {parts.map((part, i) => (
          <p key={part.code}>
            {part.label}: <strong>{row.parts[i].share === null ? '–' : formatPercent(row.parts[i].share!, locale)}</strong> ({formatInterval(row.parts[i].lower, row.parts[i].upper, locale)})
          </p>
        ))}
        {row.leadLabel && (
          <p>
            {row.leadLabel}: <strong>{base.share === null ? '–' : formatPercent(base.share, locale)}</strong> ({formatInterval(base.lower, base.upper, locale)})
          </p>
        )}
        <p>
          {t('tipBase')}: {formatNumber(base.respondents, locale)} · {t('tipEffective')}: {formatNumber(base.effectiveBase, locale, 1)}
        </p>
        {row.small && <p className="tooltip-note">{row.small}</p>}
        {row.extra?.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </div>
  );
}
