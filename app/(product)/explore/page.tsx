import { pageTitle } from '@/app/pageTitle';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { buildExplore } from '@/lib/explore/viewModels';
import { parseExploreState, serialiseExploreState } from '@/lib/explore/state';
import Link from 'next/link';
import { NextIntlClientProvider, useLocale, useTranslations } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { exploreDatasets } from './catalogs';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import { ControlsFold } from './components/ControlsFold';
import { ExploreControls } from './components/ExploreControls';
import { ExploreResults } from './components/ExploreResults';
import { ExploreShell } from './components/ExploreShell';
import { HatchDefs } from './components/HatchDefs';
import { ViewTabs } from './components/ViewTabs';
import './explore.css';
import { nonEmptyParam } from '@/lib/http/searchParams';
import { selectWeight } from '@/lib/survey/weights';

export const generateMetadata = pageTitle('explore');

/** The URL names a dataset that does not exist (a deleted upload, a mistyped id): say so, and lead back. */
function UnknownDataset({ id }: { id: string }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const lang = locale === 'nl' ? '?lang=nl' : '';
  return (
    <>
      <SiteHeader path="/explore" />
      <main id="main" tabIndex={-1} lang={locale} className="page explore-page">
        <h1>{t('pageTitle')}</h1>
        <div className="card unknown-dataset" role="alert" data-testid="unknown-dataset">
          <h2>{t('unknownDatasetTitle')}</h2>
          <p>{t('unknownDatasetText', { id: id.slice(0, 80) })}</p>
          <p>
            <Link href={`/explore${lang}`}>{t('unknownDatasetBack')}</Link>
            {' · '}
            <Link href={`/datasets${lang}`}>{t('unknownDatasetList')}</Link>
          </p>
        </div>
      </main>
    </>
  );
}

/**
 * /explore: the strategist's explorer. Reads its whole state from the URL, computes the active
 * view's tables on the server and hands plain data to the client charts; later changes are computed
 * in the browser (ExploreResults) from the dataset's columns, fetched after the page has hydrated.
 */
export default async function ExplorePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const requested = nonEmptyParam(params.dataset);
  const t = await getTranslations('explore');
  if (await uploadNeedsSignIn(requested)) return <SignInRequiredPage path="/explore" returnTo={`/explore?dataset=${requested}`} title={t('pageTitle')} />;
  const { catalogs, chosen, unknown } = await exploreDatasets(requested);
  if (!chosen) return <UnknownDataset id={unknown ?? ''} />;
  const state = parseExploreState(params, catalogs);
  const { catalog } = chosen;
  // The weight the URL asks for (parseExploreState keeps it to the dataset's own; absent: its default).
  const data = selectWeight(chosen.data, state.weight);
  const locale = state.lang;
  const result = buildExplore(data, catalog, state);
  // The explorer's client components read their texts from the provider (the layout's holds only the header's).
  const messages = await getMessages();

  return (
    <NextIntlClientProvider messages={{ app: messages.app, explore: messages.explore }}>
      <SiteHeader path="/explore" query={serialiseExploreState(state, catalog, { lang: false })} followUrl />
      <HatchDefs />
      <main id="main" tabIndex={-1} lang={locale} className="page explore-page">
        <h1>{t('pageTitle')}</h1>
        <p className="lead">{t('pageIntro')}</p>
        {(catalog.synthetic || data.codebook.synthetic) && <SyntheticNotice />}
        {catalog.uploaded && (
          <p className="upload-note" data-testid="upload-note">
            {t('uploadedNote', { name: catalog.title[locale] })} <Link href={`/benchmark?dataset=${encodeURIComponent(catalog.id)}${locale === 'nl' ? '&lang=nl' : ''}`}>{t('uploadedBenchmark')}</Link> ·{' '}
            <Link href={`/compare?dataset=${encodeURIComponent(catalog.id)}${locale === 'nl' ? '&lang=nl' : ''}`}>{t('uploadedCompare')}</Link>
          </p>
        )}
        <ExploreShell catalogs={catalogs} initialState={state} initialHref={`/explore?${serialiseExploreState(state, catalog)}`}>
          <ViewTabs />
          <div className="explore-layout">
            <aside className="explore-aside">
              <ControlsFold>
                <ExploreControls />
              </ControlsFold>
            </aside>
            <ExploreResults initial={result} />
          </div>
        </ExploreShell>
      </main>
    </NextIntlClientProvider>
  );
}
