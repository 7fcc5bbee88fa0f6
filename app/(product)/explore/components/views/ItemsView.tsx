import { useLocale, useTranslations } from 'next-intl';
import type { ItemsModel } from '@/lib/explore/viewModels/items';
import { shorten } from '@/lib/explore/shorten';
import { BarChartCard } from '../BarChartCard';
import { highLowSentence } from './summaries';

/** A family's items, each with its positive share, alone or crossed by an attribute (any codebook). */
export function ItemsView({ model, fileBase }: { model: ItemsModel; fileBase: string[] }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const { chart } = model;
  const family = shorten(model.family.label[locale], 60);
  const cross = chart.seriesDim?.[locale];
  const sentence = highLowSentence(chart, locale, t);
  return (
    <BarChartCard
      chart={chart}
      title={cross ? t('itemsTitleCrossed', { family, cross: shorten(cross, 60).toLowerCase() }) : t('itemsTitle', { family })}
      lead={cross ? t('itemsLeadCrossed', { cross: shorten(cross, 60).toLowerCase() }) : t('itemsLead')}
      summary={sentence && <p data-testid="items-summary">{sentence}</p>}
      rowHeader={t('rowItem')}
      fileParts={[...fileBase, model.family.id, 'items']}
    />
  );
}
