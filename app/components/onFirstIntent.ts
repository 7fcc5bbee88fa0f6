'use client';

/**
 * Runs `start` once the visitor shows a first sign of wanting to use the page's controls: the
 * pointer moves or presses, a touch, a key, focus moving, a wheel turn. Only then do the explorer
 * and the planner fetch the dataset's columns and the engine (several hundred kilobytes, and
 * decoding them is main-thread work): a visitor who only reads the server-rendered answer, as on a
 * phone, never pays for them, and the page is quiet as soon as it has hydrated. Every page that
 * calls this shares the one set of listeners; calls after the first intent start at once.
 */
const INTENT_EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel'] as const;

let intended = false;
const waiting = new Set<() => void>();

function onIntent(): void {
  intended = true;
  for (const type of INTENT_EVENTS) window.removeEventListener(type, onIntent, true);
  const starts = [...waiting];
  waiting.clear();
  for (const start of starts) start();
}

/** Calls `start` at the first intent (at once if it has happened); returns a function that drops the call. */
export function onFirstIntent(start: () => void): () => void {
  // Focus already inside the page (a keyboard user who tabbed in before it hydrated) counts too.
  if (!intended && document.activeElement && document.activeElement !== document.body) intended = true;
  if (intended) {
    start();
    return () => {};
  }
  if (waiting.size === 0) for (const type of INTENT_EVENTS) window.addEventListener(type, onIntent, { capture: true, passive: true });
  waiting.add(start);
  return () => waiting.delete(start);
}
