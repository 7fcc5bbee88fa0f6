'use client';
import { useLocale, useTranslations } from 'next-intl';
import type { BarChartData, CellView } from '@/lib/explore/model';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { formatInterval } from '../messages';
import { noteOf, vsRestText } from '../table';
import { shorten } from '@/lib/explore/shorten';

/** Tooltip of a bar chart row: per series the share, interval, base n, effective base and the test against the rest. */
export function CellTooltip({ chart, label, text, cells }: { chart: BarChartData; label: string; text?: string; cells: readonly (CellView | undefined)[] }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const crossed = chart.seriesDim !== null;
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{label}</p>
      {text && text !== label && <p className="tooltip-text">{shorten(text, 300)}</p>}
      {chart.series.map((s, i) => {
        const cell = cells[i];
        if (!cell) return null;
        return (
          <div className="tooltip-lines" key={s.key || 'all'}>
            {crossed && <p className="tooltip-series">{s.label[locale]}</p>}
            <p>
              <strong>{cell.share === null ? '–' : formatPercent(cell.share, locale)}</strong>
              {cell.mark && <span> {cell.mark === 'up' ? '▲' : '▼'}</span>}
              {cell.tier && <span> · {t(`tier_${cell.tier}`)}</span>}
            </p>
            <p>
              {t('tipInterval')}: {formatInterval(cell.lower, cell.upper, locale)}
            </p>
            <p>
              {t('tipBase')}: {formatNumber(cell.respondents, locale)}
              {chart.pooled && ` (${formatNumber(cell.ratings, locale)} ${t('tipRatings')})`} · {t('tipEffective')}: {formatNumber(cell.effectiveBase, locale, 1)}
            </p>
            {cell.diff !== null && (
              <p>
                {t('tipVsRest')}: {vsRestText(cell, locale)}
              </p>
            )}
            {noteOf(cell, chart.minBase, locale, t) && <p className="tooltip-note">{noteOf(cell, chart.minBase, locale, t)}</p>}
          </div>
        );
      })}
    </div>
  );
}
