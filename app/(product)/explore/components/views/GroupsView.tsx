import { useLocale, useTranslations } from 'next-intl';
import type { GroupsModel } from '@/lib/explore/viewModels/groups';
import { shorten } from '@/lib/explore/shorten';
import { BarChartCard } from '../BarChartCard';
import { highLowSentence } from './summaries';

/** A family's acceptance, its items pooled, by the levels of an attribute, alone or crossed (any codebook). */
export function GroupsView({ model, fileBase }: { model: GroupsModel; fileBase: string[] }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const { chart } = model;
  const family = shorten(model.family.label[locale], 60);
  const by = shorten(chart.rowDim[locale], 60).toLowerCase();
  const cross = chart.seriesDim && shorten(chart.seriesDim[locale], 60).toLowerCase();
  const sentence = highLowSentence(chart, locale, t);
  return (
    <BarChartCard
      chart={chart}
      title={cross ? t('groupsTitleCrossed', { family, by, cross }) : t('groupsTitle', { family, by })}
      lead={t('groupsLead')}
      summary={sentence && <p data-testid="groups-summary">{sentence}</p>}
      showUplift
      fileParts={[...fileBase, model.family.id, 'groups']}
    />
  );
}
