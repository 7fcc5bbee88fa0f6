'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * The content width of an element, followed with a ResizeObserver. Until measured in the browser it
 * is `initial.width`, so the server can draw the element at a likely width and the first browser
 * render matches it (hydration). The last measured width is kept in `initial`, so elements that
 * mount later (another view, drawn in the browser) start at the width their column has.
 */
export function useElementWidth<T extends HTMLElement>(initial: { width: number }) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial.width);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
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
