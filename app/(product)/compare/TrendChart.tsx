'use client';
import { useLocale } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { CartesianGrid, ErrorBar, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { LevelComparison } from '@/lib/analysis/levelComparison';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { INK, MUTED, TOOLTIP_CURSOR } from '@/app/components/charts/chartAxes';
// The tooltip's look (the small multiples are drawn at once, without a ChartBox, which brings it elsewhere).
import '@/app/components/charts/charts.css';
import { useElementWidth } from '@/app/components/charts/useElementWidth';
import { compareText } from './messages';

// The small multiple's height (fixed, so the server's drawing does not jump); its width is the column's.
const H = 130;
const MARGIN = { left: 0, right: 12, top: 8, bottom: 4 };
const Y_WIDTH = 36;
const GRID = [0, 0.5, 1];
/** A small multiple's width: a likely one until one has been measured (before the first paint). */
const trendColumn = { width: 300 };
/** The chart's wrapper is its column's width in the server's HTML too (there it is drawn at no width yet). */
const FULL_WIDTH = { width: '100%' };

type Row = LevelComparison['trend'][number];
interface TrendDatum {
  code: string;
  label: string;
  role: 'is-a' | 'is-b' | 'is-other' | 'is-small';
  share: number | null;
  error?: [number, number];
  title: string;
}

/**
 * The trend when the attribute has more than two levels: one small recharts chart per item, the
 * share in each level with its interval (ErrorBar), joined by a line. The two compared levels are
 * drawn as in the dot plot (filled, open), the others grey; a level under the minimum base is a
 * hollow grey point with no interval. Every figure is also in the table under it, and in the
 * tooltip (mouse or keyboard).
 */
export function TrendChart({ comparison }: { comparison: LevelComparison }) {
  const locale = useLocale();
  const { attribute, levels, a, b } = comparison;
  return (
    <section className="card trend" aria-labelledby="trend-title" data-testid="trend-chart">
      <h2 id="trend-title">{compareText(locale, 'trendTitle', { by: attribute.label[locale] })}</h2>
      <p className="muted small">{compareText(locale, 'trendLead', { a: a.label[locale], b: b.label[locale] })}</p>
      <div className="trend-grid">
        {comparison.trend.map((row) => (
          <TrendItem key={row.key} row={row} comparison={comparison} />
        ))}
      </div>
      <details className="trend-details">
        <summary>{compareText(locale, 'trendTable')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={compareText(locale, 'trendTable')}>
          <table className="findings" data-testid="trend-table">
            <caption className="visually-hidden">{compareText(locale, 'trendTableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{attribute.label[locale]}</th>
                {levels.map((l) => (
                  <th key={l.code} scope="col">
                    {l.label[locale]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.trend.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label[locale]}</th>
                  {row.levels.map((l) => (
                    <td key={l.code} className={`num${l.side.smallBase && l.side.share !== null ? ' is-small' : ''}`}>
                      {l.side.share === null ? '–' : formatPercent(l.side.share, locale)}
                      <div className="small muted">
                        {l.side.ci ? `${formatPercent(l.side.ci.lower, locale)}–${formatPercent(l.side.ci.upper, locale)} · ` : ''}n = {formatNumber(l.side.respondents, locale)}
                        {l.side.smallBase && l.side.share !== null && ` · ${compareText(locale, 'underMinimum')}`}
                      </div>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function TrendItem({ row, comparison }: { row: Row; comparison: LevelComparison }) {
  const locale = useLocale();
  const { attribute, a, b } = comparison;
  const { ref, width } = useElementWidth<HTMLElement>(trendColumn);
  const data = useMemo<TrendDatum[]>(
    () =>
      row.levels.map((l) => {
        const { share, ci, respondents, smallBase } = l.side;
        const formatted = share === null ? '–' : formatPercent(share, locale);
        return {
          code: l.code,
          label: l.label[locale],
          role: smallBase ? 'is-small' : l.code === a.code ? 'is-a' : l.code === b.code ? 'is-b' : 'is-other',
          share,
          error: share !== null && ci && !smallBase ? [share - ci.lower, ci.upper - share] : undefined,
          title: ci && !smallBase
            ? compareText(locale, 'trendPointInterval', { level: l.label[locale], share: formatted, lower: formatPercent(ci.lower, locale), upper: formatPercent(ci.upper, locale), n: formatNumber(respondents, locale) })
            : compareText(locale, 'trendPointSmall', { level: l.label[locale], share: formatted, n: formatNumber(respondents, locale) }),
        };
      }),
    [row, a.code, b.code, locale],
  );
  const formatTick = useCallback((v: number) => formatPercent(v, locale, 0), [locale]);
  return (
    <figure ref={ref} className="trend-item" data-row={row.key}>
      <figcaption title={row.label[locale]}>{row.label[locale]}</figcaption>
      <LineChart width={width} height={H} style={FULL_WIDTH} data={data} margin={MARGIN} title={compareText(locale, 'trendLabel', { item: row.label[locale], by: attribute.label[locale] })} accessibilityLayer>
        <CartesianGrid vertical={false} stroke="#e6e9ee" />
        <XAxis dataKey="label" tick={false} axisLine={false} tickLine={false} height={4} />
        <YAxis type="number" domain={[0, 1]} ticks={GRID} tickFormatter={formatTick} width={Y_WIDTH} axisLine={false} tickLine={false} fontSize={11} stroke={MUTED} />
        <Tooltip content={TrendTooltip} cursor={TOOLTIP_CURSOR} isAnimationActive={false} />
        <Line dataKey="share" stroke="#9aa4b1" strokeWidth={1.5} connectNulls isAnimationActive={false} dot={TrendPoint} activeDot={false}>
          <ErrorBar dataKey="error" direction="y" width={0} stroke={INK} strokeWidth={2} isAnimationActive={false} />
        </Line>
      </LineChart>
      <div className="trend-levels" style={{ gridTemplateColumns: `repeat(${data.length}, 1fr)`, marginLeft: Y_WIDTH, marginRight: MARGIN.right }} aria-hidden="true">
        {data.map((d) => (
          <span key={d.code} className={d.code === a.code || d.code === b.code ? 'is-compared' : undefined}>
            {d.label}
          </span>
        ))}
      </div>
    </figure>
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
