import { useLocale, useTranslations } from 'next-intl';
import type { TacticGroup } from '@/lib/explore/viewModels/tactics';
import { formatPercent } from '@/lib/i18n/numbers';
import { BarChartCard } from '../BarChartCard';

/** Creepy and valued tactics, each ranked (P7-P11). */
export function TacticsView({ groups, fileBase }: { groups: TacticGroup[]; fileBase: string[] }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  return (
    <div className={groups.every((g) => !g.chart.seriesDim) ? 'card-grid' : undefined}>
      {groups.map((group) => {
        const first = group.chart.rows[0];
        const cell = first && group.chart.cells.find((c) => c.row === first.key && c.share !== null);
        return (
          <BarChartCard
            key={group.code}
            chart={group.chart}
            title={t('tacticsTitle', { group: group.label[locale] })}
            lead={t('tacticsLead')}
            summary={
              !group.chart.seriesDim && cell ? (
                <p data-testid={`${group.chart.id}-summary`}>{t('tacticsTop', { item: first.label[locale], share: formatPercent(cell.share!, locale) })}</p>
              ) : undefined
            }
            rowHeader={t('rowTactic')}
            fileParts={[...fileBase, group.chart.id]}
          />
        );
      })}
    </div>
  );
}
