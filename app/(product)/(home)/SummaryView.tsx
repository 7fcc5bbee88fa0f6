import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { SyntheticNotice } from '@/app/components/SiteHeader';
import { formatNumber, pStatement, signedPoints, appText } from '@/lib/i18n/messages';
import { methodsLines, takeawayLine } from '@/lib/summary/format';
import type { ExecutiveSummary } from '@/lib/summary/model';
import { HeadlineCard } from './HeadlineCard';
import { TermText } from '@/app/components/help/TermText';
import type { GlossaryTermId } from '@/lib/help/glossary';

/** The terms the methods explain with a "?": the weighting, the interval, the bases and the tests. */
const METHOD_TERMS: GlossaryTermId[] = ['share-positive', 'weight', 'interval', 'effective-base', 't-test', 'benjamini-hochberg', 'minimum-base'];

export function Takeaways({ summary }: { summary: ExecutiveSummary }) {
  const locale = useLocale();
  const t = useTranslations('summary');
  return (
    <section className="takeaways" aria-labelledby="takeaways-title">
      <h2 id="takeaways-title">{t('takeawaysTitle')}</h2>
      {summary.takeaways.length === 0 ? (
        <p>{t('noTakeaways')}</p>
      ) : (
        <ol className="takeaway-list">
          {summary.takeaways.map((tk) => (
            <li key={`${tk.dimension.id}-${tk.scope.en}`} data-takeaway={tk.dimension.id}>
              <span className="takeaway-diff">
                {signedPoints(tk.diff, locale)} <span className="figure-unit">{t('pointsShort')}</span>
              </span>
              <span className="takeaway-text">{takeawayLine(tk, locale)}</span>
              <span className="takeaway-scope muted small">
                {t('takeawayScope', { scope: tk.scope[locale] })} · {pStatement(tk.pAdjusted, locale)} (BH) · n = {formatNumber(tk.top.respondents, locale)} / {formatNumber(tk.bottom.respondents, locale)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">
        <TermText text={t('takeawaysIntro', { k: summary.comparisonsTested, minBase: summary.minBase })} terms={['significance', 'benjamini-hochberg']} />
      </p>
    </section>
  );
}

/** The executive summary of one dataset: headline cards, key takeaways, methods. */
export function SummaryView({ summary }: { summary: ExecutiveSummary }) {
  const locale = useLocale();
  const t = useTranslations('summary');
  return (
    <>
      {summary.synthetic && <SyntheticNotice />}
      {summary.headlineSet === 'generic' && <p className="note">{t('genericNote')}</p>}
      <section aria-labelledby="headlines-title">
        <h2 id="headlines-title" className="visually-hidden">
          {t('headlinesTitle')}
        </h2>
        <div className="headline-grid">
          {summary.headlines.map((h) => (
            <HeadlineCard key={h.id} headline={h} summary={summary} />
          ))}
        </div>
      </section>
      <Takeaways summary={summary} />
      {summary.omitted.length > 0 && (
        <section className="omitted" aria-labelledby="omitted-title">
          <h2 id="omitted-title">{t('omittedTitle')}</h2>
          <p>{t('omittedIntro')}</p>
          <ul>
            {summary.omitted.map((o) => (
              <li key={o.id} data-omitted={o.id}>
                <strong>{o.title[locale]}</strong>: <span className="muted">{o.reason[locale]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="footnote summary-methods">
        <h2>{t('methodsTitle')}</h2>
        {methodsLines(summary, locale).map((line) => (
          <p key={line}>
            <TermText text={line} terms={METHOD_TERMS} />
          </p>
        ))}
        <p className="no-print">
          <Link href={locale === 'nl' ? '/findings?lang=nl' : '/findings'}>{appText(locale, 'homeFindingsLink')} →</Link>
        </p>
      </footer>
    </>
  );
}
