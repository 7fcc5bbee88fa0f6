'use client';

/**
 * Moves the address bar to the state the page has just drawn, as a new history entry. The push is
 * made at once, in the event handler. Deferring it until after the paint saved about 20 ms a change
 * but raced with Next.js's router, which takes in external pushes asynchronously: taking an older
 * one in late, it put that URL back over a newer one, and a quick second change did not stick.
 * Made at once, a change still redraws in 50-65 ms (median, npm run bench:pages; see the README).
 */
export function pushUrl(href: string): void {
  if (href !== location.pathname + location.search) window.history.pushState(null, '', href);
}
