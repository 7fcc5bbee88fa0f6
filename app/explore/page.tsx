import type { Metadata } from 'next';
import { SiteHeader, SyntheticNotice } from '../components/SiteHeader';
import { buildExplore, type ViewModel } from '@/lib/explore/build';
import { clearFilters, type ExploreState, parseExploreState, serialiseExploreState } from '@/lib/explore/state';
import type { Locale } from '@/lib/survey/codebook';
import Link from 'next/link';
import { exploreDatasets } from './catalogs';
import { tx } from './messages';
import { AudienceLine } from './components/AudienceLine';
import { EmptyState } from './components/EmptyState';
import { ExploreControls } from './components/ExploreControls';
import { ExploreShell, ResultsRegion } from './components/ExploreShell';
import { HatchDefs } from './components/HatchDefs';
import { Headline } from './components/Headline';
import { ViewTabs } from './components/ViewTabs';
import { BondView } from './components/views/BondView';
import { ContextView } from './components/views/ContextView';
import { DataTypesView } from './components/views/DataTypesView';
import { SegmentsView } from './components/views/SegmentsView';
import { TacticsView } from './components/views/TacticsView';
import './explore.css';

export const metadata: Metadata = { title: 'Explore' };

function ViewContent({ content, state, locale }: { content: ViewModel; state: ExploreState; locale: Locale }) {
  const fileBase = [state.dataset, ...Object.entries(state.filter).map(([id, codes]) => `${id}-${codes.join('+')}`), state.cross ? `by-${state.cross}` : ''];
  switch (content.view) {
    case 'datatypes':
      return <DataTypesView model={content.model} locale={locale} fileBase={fileBase} />;
    case 'context':
      return <ContextView charts={content.model} locale={locale} fileBase={fileBase} />;
    case 'bond':
      return <BondView model={content.model} locale={locale} fileBase={fileBase} />;
    case 'segments':
      return <SegmentsView model={content.model} locale={locale} minBase={state.minBase} fileBase={fileBase} />;
    case 'tactics':
      return <TacticsView groups={content.model} locale={locale} fileBase={fileBase} />;
  }
}

/**
 * /explore: the strategist's explorer. Reads its whole state from the URL, computes the active
 * view's tables on the server and hands plain data to the client charts.
 */
/** The URL names a dataset that does not exist (a deleted upload, a mistyped id): say so, and lead back. */
function UnknownDataset({ id, locale }: { id: string; locale: Locale }) {
  const lang = locale === 'nl' ? '?lang=nl' : '';
  return (
    <>
      <SiteHeader locale={locale} path="/explore" />
      <main lang={locale} className="page explore-page">
        <h1>{tx(locale, 'pageTitle')}</h1>
        <div className="card unknown-dataset" role="alert" data-testid="unknown-dataset">
          <h2>{tx(locale, 'unknownDatasetTitle')}</h2>
          <p>{tx(locale, 'unknownDatasetText', { id: id.slice(0, 80) })}</p>
          <p>
            <Link href={`/explore${lang}`}>{tx(locale, 'unknownDatasetBack')}</Link>
            {' · '}
            <Link href={`/datasets${lang}`}>{tx(locale, 'unknownDatasetList')}</Link>
          </p>
        </div>
      </main>
    </>
  );
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ExplorePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { catalogs, chosen, unknown } = await exploreDatasets(single(params.dataset) || undefined);
  if (!chosen) return <UnknownDataset id={unknown ?? ''} locale={single(params.lang) === 'nl' ? 'nl' : 'en'} />;
  const state = parseExploreState(params, catalogs);
  const { catalog, data } = chosen;
  const locale = state.lang;
  const result = buildExplore(data, catalog, state);
  const clearHref = `/explore?${serialiseExploreState(clearFilters(state), catalog)}`;

  return (
    <>
      <SiteHeader locale={locale} path="/explore" query={serialiseExploreState(state, catalog, { lang: false })} />
      <HatchDefs />
      <main lang={locale} className="page explore-page">
        <h1>{tx(locale, 'pageTitle')}</h1>
        <p className="lead">{tx(locale, 'pageIntro')}</p>
        {(catalog.synthetic || data.codebook.synthetic) && <SyntheticNotice locale={locale} />}
        {catalog.uploaded && (
          <p className="upload-note" data-testid="upload-note">
            {tx(locale, 'uploadedNote', { name: catalog.title[locale] })} <Link href={`/benchmark?dataset=${encodeURIComponent(catalog.id)}${locale === 'nl' ? '&lang=nl' : ''}`}>{tx(locale, 'uploadedBenchmark')}</Link>
          </p>
        )}
        <ExploreShell catalogs={catalogs}>
          <ViewTabs />
          <div className="explore-layout">
            <aside className="explore-aside">
              <ExploreControls />
            </aside>
            <ResultsRegion computeMs={result.computeMs}>
              <AudienceLine catalog={catalog} state={state} audience={result.audience} total={result.total} locale={locale} />
              {result.audience === 0 ? (
                <EmptyState locale={locale} clearHref={clearHref} />
              ) : (
                <>
                  {result.headline && <Headline headline={result.headline} locale={locale} />}
                  {result.content ? <ViewContent content={result.content} state={state} locale={locale} /> : <p>{tx(locale, 'noView')}</p>}
                </>
              )}
            </ResultsRegion>
          </div>
        </ExploreShell>
      </main>
    </>
  );
}
