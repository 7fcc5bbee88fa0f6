import type { Figure } from '@/lib/summary/model';
import { precise } from '@/lib/summary/format';
import { isLong, shorten } from '@/lib/explore/shorten';
import type { Locale } from '@/lib/survey/codebook';
import { st } from '@/lib/summary/text';

/**
 * A small bar chart as a list: one row per figure, the bar and its 95% interval drawn in a tiny
 * inline SVG (vector, so it prints whole and sharp), the label and the value as text.
 */
export function SummaryBars({ bars, locale }: { bars: Figure[]; locale: Locale }) {
  return (
    <ul className="summary-bars">
      {bars.map((bar, i) => (
        <li key={i} className={`bar-row tone-${bar.tone}`}>
          {/* A long label (a question used as its own label) is shortened, in full on hover. */}
          <span className="bar-label" title={isLong(bar.label[locale], 70) ? bar.label[locale] : undefined}>
            {shorten(bar.label[locale], 70)}
          </span>
          <svg className="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect className="bar-track" x="0" y="1" width="100" height="8" rx="1" />
            <rect className="bar-fill" x="0" y="1" width={Math.max(0.5, 100 * bar.share)} height="8" rx="1" />
            {bar.ci && (
              <g className="bar-ci">
                <line x1={100 * bar.ci.lower} x2={100 * bar.ci.upper} y1="5" y2="5" />
                <line x1={100 * bar.ci.lower} x2={100 * bar.ci.lower} y1="2.5" y2="7.5" />
                <line x1={100 * bar.ci.upper} x2={100 * bar.ci.upper} y1="2.5" y2="7.5" />
              </g>
            )}
          </svg>
          <span className="bar-value" data-claim={bar.claimId} data-share={bar.share}>
            {precise(bar.share, locale)}
            {bar.smallBase && <span className="small-base"> ({st(locale, 'smallBase')})</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
