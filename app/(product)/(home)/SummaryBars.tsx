'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { Bar, BarChart, ErrorBar, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import type { Figure, Tone } from '@/lib/summary/model';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { INK, MUTED, rowLabelTick, TOOLTIP_CURSOR } from '@/app/components/charts/chartAxes';
import { useLatestRows } from '@/app/components/charts/useLatestRows';
import { useElementWidth } from '@/app/components/charts/useElementWidth';
import { ChartBox, FILL_BOX } from '@/app/components/charts/ChartBox';

const TONE_FILL: Record<Tone, string> = { focus: '#1d5fb8', base: '#8d9bb0', ok: '#2e8540', nogo: '#b42318' };
/** A figure under the minimum base: greyed, with the reason written beside it, and no interval. */
const SMALL_FILL = '#d3d7dd';
const ROW = 34;
const BAR = 12;
/** Room for the value right of the bars; more when a figure says it has a small base. */
const VALUE_ROOM = 60;
const VALUE_ROOM_SMALL = 140;

/** The width of a summary card's chart: a laptop's card until one has been measured, then the measured one. */
const summaryColumn = { width: 340 };

interface SummaryDatum {
  label: string;
  share: number;
  error?: [number, number];
  figure: Figure;
}

const DATA_KEY = 'share';
const ERROR_KEY = 'error';

/**
 * A headline's small bar chart (recharts): one bar per figure with its 95% interval, the label
 * wrapped on the left and the value on the right; a tooltip (mouse or keyboard) with base,
 * effective base and interval. The height does not depend on the width, so the server's HTML holds
 * the chart's box at its final size (ChartBox); in print it is scaled to the card.
 */
export function SummaryBars({ bars }: { bars: Figure[] }) {
  const locale = useLocale();
  const { ref, width } = useElementWidth<HTMLDivElement>(summaryColumn);
  const height = bars.length * ROW + 8;
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
  const tooltip = useCallback((props: TooltipContentProps) => <SummaryTooltip {...props} />, []);
  return (
    <>
    <ChartBox boxRef={ref} className="summary-chart" height={height}>
      <BarChart layout="vertical" width={width} height={height} style={FILL_BOX} data={data} margin={margin} barCategoryGap={ROW - BAR} accessibilityLayer>
        <XAxis type="number" domain={[0, 1]} hide />
        <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tickLine={false} axisLine={false} tick={tick} />
        <Tooltip content={tooltip} cursor={TOOLTIP_CURSOR} isAnimationActive={false} />
        <Bar dataKey={DATA_KEY} barSize={BAR} isAnimationActive={false} shape={shape} background={{ fill: '#eceff3' }}>
          <ErrorBar dataKey={ERROR_KEY} width={3} stroke={INK} strokeWidth={1.2} isAnimationActive={false} />
        </Bar>
      </BarChart>
    </ChartBox>
    <SummaryLegend bars={bars} />
    </>
  );
}

const TONE_LEGEND = { focus: 'legendFocus', base: 'legendBase', ok: 'legendOk', nogo: 'legendNogo' } as const;

/** What the card's colours and whiskers mean: only the tones it uses, in the order they appear. */
function SummaryLegend({ bars }: { bars: Figure[] }) {
  const t = useTranslations('summary');
  const tones = [...new Set(bars.filter((b) => !b.smallBase).map((b) => b.tone))];
  const small = bars.some((b) => b.smallBase);
  const interval = bars.some((b) => b.ci && !b.smallBase);
  return (
    <ul className="summary-legend" data-testid="summary-legend">
      {tones.map((tone) => (
        <li key={tone}>
          <span className="legend-swatch" style={{ background: TONE_FILL[tone] }} aria-hidden="true" /> {t(TONE_LEGEND[tone])}
        </li>
      ))}
      {small && (
        <li>
          <span className="legend-swatch" style={{ background: SMALL_FILL }} aria-hidden="true" /> {t('legendSmall')}
        </li>
      )}
      {interval && (
        <li>
          <span className="legend-whisker" aria-hidden="true" /> {t('legendInterval')}
        </li>
      )}
    </ul>
  );
}

/** One figure's bar and its value at the right edge (`right`) of the card (with "small base" when it is under the minimum). */
function SummaryBar({ x, y, width, height, payload, right }: BarShapeProps & { right: number }) {
  const locale = useLocale();
  const t = useTranslations('summary');
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
  const locale = useLocale();
  const t = useTranslations('summary');
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
