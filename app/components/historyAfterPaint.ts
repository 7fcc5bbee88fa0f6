'use client';

/**
 * Moves the address bar to a state the page has already drawn, once that drawing is on screen.
 * Pushing a history entry costs milliseconds of its own in the browser, and Next.js answers every
 * push by re-rendering its router (useSearchParams); neither needs to come before the user sees
 * the answer. Pushes within one frame collapse into one entry, the last.
 */
let pendingHref: string | null = null;

export function pushAfterPaint(href: string): void {
  const scheduled = pendingHref !== null;
  pendingHref = href;
  if (scheduled) return;
  // The frame's callbacks run before it is painted; the task after them runs after the paint.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const next = pendingHref;
      pendingHref = null;
      if (next !== null && next !== location.pathname + location.search) window.history.pushState(null, '', next);
    }, 0),
  );
}

/** Drops a push not made yet (the page is navigating elsewhere, which sets the address itself). */
export function cancelPushAfterPaint(): void {
  pendingHref = null;
}
