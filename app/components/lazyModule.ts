'use client';
import { useEffect, useSyncExternalStore } from 'react';
import { onFirstIntent } from './onFirstIntent';

export interface LazyModule<T> {
  /** The module if it has arrived (no waiting). */
  current: () => T | null;
  /** The module once loaded, in a component: null until then (and on the server); starts the load. */
  use: () => T | null;
}

/**
 * Code a page needs only after it is on screen (the engine that recomputes a view in the browser),
 * loaded as a separate chunk when the visitor first reaches for the controls (onFirstIntent)
 * instead of with the page's first scripts: less JavaScript to download, parse and run before the
 * page is usable, and none for a visitor who only reads.
 */
export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let loading: Promise<unknown> | null = null;
  const listeners = new Set<() => void>();
  const start = () => {
    loading ??= load().then(
      (arrived) => {
        value = arrived;
        for (const listener of listeners) listener();
      },
      () => {
        // Without it the page keeps asking the server; a later render may try again.
        loading = null;
      },
    );
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    current: () => value,
    use() {
      const loaded = useSyncExternalStore(subscribe, () => value, () => null);
      // A closure of its own per component: onFirstIntent keeps its callers in a set, and a
      // shared `start` would be dropped for every component when one of them unmounts.
      useEffect(() => onFirstIntent(() => start()), []);
      return loaded;
    },
  };
}
