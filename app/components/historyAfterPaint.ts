'use client';

/**
 * Moves the address bar to the state the page is drawing. The push is made at once, in the event
 * handler: a push deferred until after the paint raced with Next.js's router, which takes in
 * external pushes asynchronously and, taking an older one in late, put its URL back over a newer
 * one (seen as a planner change that did not stick). Deferring it is the optimisation to redo once
 * the page ignores its own late echoes (see the note on issue 3).
 */
export function pushAfterPaint(href: string): void {
  if (href !== location.pathname + location.search) window.history.pushState(null, '', href);
}

/** Kept for callers that navigate elsewhere instead; with the push made at once there is nothing to drop. */
export function cancelPushAfterPaint(): void {}
