'use client';
import { useEffect, useSyncExternalStore } from 'react';
import type { SurveyData } from '@/lib/survey/dataset';
import { onFirstIntent } from './onFirstIntent';

/**
 * The engine's columns of a dataset, fetched once per page life when the visitor first reaches for
 * the controls (onFirstIntent), so that later filter changes are computed in the browser without a
 * round trip. Until they are in (or if fetching fails), filter changes go to the server as before.
 */
const loaded = new Map<string, SurveyData>();
const loading = new Map<string, Promise<SurveyData | null>>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(id: string): Promise<SurveyData | null> {
  let promise = loading.get(id);
  if (!promise) {
    // The decoder comes with the columns (fetched side by side), not with the page's first scripts.
    promise = Promise.all([
      fetch(`/api/datasets/${encodeURIComponent(id)}/columns`).then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`)))),
      import('@/lib/survey/columnsTransfer'),
    ])
      .then(([buffer, { decodeSurveyColumns }]) => {
        const data = decodeSurveyColumns(buffer);
        loaded.set(id, data);
        for (const listener of listeners) listener();
        return data;
      })
      .catch(() => {
        // The server path still works; let a later visit try again.
        loading.delete(id);
        return null;
      });
    loading.set(id, promise);
  }
  return promise;
}

/** Drops a dataset's columns after it changed (a codebook saved, a file appended): the next use fetches them again. */
export function forgetClientColumns(id: string): void {
  loaded.delete(id);
  loading.delete(id);
}

/** The columns if they are already in the browser (no waiting). */
export const columnsIfLoaded = (id: string): SurveyData | null => loaded.get(id) ?? null;

/** The dataset's columns once fetched; null until then (and while rendering on the server). */
export function useClientColumns(id: string): SurveyData | null {
  const data = useSyncExternalStore(subscribe, () => columnsIfLoaded(id), () => null);
  useEffect(() => onFirstIntent(() => void load(id)), [id]);
  return data;
}
