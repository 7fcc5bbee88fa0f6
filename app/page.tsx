import type { Metadata } from 'next';
import { SiteHeader } from './components/SiteHeader';
import { DatasetSwitch } from './(home)/DatasetSwitch';
import { PrintButton } from './(home)/PrintButton';
import { SummaryView } from './(home)/SummaryView';
import { localeFrom, t } from '@/lib/i18n/messages';
import { DEFAULT_SUMMARY_DATASET, loadSummary, summaryDatasets } from '@/lib/summary/load';
import { requestDatasets } from '@/app/server/request';
import { SignInRequiredPage, uploadNeedsSignIn } from './account/SignInRequired';
import { st } from '@/lib/summary/text';
import { respondentsLine } from '@/lib/summary/format';
import './(home)/home.css';

export const metadata: Metadata = { title: { absolute: 'Executive summary · Personalization acceptance' } };

/**
 * /: the executive summary of the selected dataset (?dataset=, study G by default; ?lang=nl for
 * Dutch), with the PDF and the slide deck one click away.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const locale = localeFrom(params.lang);
  const requested = typeof params.dataset === 'string' && params.dataset ? params.dataset : DEFAULT_SUMMARY_DATASET;
  if (await uploadNeedsSignIn(requested)) return <SignInRequiredPage locale={locale} path="/" returnTo={`/?dataset=${requested}`} title={t(locale, 'homeTitle')} />;
  const access = await requestDatasets();
  const [loaded, datasets] = await Promise.all([loadSummary(access, requested), summaryDatasets(access)]);
  const query = requested === DEFAULT_SUMMARY_DATASET ? '' : `dataset=${encodeURIComponent(requested)}`;
  const download = (kind: 'pdf' | 'pptx') => `/api/summary/${kind}?dataset=${encodeURIComponent(requested)}${locale === 'nl' ? '&lang=nl' : ''}`;

  return (
    <>
      <SiteHeader locale={locale} path="/" query={query} />
      <main lang={locale} className="page summary-page">
        <div className="summary-head">
          <div>
            <p className="eyebrow">{st(locale, 'title')}</p>
            <h1>{loaded.ok ? loaded.summary.title[locale] : t(locale, 'homeTitle')}</h1>
            <p className="lead">
              {t(locale, 'homeTitle')}{' '}
              {loaded.ok && <span className="summary-meta">{respondentsLine(loaded.summary, locale)}.</span>}
            </p>
          </div>
          {loaded.ok && (
            <div className="summary-actions" aria-label={st(locale, 'downloads')} role="group">
              <a className="button" href={download('pdf')} download data-testid="download-pdf">
                {st(locale, 'pdf')}
              </a>
              <a className="button" href={download('pptx')} download data-testid="download-pptx">
                {st(locale, 'pptx')}
              </a>
              <PrintButton label={st(locale, 'print')} />
            </div>
          )}
        </div>
        <DatasetSwitch datasets={datasets} current={requested} locale={locale} />
        {loaded.ok ? (
          <SummaryView summary={loaded.summary} locale={locale} />
        ) : (
          <p className="error" role="alert" data-testid="summary-error">
            {st(locale, 'unknownDataset', { message: loaded.message })}
          </p>
        )}
      </main>
    </>
  );
}
