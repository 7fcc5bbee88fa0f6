import type { BenchmarkRow } from '@/lib/analysis/benchmark';
import { formatPercent } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/survey/codebook';
import { bt, formatPoints } from './messages';

const AXIS = [0, 0.25, 0.5, 0.75, 1];

// The group first: long item labels are cut off at the end in the plot.
export const rowName = (row: BenchmarkRow, locale: Locale) => (row.group ? `${row.group.label[locale]} · ${row.label[locale]}` : row.label[locale]);

/**
 * A dot plot drawn in HTML (server-rendered, no chart library needed): per row the reference's rate
 * (open dot) and the upload's (filled dot) on one 0-100% scale, joined by a bar that shows the gap,
 * and the difference in points with its significance mark. The table below carries every figure;
 * the plot itself is one image to assistive technology.
 */
export function BenchmarkChart({ rows, locale, uploadName, referenceName }: { rows: BenchmarkRow[]; locale: Locale; uploadName: string; referenceName: string }) {
  const shown = rows.filter((r) => r.upload.share !== null && r.reference.share !== null);
  return (
    <figure className="card bench-chart" aria-labelledby="bench-chart-title">
      <h2 id="bench-chart-title">{bt(locale, 'chartTitle', { upload: uploadName, reference: referenceName })}</h2>
      <p className="muted small">{bt(locale, 'chartLead')}</p>
      <div className="bench-legend" aria-hidden="true">
        <span>
          <span className="bench-dot upload" /> {uploadName}
        </span>
        <span>
          <span className="bench-dot reference" /> {referenceName}
        </span>
      </div>
      <div role="img" aria-label={bt(locale, 'chartLabel')} className="bench-plot">
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
          const u = row.upload.share!;
          const r = row.reference.share!;
          const d = row.difference;
          const mark = d?.significant ? (d.diff > 0 ? '▲' : '▼') : '';
          return (
            <div key={row.key} className={`bench-row${d?.significant ? ' is-significant' : ''}${row.smallBase ? ' is-small' : ''}`} data-row={row.key}>
              <span className="bench-label" title={rowName(row, locale)}>
                {rowName(row, locale)}
              </span>
              <span className="bench-track">
                {AXIS.map((x) => (
                  <span key={x} className="bench-grid" style={{ left: `${100 * x}%` }} />
                ))}
                <span className={`bench-gap ${u >= r ? 'up' : 'down'}`} style={{ left: `${100 * Math.min(u, r)}%`, width: `${100 * Math.abs(u - r)}%` }} />
                <span className="bench-dot reference" style={{ left: `${100 * r}%` }} />
                <span className="bench-dot upload" style={{ left: `${100 * u}%` }} />
              </span>
              <span className={`bench-diff${mark ? (d!.diff > 0 ? ' up' : ' down') : ''}`}>
                {d ? formatPoints(d.diff, locale) : '–'} <span className="bench-mark">{mark}</span>
              </span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
