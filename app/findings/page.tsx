import type { Metadata } from 'next';
import { SiteHeader, SyntheticNotice } from '../components/SiteHeader';
import { referenceFindings } from '@/lib/findings/cachedResults';
import type { ClaimResult } from '@/lib/findings/claims';
import { formatNumber, formatPercent, localeFrom, t } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/survey/codebook';

export const metadata: Metadata = { title: 'Published findings' };

const PROVENANCE: Record<string, { en: string; nl: string }> = {
  seed: { en: 'source article', nl: 'bronartikel' },
  'seed+coverage': { en: 'source article and other coverage', nl: 'bronartikel en andere berichtgeving' },
  coverage: { en: 'other coverage only', nl: 'alleen andere berichtgeving' },
  'seed+ipsos': { en: 'source article and Ipsos pages', nl: 'bronartikel en pagina’s van Ipsos' },
  assumption: { en: 'assumption', nl: 'aanname' },
};

function ResultRow({ result, locale }: { result: ClaimResult; locale: Locale }) {
  const { claim } = result;
  const computed = result.claim.metric.kind === 'share' && result.share !== null ? formatPercent(result.share, locale) : result.computed;
  return (
    <tr data-claim={claim.id} className={result.reproduced ? 'ok' : 'fail'}>
      <th scope="row">{claim.id}</th>
      <td className="statement">
        {claim.statement[locale]}
        <div className="muted small">
          {t(locale, 'provenance')}: {PROVENANCE[claim.provenance][locale]}
        </div>
        <details>
          <summary>{t(locale, 'details')}</summary>
          <ul className="checks">
            {result.error && <li className="fail">{result.error}</li>}
            {result.checks.map((c, i) => (
              <li key={i} className={c.ok ? 'ok' : 'fail'}>
                <span aria-hidden="true">{c.ok ? '✓ ' : '✗ '}</span>
                {c.label}
                {c.respondents !== undefined && ` · n = ${formatNumber(c.respondents, locale)}`}
              </li>
            ))}
          </ul>
        </details>
      </td>
      <td className="num">{claim.published[locale]}</td>
      <td className="num computed" data-testid="computed">
        {computed.split('; ').map((part, i) => (
          <div key={i}>{part}</div>
        ))}
      </td>
      <td className="num">{result.ci ? `${formatPercent(result.ci.lower, locale)} – ${formatPercent(result.ci.upper, locale)}` : '–'}</td>
      <td className="num">
        {result.respondents !== null ? `${formatNumber(result.respondents, locale)} (${formatNumber(result.effectiveBase ?? 0, locale)})` : '–'}
      </td>
      <td>
        <span className={`badge ${result.reproduced ? 'badge-ok' : 'badge-fail'}`}>
          <span aria-hidden="true">{result.reproduced ? '✓ ' : '✗ '}</span>
          {t(locale, result.reproduced ? 'reproduced' : 'notReproduced')}
        </span>
      </td>
    </tr>
  );
}

function StudyTable({ study, results, locale }: { study: 'P' | 'G'; results: ClaimResult[]; locale: Locale }) {
  const rows = results.filter((r) => r.claim.study === study);
  const title = t(locale, study === 'P' ? 'studyP' : 'studyG');
  return (
    <section aria-labelledby={`study-${study}`}>
      <h2 id={`study-${study}`}>{title}</h2>
      <div className="table-scroll">
        <table className="findings">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'colId')}</th>
              <th scope="col">{t(locale, 'colStatement')}</th>
              <th scope="col">{t(locale, 'colPublished')}</th>
              <th scope="col">{t(locale, 'colComputed')}</th>
              <th scope="col">{t(locale, 'colInterval')}</th>
              <th scope="col">{t(locale, 'colBase')}</th>
              <th scope="col">{t(locale, 'colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <ResultRow key={r.claim.id} result={r} locale={locale} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = localeFrom((await searchParams).lang);
  const { registry, results } = referenceFindings();
  const ok = results.filter((r) => r.reproduced).length;
  return (
    <>
      <SiteHeader locale={locale} path="/findings" />
      <main lang={locale} className="page">
        <h1>{t(locale, 'findingsTitle')}</h1>
        <p className="lead">{t(locale, 'findingsIntro')}</p>
        <SyntheticNotice locale={locale} />
        <p className="summary-count" data-testid="summary-count">
          {t(locale, 'summaryCount', { ok, total: results.length })}
        </p>
        <StudyTable study="G" results={results} locale={locale} />
        <StudyTable study="P" results={results} locale={locale} />
        <footer className="footnote">
          <p>{registry.rule[locale]}</p>
          <p>{t(locale, 'methods')}</p>
        </footer>
      </main>
    </>
  );
}
