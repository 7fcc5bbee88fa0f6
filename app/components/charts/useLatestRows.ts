'use client';
import { type RefObject, useRef } from 'react';

/**
 * The chart's rows as of its latest render, for the row-label tick. recharts keeps an axis's `tick`
 * in its store: a new tick function at every filter change made it store the axis again and lay the
 * chart out once more. With the rows behind a ref, the tick is made once per label width.
 */
export function useLatestRows<T>(rows: T): RefObject<T> {
  const ref = useRef(rows);
  // Written while rendering, before recharts renders its ticks in the same pass; a render thrown away writes it again.
  // eslint-disable-next-line react-hooks/refs
  ref.current = rows;
  return ref;
}
