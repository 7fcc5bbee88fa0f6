import { useLocale, useTranslations } from 'next-intl';
import type { BondModel } from '@/lib/explore/viewModels/bond';
import type { BarChartData } from '@/lib/explore/model';
import { formatPercent, formatPoints } from '@/lib/i18n/numbers';
import { BarChartCard } from '../BarChartCard';

/** "Strong (4-5): 65.0%, +19.0 pp against the overall 46.0%." for the top band of an uncrossed chart. */
function TopBandSentence({ chart }: { chart: BarChartData }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  if (chart.seriesDim || !chart.reference || chart.reference.share === null) return null;
  const top = chart.rows[chart.rows.length - 1];
  const cell = top && chart.cells.find((c) => c.row === top.key);
  if (!cell || cell.share === null || cell.uplift == null) return null;
  return (
    <p className="uplift-sentence" data-testid={`${chart.id}-uplift`}>
      {t('bondSentence', { band: `${chart.rowDim[locale]}, ${top.label[locale].toLowerCase()}`, share: formatPercent(cell.share, locale), uplift: formatPoints(cell.uplift, locale), overall: formatPercent(chart.reference.share, locale) })}
    </p>
  );
}

/** Acceptance across bond and trust bands with the uplift (G5, G6, G8), and the data types a strong bond unlocks (G7). */
export function BondView({ model, fileBase, subject }: { model: BondModel; fileBase: string[]; subject?: string }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  return (
    <>
      <div className={model.bands.every((c) => !c.seriesDim) ? 'card-grid' : undefined}>
        {model.bands.map((chart) => (
          <BarChartCard
            key={chart.id}
            chart={chart}
            title={subject ? t('subjectBy', { subject, dim: chart.rowDim[locale].toLowerCase() }) : t('bondTitle', { dim: chart.rowDim[locale].toLowerCase() })}
            lead={t('bondLead')}
            summary={<TopBandSentence chart={chart} />}
            showUplift
            fileParts={[...fileBase, chart.id]}
          />
        ))}
      </div>
      {model.unlock.map((u) => {
        const dim = u.attributeLabel[locale].toLowerCase();
        const list = u.unlocked.map((l) => l[locale].toLowerCase()).join(', ');
        const sentence = u.unlocked.length ? t('unlockSentence', { high: u.high.label[locale].toLowerCase(), dim, list }) : t('unlockNone', { high: u.high.label[locale].toLowerCase(), dim });
        return (
          <BarChartCard
            key={u.attribute}
            chart={u.chart}
            title={t('unlockTitle', { low: u.low.label[locale].toLowerCase(), high: u.high.label[locale].toLowerCase(), dim })}
            lead={t('unlockLead')}
            summary={<p data-testid={`${u.chart.id}-summary`}>{sentence}</p>}
            colourBy="series"
            rowHeader={t('rowDataType')}
            method={t('restUnlock')}
            threshold={{ value: 0.5, label: t('okThreshold') }}
            showTier
            extraFootnote={[t('tierRule')]}
            fileParts={[...fileBase, u.chart.id]}
          />
        );
      })}
    </>
  );
}
