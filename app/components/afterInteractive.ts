'use client';

/**
 * Runs `start` once soon after the page has become interactive: at the first idle moment after
 * hydration, or earlier at the visitor's first sign of wanting to use the controls (the pointer
 * moves or presses, a touch, a key, focus moving, a wheel turn). The explorer and the planner load
 * the dataset's columns and the engine this way, so that the first change is computed in the
 * browser like every later one (issue 18: waiting for the first intent sent the first change to
 * the server, 0.45-2.7 s, because the click came before the columns had arrived). Idle time keeps
 * the load from competing with hydration. With the browser's data saver on (Save-Data), only the
 * intent starts it: a reader on a metered phone does not pay for what only a change needs.
 */
const INTENT_EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel'] as const;
/**
 * At most this long after hydration on a page that does not go idle. Short: the fetch itself runs
 * off the main thread, and a first click soon after the page appears (measured with
 * `npm run bench:first-change`) should find the columns in, not start them.
 */
const IDLE_TIMEOUT_MS = 300;

const saveData = () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

/** Calls `start` once, soon (see above); returns a function that drops the call. Call it from an effect (after hydration). */
export function afterInteractive(start: () => void): () => void {
  let done = false;
  let idleHandle: number | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cleanup();
    start();
  };
  const cleanup = () => {
    for (const type of INTENT_EVENTS) window.removeEventListener(type, run, true);
    if (idleHandle !== undefined) (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout)(idleHandle);
  };
  // Focus already inside the page (a keyboard user who tabbed in before it hydrated) is intent.
  if (document.activeElement && document.activeElement !== document.body) {
    run();
    return () => {};
  }
  for (const type of INTENT_EVENTS) window.addEventListener(type, run, { capture: true, passive: true });
  if (!saveData()) idleHandle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : (setTimeout(run, 200) as unknown as number);
  return () => {
    done = true;
    cleanup();
  };
}
