import { useLocale, useTranslations } from 'next-intl';
import type { SegmentsModel } from '@/lib/explore/viewModels/segments';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { BarChartCard } from '../BarChartCard';
import { highLowSentence } from './summaries';

/** Most and least welcoming segments in a sentence (G12), small segments left out. */
function Ranking({ model, minBase }: { model: SegmentsModel; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  return (
    <div data-testid="segments-ranking">
      {model.most && model.least ? (
        <p>
          {t('segMost', {
            most: model.most.label[locale].toLowerCase(),
            mostShare: formatPercent(model.most.cell.share!, locale),
            least: model.least.label[locale].toLowerCase(),
            leastShare: formatPercent(model.least.cell.share!, locale),
          })}
        </p>
      ) : (
        <p>{t('segTooFew')}</p>
      )}
      {model.excluded > 0 && <p className="muted small">{t('segExcluded', { n: model.excluded, min: formatNumber(minBase, locale) })}</p>}
    </div>
  );
}

/** Gender x age x young children, and country (G12). */
export function SegmentsView({ model, minBase, fileBase, subject }: { model: SegmentsModel; minBase: number; fileBase: string[]; subject?: string }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const countrySentence = model.country && highLowSentence(model.country, locale, t);
  return (
    <>
      {model.grid && (
        <BarChartCard
          chart={model.grid}
          title={subject ? t('subjectBy', { subject, dim: t('segmentWord') }) : t('segGridTitle')}
          lead={t('segLead')}
          summary={<Ranking model={model} minBase={minBase} />}
          rowHeader={t('segmentRow')}
          fileParts={[...fileBase, 'segments']}
        />
      )}
      {model.country && (
        <BarChartCard
          chart={model.country}
          title={subject ? t('subjectBy', { subject, dim: model.country.rowDim[locale].toLowerCase() }) : t('segCountryTitle')}
          lead={t('segLead')}
          summary={countrySentence && <p>{countrySentence}</p>}
          fileParts={[...fileBase, 'countries']}
        />
      )}
    </>
  );
}
