'use client';
import { useEffect, useSyncExternalStore } from 'react';
import type { SurveyData } from '@/lib/survey/dataset';
import { afterInteractive, onFirstIntent } from './afterInteractive';

/**
 * The engine's columns of a dataset, once per page life, so that filter changes, the first one
 * included, are computed in the browser without a round trip. Two steps (afterInteractive.ts): the
 * bytes are downloaded soon after the page has become interactive (off the main thread), and decoded
 * at the visitor's first move (a main-thread task, with the decoder's code). A change made before
 * they are decoded waits for them (the explorer) or goes to the server (the planner); if fetching
 * fails, changes go to the server.
 */
const loaded = new Map<string, SurveyData>();
const loading = new Map<string, Promise<SurveyData | null>>();
const downloads = new Map<string, Promise<ArrayBuffer>>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One entry per dataset and weight: the columns carry the weight in use (its values and variance design). */
const keyOf = (id: string, weight: string | undefined) => `${id}\u0000${weight ?? ''}`;

/** The columns' bytes, downloaded once (a failed download is forgotten, so a later call tries again). */
function columnBytes(id: string, weight: string | undefined): Promise<ArrayBuffer> {
  const key = keyOf(id, weight);
  let download = downloads.get(key);
  if (!download) {
    download = fetch(`/api/datasets/${encodeURIComponent(id)}/columns${weight === undefined ? '' : `?weight=${encodeURIComponent(weight)}`}`).then((response) =>
      response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`)),
    );
    download.catch(() => downloads.delete(key));
    downloads.set(key, download);
  }
  return download;
}

/** The columns, downloaded (if not yet) and decoded once (null if that failed; a later call tries again). */
export function loadClientColumns(id: string, weight: string | undefined): Promise<SurveyData | null> {
  const key = keyOf(id, weight);
  let promise = loading.get(key);
  if (!promise) {
    // The decoder comes with the columns, not with the page's first scripts.
    promise = Promise.all([columnBytes(id, weight), import('@/lib/survey/columnsTransfer')])
      .then(([buffer, { decodeSurveyColumns }]) => {
        const data = decodeSurveyColumns(buffer);
        loaded.set(key, data);
        for (const listener of listeners) listener();
        return data;
      })
      .catch(() => {
        // The server path still works; let a later visit try again.
        loading.delete(key);
        return null;
      });
    loading.set(key, promise);
  }
  return promise;
}

/** Drops a dataset's columns after it changed (a codebook saved, a file appended): the next use fetches them again. */
export function forgetClientColumns(id: string): void {
  for (const map of [loaded, loading, downloads]) for (const key of [...map.keys()]) if (key.startsWith(`${id}\u0000`)) map.delete(key);
}

/** The columns if they are already in the browser (no waiting). */
export const columnsIfLoaded = (id: string, weight?: string): SurveyData | null => loaded.get(keyOf(id, weight)) ?? null;

/** The dataset's columns with weight `weight` in use (absent: the dataset's default), once decoded; null until then (and while rendering on the server). */
export function useClientColumns(id: string, weight?: string): SurveyData | null {
  const data = useSyncExternalStore(subscribe, () => columnsIfLoaded(id, weight), () => null);
  useEffect(() => {
    const dropDownload = afterInteractive(() => void columnBytes(id, weight).catch(() => undefined));
    const dropDecode = onFirstIntent(() => void loadClientColumns(id, weight));
    return () => {
      dropDownload();
      dropDecode();
    };
  }, [id, weight]);
  return data;
}
