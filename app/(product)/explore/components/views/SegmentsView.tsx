import type { Locale } from '@/lib/survey/codebook';
import type { SegmentsModel } from '@/lib/explore/viewModels/segments';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import { exploreMessages, exploreText } from '../../messages';
import { BarChartCard } from '../BarChartCard';
import { highLowSentence } from './summaries';

/** Most and least welcoming segments in a sentence (G12), small segments left out. */
function Ranking({ model, locale, minBase }: { model: SegmentsModel; locale: Locale; minBase: number }) {
  return (
    <div data-testid="segments-ranking">
      {model.most && model.least ? (
        <p>
          {exploreText(locale, 'segMost', {
            most: model.most.label[locale].toLowerCase(),
            mostShare: formatPercent(model.most.cell.share!, locale),
            least: model.least.label[locale].toLowerCase(),
            leastShare: formatPercent(model.least.cell.share!, locale),
          })}
        </p>
      ) : (
        <p>{exploreText(locale, 'segTooFew')}</p>
      )}
      {model.excluded > 0 && <p className="muted small">{exploreText(locale, 'segExcluded', { n: model.excluded, min: formatNumber(minBase, locale) })}</p>}
    </div>
  );
}

/** Gender x age x young children, and country (G12). */
export function SegmentsView({ model, locale, minBase, fileBase, subject }: { model: SegmentsModel; locale: Locale; minBase: number; fileBase: string[]; subject?: string }) {
  const countrySentence = model.country && highLowSentence(model.country, locale);
  return (
    <>
      {model.grid && (
        <BarChartCard
          chart={model.grid}
          locale={locale}
          title={subject ? exploreText(locale, 'subjectBy', { subject, dim: exploreText(locale, 'segmentWord') }) : exploreText(locale, 'segGridTitle')}
          lead={exploreText(locale, 'segLead')}
          summary={<Ranking model={model} locale={locale} minBase={minBase} />}
          rowHeader={exploreMessages.segmentRow}
          fileParts={[...fileBase, 'segments']}
        />
      )}
      {model.country && (
        <BarChartCard
          chart={model.country}
          locale={locale}
          title={subject ? exploreText(locale, 'subjectBy', { subject, dim: model.country.rowDim[locale].toLowerCase() }) : exploreText(locale, 'segCountryTitle')}
          lead={exploreText(locale, 'segLead')}
          summary={countrySentence && <p>{countrySentence}</p>}
          fileParts={[...fileBase, 'countries']}
        />
      )}
    </>
  );
}
