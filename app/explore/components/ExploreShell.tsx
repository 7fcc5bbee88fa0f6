'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useOptimistic, useTransition } from 'react';
import type { DatasetCatalog } from '@/lib/explore/catalog';
import { type ExploreState, parseExploreState, serialiseExploreState } from '@/lib/explore/state';

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
 * Holds the explorer's state, read from the URL (so back and forward restore it), and changes it by
 * pushing a new URL in a transition: the server renders the new view while the controls already
 * show the change (optimistic state) and the results are marked busy.
 */
export function ExploreShell({ catalogs, children }: { catalogs: DatasetCatalog[]; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlState = useMemo(() => parseExploreState(new URLSearchParams(searchParams.toString()), catalogs), [searchParams, catalogs]);
  const [state, setOptimisticState] = useOptimistic(urlState);
  const [pending, startTransition] = useTransition();

  const hrefOf = useCallback(
    (next: ExploreState) => {
      const catalog = catalogs.find((c) => c.id === next.dataset) ?? catalogs[0];
      return `${pathname}?${serialiseExploreState(next, catalog)}`;
    },
    [catalogs, pathname],
  );
  const go = useCallback(
    (next: ExploreState) => {
      startTransition(() => {
        setOptimisticState(next);
        router.push(hrefOf(next), { scroll: false });
      });
    },
    [hrefOf, router, setOptimisticState],
  );
  const catalog = catalogs.find((c) => c.id === state.dataset) ?? catalogs[0];
  const value = useMemo(() => ({ catalogs, catalog, state, pending, go, hrefOf }), [catalogs, catalog, state, pending, go, hrefOf]);
  return <ExploreContext.Provider value={value}>{children}</ExploreContext.Provider>;
}

/** The results, dimmed and marked busy while a new view is on its way. */
export function ResultsRegion({ children, computeMs }: { children: ReactNode; computeMs: number }) {
  const { pending, state } = useExplore();
  return (
    <div className={pending ? 'explore-results is-pending' : 'explore-results'} aria-busy={pending} data-compute-ms={computeMs.toFixed(1)} data-view={state.view}>
      {children}
    </div>
  );
}
