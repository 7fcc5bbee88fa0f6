'use client';
import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import type { LevelComparison } from '@/lib/analysis/levelComparison';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { useElementWidth } from '@/app/components/charts/useElementWidth';
import { ChartBox } from '@/app/components/charts/ChartBox';
import { lazyModule } from '@/app/components/lazyModule';
import { H, MARGIN, Y_WIDTH, type TrendDatum } from './trendStyle';
import { compareText } from './messages';

/** A small multiple's width: a likely one until one has been measured (before the first paint). */
const trendColumn = { width: 300 };
/** The recharts drawing, loaded when a small multiple is about to be seen (ChartBox). */
const drawing = lazyModule(() => import('./TrendDrawing'));

type Row = LevelComparison['trend'][number];

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
  const { ref, width } = useElementWidth<HTMLDivElement>(trendColumn);
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
  return (
    <figure className="trend-item" data-row={row.key}>
      <figcaption title={row.label[locale]}>{row.label[locale]}</figcaption>
      <ChartBox boxRef={ref} className="trend-plot" height={H} drawing={drawing}>
        {({ TrendDrawing }) => <TrendDrawing data={data} width={width} title={compareText(locale, 'trendLabel', { item: row.label[locale], by: attribute.label[locale] })} />}
      </ChartBox>
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

