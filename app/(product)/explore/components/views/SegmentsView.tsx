import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/survey/codebook';
import type { SegmentsModel } from '@/lib/explore/viewModels/segments';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { BarChartCard } from '../BarChartCard';
import { highLowSentence } from './summaries';

/** Most and least welcoming segments in a sentence (G12), small segments left out. */
function Ranking({ model, locale, minBase }: { model: SegmentsModel; locale: Locale; minBase: number }) {
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
export function SegmentsView({ model, locale, minBase, fileBase, subject }: { model: SegmentsModel; locale: Locale; minBase: number; fileBase: string[]; subject?: string }) {
  const t = useTranslations('explore');
  const countrySentence = model.country && highLowSentence(model.country, locale, t);
  return (
    <>
      {model.grid && (
        <BarChartCard
          chart={model.grid}
          locale={locale}
          title={subject ? t('subjectBy', { subject, dim: t('segmentWord') }) : t('segGridTitle')}
          lead={t('segLead')}
          summary={<Ranking model={model} locale={locale} minBase={minBase} />}
          rowHeader={t('segmentRow')}
          fileParts={[...fileBase, 'segments']}
        />
      )}
      {model.country && (
        <BarChartCard
          chart={model.country}
          locale={locale}
          title={subject ? t('subjectBy', { subject, dim: model.country.rowDim[locale].toLowerCase() }) : t('segCountryTitle')}
          lead={t('segLead')}
          summary={countrySentence && <p>{countrySentence}</p>}
          fileParts={[...fileBase, 'countries']}
        />
      )}
    </>
  );
}
