'use client';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The content width of an element, followed with a ResizeObserver. Until measured in the browser it
 * is `initial.width`; it is measured in a layout effect, before the first paint, so a chart laid out
 * for a guessed width is never shown. The server draws no chart at any width (recharts 3 draws its SVG
 * after it has mounted), only the box the chart will fill: see ChartBox. The last measured width is
 * kept in `initial`, so elements that mount later (another view) start at the width their column has.
 */
export function useElementWidth<T extends HTMLElement>(initial: { width: number }) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial.width);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Now, before the paint; the observer reports the same width again at once, and every change after.
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0].contentRect.width);
      initial.width = measured;
      setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [initial]);
  return { ref, width };
}
