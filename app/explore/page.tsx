import type { Metadata } from 'next';
import { SiteHeader, SyntheticNotice } from '../components/SiteHeader';
import { buildExplore } from '@/lib/explore/build';
import { parseExploreState, serialiseExploreState } from '@/lib/explore/state';
import { loadReferenceDataset } from '@/lib/storage/referenceDatasets';
import { exploreCatalogs } from './catalogs';
import { tx } from './messages';
import { ExploreControls } from './components/ExploreControls';
import { ExploreResults } from './components/ExploreResults';
import { ExploreShell } from './components/ExploreShell';
import { HatchDefs } from './components/HatchDefs';
import { ViewTabs } from './components/ViewTabs';
import './explore.css';

export const metadata: Metadata = { title: 'Explore' };

/**
 * /explore: the strategist's explorer. Reads its whole state from the URL, computes the active
 * view's tables on the server and hands plain data to the client charts; later changes are computed
 * in the browser (ExploreResults) once the dataset's columns have arrived.
 */
export default async function ExplorePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const catalogs = exploreCatalogs();
  const state = parseExploreState(await searchParams, catalogs);
  const catalog = catalogs.find((c) => c.id === state.dataset)!;
  const locale = state.lang;
  const data = loadReferenceDataset(state.dataset);
  const result = buildExplore(data, catalog, state);

  return (
    <>
      <SiteHeader locale={locale} path="/explore" query={serialiseExploreState(state, catalog, { lang: false })} followUrl />
      <HatchDefs />
      <main lang={locale} className="page explore-page">
        <h1>{tx(locale, 'pageTitle')}</h1>
        <p className="lead">{tx(locale, 'pageIntro')}</p>
        {(catalog.synthetic || data.codebook.synthetic) && <SyntheticNotice locale={locale} />}
        <ExploreShell catalogs={catalogs} renderedDataset={state.dataset}>
          <ViewTabs />
          <div className="explore-layout">
            <aside className="explore-aside">
              <ExploreControls />
            </aside>
            <ExploreResults initial={result} initialHref={`/explore?${serialiseExploreState(state, catalog)}`} />
          </div>
        </ExploreShell>
      </main>
    </>
  );
}
