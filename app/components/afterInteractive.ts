'use client';

/**
 * When a page's background work starts, so that the first change is computed in the browser like
 * every later one (issue 18) without that work competing with the page's start (issue 17 part 5):
 *
 * - `afterInteractive`: at the first idle moment after hydration, or earlier at the visitor's first
 *   sign of wanting to use the controls. For work that runs off the main thread: the dataset's
 *   columns are fetched this way (clientColumns.ts), a download and nothing more.
 * - `onFirstIntent`: at the visitor's first sign of wanting to use the controls only (the pointer
 *   moves or presses, a touch, a key, focus moving, a wheel turn). For work that costs the main
 *   thread: evaluating the engine's code and decoding the columns. Run at idle time they were long
 *   tasks right after hydration, which a phone's reader (and Lighthouse's total blocking time) paid
 *   on every visit; run at the first move they are done before the click that follows it, and a
 *   change made sooner waits for them (the explorer) instead of going to the server.
 *
 * With the browser's data saver on (Save-Data), the download also waits for the first move: a
 * reader on a metered phone does not pay for what only a change needs.
 *
 * The idle start also waits for the page's first contentful paint, so a background download never
 * shares the network with what the first paint needs. Usually the paint comes long before
 * hydration ends and this waits for nothing; where it came after (Lighthouse's mobile run on this
 * machine paints app pages only after a frame stall of about a second, README, Performance), the
 * columns' 268 KB download started before the paint, and Lighthouse counted it into the page's
 * largest contentful paint (the planner's 6.1 s). A tab opened in the background has not painted:
 * its download waits until it is shown and painted, or for the first move.
 */
const INTENT_EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel'] as const;
/**
 * At most this long after hydration on a page that does not go idle. Short: the fetch runs off the
 * main thread, and a first click soon after the page appears (measured with
 * `npm run bench:first-change`) should find the columns in, not start them.
 */
const IDLE_TIMEOUT_MS = 300;

/** Calls `then` once the page has painted content (at once if it has, or if the browser does not say); returns a function that drops the call. */
function afterFirstPaint(then: () => void): () => void {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint') || painted()) {
    then();
    return () => {};
  }
  const observer = new PerformanceObserver(() => {
    if (!painted()) return;
    observer.disconnect();
    then();
  });
  observer.observe({ type: 'paint', buffered: true });
  return () => observer.disconnect();
}

const saveData = () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

function schedule(start: () => void, idle: boolean): () => void {
  let done = false;
  let idleHandle: number | undefined;
  let dropPaintWait = () => {};
  const run = () => {
    if (done) return;
    done = true;
    cleanup();
    start();
  };
  const cleanup = () => {
    for (const type of INTENT_EVENTS) window.removeEventListener(type, run, true);
    dropPaintWait();
    if (idleHandle !== undefined) (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout)(idleHandle);
  };
  // Focus already inside the page (a keyboard user who tabbed in before it hydrated) is intent.
  if (document.activeElement && document.activeElement !== document.body) {
    run();
    return () => {};
  }
  for (const type of INTENT_EVENTS) window.addEventListener(type, run, { capture: true, passive: true });
  if (idle && !saveData())
    dropPaintWait = afterFirstPaint(() => {
      if (done) return;
      idleHandle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : (setTimeout(run, 200) as unknown as number);
    });
  return () => {
    done = true;
    cleanup();
  };
}

/** Calls `start` once, at the first idle moment or the first move (see above); returns a function that drops the call. Call it from an effect (after hydration). */
export const afterInteractive = (start: () => void): (() => void) => schedule(start, true);

/** Calls `start` once, at the visitor's first move (see above); returns a function that drops the call. Call it from an effect (after hydration). */
export const onFirstIntent = (start: () => void): (() => void) => schedule(start, false);
