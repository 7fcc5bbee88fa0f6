'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useOptimistic, useState, useTransition } from 'react';
import type { DatasetCatalog } from '@/lib/explore/catalog';
import type { SurveyData } from '@/lib/survey/dataset';
import { type ExploreState, parseExploreState, serialiseExploreState } from '@/lib/explore/state';
import { columnsIfLoaded, loadClientColumns, useClientColumns } from '@/app/components/clientColumns';
import { type ExploreEngine, exploreEngine } from './exploreEngine';
import { pushUrl } from '@/app/components/pushUrl';

interface ExploreContextValue {
  catalogs: DatasetCatalog[];
  catalog: DatasetCatalog;
  /** The state the controls show: the latest change, possibly still on its way. */
  state: ExploreState;
  /** The state the results on screen belong to (until a change has been drawn, not `state`). */
  shown: ExploreState;
  /** The URL `shown` belongs to. */
  shownHref: string;
  /** Whether the results on screen are computed in the browser (`state` differs from the server's). */
  computeHere: boolean;
  /** The dataset's columns and the engine, once both are in the browser. */
  live: { columns: SurveyData; engine: ExploreEngine } | null;
  /** A change is on its way (columns loading, or a server render): the results on screen are stale. */
  pending: boolean;
  go: (next: ExploreState) => void;
  hrefOf: (next: ExploreState) => string;
}

const ExploreContext = createContext<ExploreContextValue | null>(null);

export function useExplore(): ExploreContextValue {
  const value = useContext(ExploreContext);
  if (!value) throw new Error('useExplore outside <ExploreShell>');
  return value;
}

/**
 * Holds the explorer's state, read from the URL (so back and forward restore it). A change pushes a
 * new URL. Changes within the dataset on screen are computed in the browser (ExploreResults) from
 * the dataset's columns (clientColumns.ts), fetched soon after the page has become interactive: the
 * push is a plain history entry (pushUrl), and a change made before the columns are in waits for
 * them rather than asking the server (the first change is then as fast as the later ones, and
 * makes no round trip). Another dataset, a weight whose columns are not in, or columns that could
 * not be fetched go to the server in a transition, while the controls already show the change
 * (optimistic state). Either way, until the new results are drawn the old ones stay, with the
 * state they belong to (`shown`), marked pending.
 */
export function ExploreShell({ catalogs, initialState, initialHref, children }: { catalogs: DatasetCatalog[]; initialState: ExploreState; initialHref: string; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlState = useMemo(() => parseExploreState(new URLSearchParams(searchParams.toString()), catalogs), [searchParams, catalogs]);
  const renderedDataset = initialState.dataset;

  const hrefOf = useCallback(
    (next: ExploreState) => {
      const catalog = catalogs.find((c) => c.id === next.dataset) ?? catalogs[0];
      return `${pathname}?${serialiseExploreState(next, catalog)}`;
    },
    [catalogs, pathname],
  );

  // A change computed in the browser is shown at once (an urgent update), not when Next.js gets
  // round to syncing useSearchParams with the history entry. When the URL moves anywhere else
  // (back, forward, a link), the URL wins again.
  const [browserState, setBrowserState] = useState<ExploreState | null>(null);
  const urlHref = hrefOf(urlState);
  const [seenUrlHref, setSeenUrlHref] = useState(urlHref);
  if (urlHref !== seenUrlHref) {
    setSeenUrlHref(urlHref);
    if (browserState && hrefOf(browserState) !== urlHref) setBrowserState(null);
  }
  const [state, setOptimisticState] = useOptimistic(browserState ?? urlState);
  const [transitionPending, startTransition] = useTransition();

  const go = useCallback(
    (next: ExploreState) => {
      const href = hrefOf(next);
      // Another dataset needs the server: the page around the results (notices, title) is its.
      if (next.dataset === renderedDataset && columnsIfLoaded(next.dataset, next.weight) && exploreEngine.current()) {
        setBrowserState(next);
        pushUrl(href);
        return;
      }
      // The columns on their way (fetched in the background since hydration): wait for them.
      if (next.dataset === renderedDataset && next.weight === initialState.weight) {
        setBrowserState(next);
        pushUrl(href);
        void Promise.all([loadClientColumns(next.dataset, next.weight), exploreEngine.load()]).then(([columns, engine]) => {
          // They could not be fetched: the server draws whatever the address bar holds by now.
          if (!columns || !engine) startTransition(() => router.replace(location.pathname + location.search, { scroll: false }));
        });
        return;
      }
      startTransition(() => {
        setOptimisticState(next);
        router.push(href, { scroll: false });
      });
    },
    [hrefOf, renderedDataset, initialState.weight, router, setOptimisticState],
  );
  // What is on screen: computed here once the columns and the engine are in, else the server's.
  const columns = useClientColumns(state.dataset, state.weight);
  const engine = exploreEngine.use();
  const live = useMemo(() => (columns !== null && engine !== null ? { columns, engine } : null), [columns, engine]);
  const href = hrefOf(state);
  // Only within the dataset the server rendered: another one's page around the results is the server's.
  const computeHere = live !== null && href !== initialHref && state.dataset === renderedDataset;
  const shown = computeHere ? state : initialState;
  const shownHref = computeHere ? href : initialHref;
  const pending = transitionPending || shownHref !== href;
  const catalog = catalogs.find((c) => c.id === state.dataset) ?? catalogs[0];
  const value = useMemo(
    () => ({ catalogs, catalog, state, shown, shownHref, computeHere, live, pending, go, hrefOf }),
    [catalogs, catalog, state, shown, shownHref, computeHere, live, pending, go, hrefOf],
  );
  return <ExploreContext.Provider value={value}>{children}</ExploreContext.Provider>;
}
