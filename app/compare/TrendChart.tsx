import type { LevelComparison } from '@/lib/analysis/levelComparison';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/survey/codebook';
import { cm } from './messages';

// The small multiple's drawing box; the level names sit under it in HTML, on the same columns.
const W = 300;
const H = 130;
const PAD = { left: 34, right: 8, top: 8, bottom: 8 };
const GRID = [0, 0.5, 1];

const x = (i: number, n: number) => PAD.left + ((i + 0.5) * (W - PAD.left - PAD.right)) / n;
const y = (share: number) => PAD.top + (1 - share) * (H - PAD.top - PAD.bottom);

/**
 * The trend when the attribute has more than two levels: one small chart per item, the share in
 * each level with its interval, joined by a line. The two compared levels are drawn as in the dot
 * plot (filled, open), the others grey; a level under the minimum base is a hollow grey point with
 * no interval. Server-rendered SVG; every figure is also in the table under it.
 */
export function TrendChart({ comparison, locale }: { comparison: LevelComparison; locale: Locale }) {
  const { attribute, levels, a, b } = comparison;
  const n = levels.length;
  const columns = { gridTemplateColumns: `repeat(${n}, 1fr)`, marginLeft: `${(100 * PAD.left) / W}%`, marginRight: `${(100 * PAD.right) / W}%` };
  return (
    <section className="card trend" aria-labelledby="trend-title" data-testid="trend-chart">
      <h2 id="trend-title">{cm(locale, 'trendTitle', { by: attribute.label[locale] })}</h2>
      <p className="muted small">{cm(locale, 'trendLead', { a: a.label[locale], b: b.label[locale] })}</p>
      <div className="trend-grid">
        {comparison.trend.map((row) => {
          const points = row.levels.map((l, i) => ({ ...l, i }));
          const drawn = points.filter((p) => p.side.share !== null);
          return (
            <figure key={row.key} className="trend-item" data-row={row.key}>
              <figcaption title={row.label[locale]}>{row.label[locale]}</figcaption>
              <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={cm(locale, 'trendLabel', { item: row.label[locale], by: attribute.label[locale] })}>
                {GRID.map((g) => (
                  <g key={g}>
                    <line x1={PAD.left} x2={W - PAD.right} y1={y(g)} y2={y(g)} className="trend-gridline" />
                    <text x={PAD.left - 4} y={y(g) + 4} className="trend-tick" textAnchor="end">
                      {formatPercent(g, locale, 0)}
                    </text>
                  </g>
                ))}
                <polyline points={drawn.map((p) => `${x(p.i, n)},${y(p.side.share!)}`).join(' ')} className="trend-line" />
                {drawn.map((p) => {
                  const role = p.code === a.code ? 'is-a' : p.code === b.code ? 'is-b' : 'is-other';
                  const share = formatPercent(p.side.share!, locale);
                  const ci = p.side.ci;
                  const title = ci
                    ? cm(locale, 'trendPointInterval', { level: p.label[locale], share, lower: formatPercent(ci.lower, locale), upper: formatPercent(ci.upper, locale), n: formatNumber(p.side.respondents, locale) })
                    : cm(locale, 'trendPointSmall', { level: p.label[locale], share, n: formatNumber(p.side.respondents, locale) });
                  return (
                    <g key={p.code} className={`trend-point ${p.side.smallBase ? 'is-small' : role}`} data-level={p.code}>
                      <title>{title}</title>
                      {ci && <line x1={x(p.i, n)} x2={x(p.i, n)} y1={y(ci.upper)} y2={y(ci.lower)} className="trend-whisker" />}
                      <circle cx={x(p.i, n)} cy={y(p.side.share!)} r={5} />
                    </g>
                  );
                })}
              </svg>
              <div className="trend-levels" style={columns} aria-hidden="true">
                {levels.map((l) => (
                  <span key={l.code} className={l.code === a.code || l.code === b.code ? 'is-compared' : undefined}>
                    {l.label[locale]}
                  </span>
                ))}
              </div>
            </figure>
          );
        })}
      </div>
      <details className="trend-details">
        <summary>{cm(locale, 'trendTable')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={cm(locale, 'trendTable')}>
          <table className="findings" data-testid="trend-table">
            <caption className="visually-hidden">{cm(locale, 'trendTableCaption')}</caption>
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
                        {l.side.smallBase && l.side.share !== null && ` · ${cm(locale, 'underMinimum')}`}
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
