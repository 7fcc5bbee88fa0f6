import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/app/components/SiteHeader';
import { DatasetSwitch } from './(home)/DatasetSwitch';
import { PrintButton } from './(home)/PrintButton';
import { SummaryView } from './(home)/SummaryView';
import { SummaryLive } from './(home)/SummaryLive';
import { appText } from '@/lib/i18n/messages';
import { DEFAULT_SUMMARY_DATASET, loadSummary, summaryDatasets } from '@/lib/summary/load';
import { requestDatasets } from '@/app/server/request';
import { SignInRequiredPage, uploadNeedsSignIn } from './account/SignInRequired';
import { respondentsLine } from '@/lib/summary/format';
import './(home)/home.css';

// The summary's tab title starts with what it is, as the others do, and keeps the product's name.
export async function generateMetadata(): Promise<Metadata> {
  const [titles, app] = await Promise.all([getTranslations('titles'), getTranslations('app')]);
  return { title: { absolute: titles('template', { page: titles('summary'), app: app('appName') }) } };
}

/**
 * /: the executive summary of the selected dataset (?dataset=, study G by default; ?lang=nl for
 * Dutch), with the PDF and the slide deck one click away.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const requested = typeof params.dataset === 'string' && params.dataset ? params.dataset : DEFAULT_SUMMARY_DATASET;
  if (await uploadNeedsSignIn(requested)) return <SignInRequiredPage path="/" returnTo={`/?dataset=${requested}`} title={appText(locale, 'homeTitle')} />;
  const access = await requestDatasets();
  const [t, messages] = await Promise.all([getTranslations('summary'), getMessages()]);
  const wanted = typeof params.weight === 'string' && params.weight ? params.weight : undefined;
  const [loaded, datasets] = await Promise.all([loadSummary(access, requested, { id: wanted, strict: false }), summaryDatasets(access)]);
  // The weight in the links only when it is not the dataset's default (lenient: an unknown one is the default).
  const weight = loaded.ok && !loaded.weights.find((w) => w.id === loaded.summary.weight.id)?.isDefault ? loaded.summary.weight.id : undefined;
  const weightQuery = weight ? `&weight=${encodeURIComponent(weight)}` : '';
  const query = requested === DEFAULT_SUMMARY_DATASET && !weight ? '' : `dataset=${encodeURIComponent(requested)}${weightQuery}`;
  const download = (kind: 'pdf' | 'pptx') => `/api/summary/${kind}?dataset=${encodeURIComponent(requested)}${weightQuery}${locale === 'nl' ? '&lang=nl' : ''}`;

  // The summary's charts are client components: the provider gives them their texts (the layout's holds only the header's).
  return (
    <NextIntlClientProvider messages={{ app: messages.app, summary: messages.summary }}>
      <SiteHeader path="/" query={query} />
      <main id="main" tabIndex={-1} lang={locale} className="page summary-page">
        <div className="summary-head">
          <div>
            <p className="eyebrow">{t('title')}</p>
            <h1>{loaded.ok ? loaded.summary.title[locale] : appText(locale, 'homeTitle')}</h1>
            <p className="lead">
              {appText(locale, 'homeTitle')}{' '}
              {loaded.ok && <span className="summary-meta">{respondentsLine(loaded.summary, locale)}.</span>}
            </p>
          </div>
          {loaded.ok && (
            <div className="summary-actions" aria-label={t('downloads')} role="group">
              <a className="button" href={download('pdf')} download data-testid="download-pdf">
                {t('pdf')}
              </a>
              <a className="button" href={download('pptx')} download data-testid="download-pptx">
                {t('pptx')}
              </a>
              <PrintButton label={t('print')} />
            </div>
          )}
        </div>
        <SummaryLive updating={t('updating')} form={<DatasetSwitch datasets={datasets} current={requested} weights={loaded.ok ? loaded.weights : []} weight={loaded.ok ? loaded.summary.weight.id : undefined} />}>
          {loaded.ok ? (
            <SummaryView summary={loaded.summary} />
          ) : (
            <p className="error" role="alert" data-testid="summary-error">
              {t('unknownDataset', { message: loaded.message })}
            </p>
          )}
        </SummaryLive>
      </main>
    </NextIntlClientProvider>
  );
}
