import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { comparisonLine, headlineFigure, headlineFootnote } from '@/lib/summary/format';
import { withLang } from '@/lib/summary/links';
import type { ExecutiveSummary, Headline } from '@/lib/summary/model';
import { SummaryBars } from './SummaryBars';
import { TermText } from '@/app/components/help/TermText';

/** One headline: the big figure, what it means, what to do about it, its chart and its footnote. */
export function HeadlineCard({ headline, summary }: { headline: Headline; summary: ExecutiveSummary }) {
  const locale = useLocale();
  const t = useTranslations('summary');
  const figure = headlineFigure(headline, locale);
  const titleId = `headline-${headline.id}`;
  return (
    <article className={`headline-card value-${headline.value.kind}`} data-headline={headline.id} data-claims={headline.claimIds.join(' ')} aria-labelledby={titleId}>
      <h3 id={titleId} className="headline-statement">
        <span className="figure" data-testid="headline-figure">
          {figure.main}
          {figure.unit && <span className="figure-unit"> {figure.unit}</span>}
        </span>
        <span className="statement">{headline.title[locale]}</span>
      </h3>
      {headline.comparison && (
        <p className="comparison-line" data-testid="headline-comparison" data-top={headline.comparison.top.share} data-bottom={headline.comparison.bottom.share} data-dimension={headline.comparison.dimension.id}>
          {comparisonLine(headline.comparison, locale)}
        </p>
      )}
      <p className="so-what">
        <strong>{t('soWhat')}: </strong>
        {headline.soWhat[locale]}
      </p>
      <figure className="mini-chart">
        <figcaption>{headline.chartTitle[locale]}</figcaption>
        <SummaryBars bars={headline.bars} />
      </figure>
      <p className="card-foot">
        <span className="footnote-text">
          <TermText text={headlineFootnote(headline, summary, locale)} terms={['t-test', 'benjamini-hochberg', 'interval', 'minimum-base']} />
        </span>
        {headline.claimIds.length > 0 && <span className="claim-ids"> · {headline.claimIds.join(', ')}</span>}
      </p>
      <p className="card-link">
        <Link href={withLang(headline.link.href, locale)} prefetch={false}>
          {t(headline.link.kind === 'explore' ? 'seeChart' : 'seeFinding')}
          <span aria-hidden="true"> →</span>
          <span className="visually-hidden">: {headline.chartTitle[locale]}</span>
        </Link>
      </p>
    </article>
  );
}
