'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useOptimistic, useState, useTransition } from 'react';
import type { DatasetCatalog } from '@/lib/explore/catalog';
import { type ExploreState, parseExploreState, serialiseExploreState } from '@/lib/explore/state';
import { columnsIfLoaded } from '../../components/clientColumns';
import { exploreEngine } from './exploreEngine';
import { pushUrl } from '../../components/pushUrl';

interface ExploreContextValue {
  catalogs: DatasetCatalog[];
  catalog: DatasetCatalog;
  state: ExploreState;
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
 * new URL. Once the dataset's columns are in the browser (clientColumns.ts), the push is a plain
 * history entry (pushUrl) and ExploreResults computes the view here, without a round trip; before
 * that, the push goes to the server in a transition, while the controls already show the change
 * (optimistic state) and the results are marked busy.
 */
export function ExploreShell({ catalogs, renderedDataset, children }: { catalogs: DatasetCatalog[]; renderedDataset: string; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlState = useMemo(() => parseExploreState(new URLSearchParams(searchParams.toString()), catalogs), [searchParams, catalogs]);

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
  const [pending, startTransition] = useTransition();

  const go = useCallback(
    (next: ExploreState) => {
      // Another dataset needs the server: the page around the results (notices, title) is its.
      if (next.dataset === renderedDataset && columnsIfLoaded(next.dataset, next.weight) && exploreEngine.current()) {
        setBrowserState(next);
        pushUrl(hrefOf(next));
        return;
      }
      startTransition(() => {
        setOptimisticState(next);
        router.push(hrefOf(next), { scroll: false });
      });
    },
    [hrefOf, renderedDataset, router, setOptimisticState],
  );
  const catalog = catalogs.find((c) => c.id === state.dataset) ?? catalogs[0];
  const value = useMemo(() => ({ catalogs, catalog, state, pending, go, hrefOf }), [catalogs, catalog, state, pending, go, hrefOf]);
  return <ExploreContext.Provider value={value}>{children}</ExploreContext.Provider>;
}
