'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { Bar, BarChart, ErrorBar, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import type { Figure } from '@/lib/summary/model';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { INK, MUTED, rowLabelTick, TOOLTIP_CURSOR } from '@/app/components/charts/chartAxes';
import { useLatestRows } from '@/app/components/charts/useLatestRows';
import { FILL_BOX } from '@/app/components/charts/ChartBox';
import { BAR, ROW, SMALL_FILL, TONE_FILL, VALUE_ROOM, VALUE_ROOM_SMALL } from './summaryBarsStyle';

interface SummaryDatum {
  label: string;
  share: number;
  error?: [number, number];
  figure: Figure;
}

const DATA_KEY = 'share';
/** The tooltip as an element of its own (it reads the language and messages), one function for every render. */
const tooltip = (props: TooltipContentProps) => <SummaryTooltip {...props} />;
const ERROR_KEY = 'error';

/**
 * A headline's bar chart drawn with recharts (loaded apart from the page: SummaryBars, ChartBox):
 * one bar per figure with its 95% interval, the label wrapped on the left and the value on the
 * right; a tooltip (mouse or keyboard) with base, effective base and interval.
 */
export function SummaryBarsDrawing({ bars, width, height }: { bars: Figure[]; width: number; height: number }) {
  const locale = useLocale();
  const labelWidth = Math.round(width * 0.4);
  const valueRoom = bars.some((b) => b.smallBase) ? VALUE_ROOM_SMALL : VALUE_ROOM;
  const margin = useMemo(() => ({ top: 4, right: valueRoom, bottom: 4, left: 0 }), [valueRoom]);
  const data = useMemo<SummaryDatum[]>(
    () =>
      bars.map((figure) => ({
        label: figure.label[locale],
        share: figure.share,
        error: figure.ci && !figure.smallBase ? [figure.share - figure.ci.lower, figure.ci.upper - figure.share] : undefined,
        figure,
      })),
    [bars, locale],
  );
  const rows = useLatestRows(data);
  const tick = useMemo(() => rowLabelTick(rows, labelWidth, 2, 12), [rows, labelWidth]);
  const shape = useCallback((props: BarShapeProps) => <SummaryBar {...props} right={width - 2} />, [width]);
  return (
    <BarChart layout="vertical" width={width} height={height} style={FILL_BOX} data={data} margin={margin} barCategoryGap={ROW - BAR} accessibilityLayer>
      <XAxis type="number" domain={[0, 1]} hide />
      <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tickLine={false} axisLine={false} tick={tick} />
      <Tooltip content={tooltip} cursor={TOOLTIP_CURSOR} isAnimationActive={false} />
      <Bar dataKey={DATA_KEY} barSize={BAR} isAnimationActive={false} shape={shape} background={{ fill: '#eceff3' }}>
        <ErrorBar dataKey={ERROR_KEY} width={3} stroke={INK} strokeWidth={1.2} isAnimationActive={false} />
      </Bar>
    </BarChart>
  );
}

/** One figure's bar and its value at the right edge (`right`) of the card (with "small base" when it is under the minimum). */
function SummaryBar({ x, y, width, height, payload, right }: BarShapeProps & { right: number }) {
  const t = useTranslations('summary');
  const locale = useLocale();
  const { figure } = payload as SummaryDatum;
  return (
    <g>
      <rect className="chart-bar" x={x} y={y} width={Math.max(0.5, Number(width))} height={height} rx={1} fill={figure.smallBase ? SMALL_FILL : TONE_FILL[figure.tone]} data-small={figure.smallBase || undefined} />
      <text x={right} y={Number(y) + Number(height) / 2} textAnchor="end" dominantBaseline="central" fontSize={12} fontWeight={600} fill={INK} stroke="none" className="bar-value" data-claim={figure.claimId} data-share={figure.share}>
        {formatPercent(figure.share, locale)}
        {figure.smallBase && (
          <tspan className="small-base" fontWeight={400} fill={MUTED}>
            {' '}({t('smallBase')})
          </tspan>
        )}
      </text>
    </g>
  );
}

function SummaryTooltip({ active, payload }: TooltipContentProps) {
  const t = useTranslations('summary');
  const locale = useLocale();
  const datum = active ? (payload?.[0]?.payload as SummaryDatum | undefined) : undefined;
  if (!datum) return null;
  const { figure } = datum;
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{datum.label}</p>
      <div className="tooltip-lines">
        <p>
          <strong>{formatPercent(figure.share, locale)}</strong>
          {figure.ci && !figure.smallBase && ` · ${t('footInterval', { lower: formatPercent(figure.ci.lower, locale), upper: formatPercent(figure.ci.upper, locale) })}`}
        </p>
        <p>{t('tipBases', { n: formatNumber(figure.respondents, locale), effective: formatNumber(figure.effectiveBase, locale, 1) })}</p>
        {figure.smallBase && <p className="tooltip-note">{t('smallBase')}</p>}
      </div>
    </div>
  );
}
