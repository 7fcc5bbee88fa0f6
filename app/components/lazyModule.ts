'use client';
import { useEffect, useSyncExternalStore } from 'react';
import { onFirstIntent } from './afterInteractive';

export interface LazyModule<T> {
  /** The module if it has arrived (no waiting). */
  current: () => T | null;
  /** The module once loaded, in a component: null until then (and on the server); starts the load at the visitor's first move. */
  use: () => T | null;
  /** Starts the load now (if not under way) and resolves with the module, or null if it failed. */
  load: () => Promise<T | null>;
}

/**
 * Code a page needs only after it is on screen (the engine that recomputes a view in the browser),
 * loaded as a separate chunk at the visitor's first move (onFirstIntent) instead of with the page's
 * first scripts or in the idle time after them: evaluating it is a long task, which a reader who only
 * reads should not pay; a move comes before the click it leads to, so it is in by the first change.
 */
export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let loading: Promise<T | null> | null = null;
  const listeners = new Set<() => void>();
  const start = (): Promise<T | null> =>
    (loading ??= load().then(
      (arrived) => {
        value = arrived;
        for (const listener of listeners) listener();
        return arrived;
      },
      () => {
        // Without it the page keeps asking the server; a later render may try again.
        loading = null;
        return null;
      },
    ));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    current: () => value,
    use() {
      const loaded = useSyncExternalStore(subscribe, () => value, () => null);
      useEffect(() => onFirstIntent(() => void start()), []);
      return loaded;
    },
    load: start,
  };
}
