'use client';
import { useCallback, useSyncExternalStore } from 'react';

interface MediaStore {
  matches: boolean;
  listeners: Set<() => void>;
}

/** One store per query, kept up to date by the query's change event. */
const stores = new Map<string, MediaStore>();

function storeOf(query: string): MediaStore {
  let store = stores.get(query);
  if (!store) {
    const list = window.matchMedia(query);
    const made: MediaStore = { matches: list.matches, listeners: new Set() };
    list.addEventListener('change', (event) => {
      made.matches = event.matches;
      for (const listener of made.listeners) listener();
    });
    stores.set(query, (store = made));
  }
  return store;
}

/**
 * Whether a media query matches; false on the server (the laptop layout is rendered first). The
 * answer is read from a store the query's change event keeps, not from a new matchMedia() at each
 * render: React reads the snapshot at every render of the filter panel, and each matchMedia()
 * evaluated the query against fresh style, 16 ms of a filter change's 300 ms on the explorer's
 * items view (CPU profile, 2026-12-03).
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const store = storeOf(query);
      store.listeners.add(notify);
      return () => void store.listeners.delete(notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => storeOf(query).matches, () => false);
}
