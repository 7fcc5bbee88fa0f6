import { formatPercent, formatPoints } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/survey/codebook';

const AXIS = [0, 0.25, 0.5, 0.75, 1];

export interface DotPlotRow {
  key: string;
  name: string;
  a: number | null;
  b: number | null;
  /** The difference a − b (the plain one when the row has no test). */
  value: number | null;
  mark: 'higher' | 'lower' | null;
  /** A side under the minimum base: greyed, no mark. */
  small: boolean;
}

/**
 * A dot plot drawn in HTML (server-rendered, no chart library needed): per row the second side's
 * rate (open dot) and the first's (filled dot) on one 0-100% scale, joined by a bar that shows the
 * gap, and the difference in points with its significance mark. The table beside it carries every
 * figure; the plot itself is one image to assistive technology.
 */
export function DotPlot({ rows, locale, names, title, lead, label }: { rows: DotPlotRow[]; locale: Locale; names: [string, string]; title: string; lead: string; label: string }) {
  const shown = rows.filter((r) => r.a !== null && r.b !== null);
  return (
    <figure className="card bench-chart" aria-labelledby="dot-plot-title">
      <h2 id="dot-plot-title">{title}</h2>
      <p className="muted small">{lead}</p>
      <div className="bench-legend" aria-hidden="true">
        <span>
          <span className="bench-dot upload" /> {names[0]}
        </span>
        <span>
          <span className="bench-dot reference" /> {names[1]}
        </span>
      </div>
      <div role="img" aria-label={label} className="bench-plot">
        <div className="bench-row bench-axis" aria-hidden="true">
          <span />
          <span className="bench-track">
            {AXIS.map((x) => (
              <span key={x} className="bench-tick" style={{ left: `${100 * x}%` }}>
                {formatPercent(x, locale, 0)}
              </span>
            ))}
          </span>
          <span />
        </div>
        {shown.map((row) => {
          const a = row.a!;
          const b = row.b!;
          const mark = row.mark === 'higher' ? '▲' : row.mark === 'lower' ? '▼' : '';
          return (
            <div key={row.key} className={`bench-row${mark ? ' is-significant' : ''}${row.small ? ' is-small' : ''}`} data-row={row.key}>
              <span className="bench-label" title={row.name}>
                {row.name}
              </span>
              <span className="bench-track">
                {AXIS.map((x) => (
                  <span key={x} className="bench-grid" style={{ left: `${100 * x}%` }} />
                ))}
                <span className={`bench-gap ${a >= b ? 'up' : 'down'}`} style={{ left: `${100 * Math.min(a, b)}%`, width: `${100 * Math.abs(a - b)}%` }} />
                <span className="bench-dot reference" style={{ left: `${100 * b}%` }} />
                <span className="bench-dot upload" style={{ left: `${100 * a}%` }} />
              </span>
              <span className={`bench-diff${mark ? (row.mark === 'higher' ? ' up' : ' down') : ''}`}>
                {row.value === null ? '–' : formatPoints(row.value, locale)} <span className="bench-mark">{mark}</span>
              </span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
