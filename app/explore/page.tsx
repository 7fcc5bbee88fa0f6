import type { Metadata } from 'next';
import { SiteHeader, SyntheticNotice } from '../components/SiteHeader';
import { buildExplore, type ViewModel } from '@/lib/explore/build';
import { clearFilters, type ExploreState, parseExploreState, serialiseExploreState } from '@/lib/explore/state';
import { loadReferenceDataset } from '@/lib/storage/referenceDatasets';
import type { Locale } from '@/lib/survey/codebook';
import { exploreCatalogs } from './catalogs';
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
export default async function ExplorePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const catalogs = exploreCatalogs();
  const state = parseExploreState(await searchParams, catalogs);
  const catalog = catalogs.find((c) => c.id === state.dataset)!;
  const locale = state.lang;
  const data = loadReferenceDataset(state.dataset);
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
