import { useLocale, useTranslations } from 'next-intl';
import type { DatasetCatalog } from '@/lib/explore/catalog';
import type { ExploreState } from '@/lib/explore/state';
import { formatNumber } from '@/lib/i18n/numbers';

import { shorten } from '@/lib/explore/shorten';

/** Who the numbers are about: the audience's size and its filters in words. */
export function AudienceLine({ catalog, state, audience, total }: { catalog: DatasetCatalog; state: ExploreState; audience: number; total: number }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const parts = catalog.attributes
    .filter((a) => state.filter[a.id]?.length)
    .map((a) => `${shorten(a.label[locale], 60)}: ${a.levels.filter((l) => state.filter[a.id].includes(l.code)).map((l) => shorten(l.label[locale], 40)).join(', ')}`);
  return (
    <p className="audience-line" data-testid="audience-line">
      <strong>{t('audienceSize', { n: formatNumber(audience, locale), total: formatNumber(total, locale) })}</strong>
      {' · '}
      {parts.length ? `${t('audienceFilters')}: ${parts.join('; ')}` : t('audienceEveryone')}
    </p>
  );
}
