import type { Locale } from '@/lib/survey/codebook';
import type { BarChartData } from '@/lib/explore/model';
import { tx } from '../../messages';
import { BarChartCard } from '../BarChartCard';
import { highLowSentence } from './summaries';

/** Acceptance by situation, place and industry (G9-G11), alone or crossed. */
export function ContextView({ charts, locale, fileBase }: { charts: BarChartData[]; locale: Locale; fileBase: string[] }) {
  return (
    <div className={charts.length > 1 && charts.every((c) => !c.seriesDim) ? 'card-grid' : undefined}>
      {charts.map((chart) => {
        const dim = chart.rowDim[locale].toLowerCase();
        const title = chart.seriesDim ? tx(locale, 'ctxTitleCrossed', { dim, cross: chart.seriesDim[locale].toLowerCase() }) : tx(locale, 'ctxTitle', { dim });
        const sentence = highLowSentence(chart, locale);
        return (
          <BarChartCard
            key={chart.id}
            chart={chart}
            locale={locale}
            title={title}
            lead={tx(locale, 'ctxLead')}
            summary={sentence && <p data-testid={`${chart.id}-summary`}>{sentence}</p>}
            fileParts={[...fileBase, chart.id]}
          />
        );
      })}
    </div>
  );
}
