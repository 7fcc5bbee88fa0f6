import { useLocale, useTranslations } from 'next-intl';
import type { Headline as HeadlineData } from '@/lib/explore/viewModels/audience';
import type { CellView } from '@/lib/explore/model';
import { formatNumber, formatPercent, formatPoints } from '@/lib/i18n/numbers';

import { shorten } from '@/lib/explore/shorten';

function Stat({ label, cell, testId }: { label: string; cell: CellView; testId: string }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  return (
    <div className="stat" data-testid={testId}>
      <p className="stat-label">{label}</p>
      <p className="stat-value" data-share={cell.share ?? ''}>
        {cell.share === null ? '–' : formatPercent(cell.share, locale)}
      </p>
      <p className="stat-base">
        {t('headlineBase', {
          lower: cell.lower === null ? '–' : formatPercent(cell.lower, locale),
          upper: cell.upper === null ? '–' : formatPercent(cell.upper, locale),
          n: formatNumber(cell.respondents, locale),
        })}
      </p>
    </div>
  );
}

/** Acceptance of automated personalization: the filtered audience beside everyone, with the difference. */
export function Headline({ headline }: { headline: HeadlineData }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const { audience, everyone, filtered } = headline;
  const diff = audience.share !== null && everyone.share !== null ? audience.share - everyone.share : null;
  return (
    <section className="headline" aria-labelledby="headline-title">
      <h2 id="headline-title" className="headline-title">
        {headline.family ? t('headlineFamily', { family: shorten(headline.family[locale], 80) }) : t('headlineTitle')}
      </h2>
      <div className="headline-stats">
        {filtered && <Stat label={t('headlineAudience')} cell={audience} testId="headline-audience" />}
        <Stat label={t('headlineEveryone')} cell={everyone} testId="headline-everyone" />
        {filtered && diff !== null && (
          <p className={`headline-diff ${diff > 0 ? 'up' : diff < 0 ? 'down' : ''}`} data-testid="headline-diff">
            {t('headlineVs', { diff: formatPoints(diff, locale) })}
          </p>
        )}
        {!filtered && <p className="muted headline-hint">{t('headlineNoFilter')}</p>}
      </div>
    </section>
  );
}
