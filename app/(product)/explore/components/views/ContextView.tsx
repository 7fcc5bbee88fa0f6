import { useLocale, useTranslations } from 'next-intl';
import type { BarChartData } from '@/lib/explore/model';
import { BarChartCard } from '../BarChartCard';
import { highLowSentence } from './summaries';

/** Acceptance by situation, place and industry (G9-G11), alone or crossed. */
export function ContextView({ charts, fileBase, subject }: { charts: BarChartData[]; fileBase: string[]; subject?: string }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  return (
    <div className={charts.length > 1 && charts.every((c) => !c.seriesDim) ? 'card-grid' : undefined}>
      {charts.map((chart) => {
        const dim = chart.rowDim[locale].toLowerCase();
        const cross = chart.seriesDim?.[locale].toLowerCase();
        // Another codebook's scenarios are named by their group's label, not as study G's automated services.
        const title = subject
          ? cross
            ? t('subjectByCrossed', { subject, dim, cross })
            : t('subjectBy', { subject, dim })
          : cross
            ? t('ctxTitleCrossed', { dim, cross })
            : t('ctxTitle', { dim });
        const sentence = highLowSentence(chart, locale, t);
        return (
          <BarChartCard
            key={chart.id}
            chart={chart}
            title={title}
            lead={t(subject ? 'subjectLead' : 'ctxLead')}
            summary={sentence && <p data-testid={`${chart.id}-summary`}>{sentence}</p>}
            fileParts={[...fileBase, chart.id]}
          />
        );
      })}
    </div>
  );
}
