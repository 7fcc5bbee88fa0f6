'use client';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode, type Ref, type RefObject } from 'react';

/**
 * The style of a recharts chart inside a ChartBox: its wrapper fills the box. recharts gives its
 * wrapper the pixel size the chart is drawn at; on the server that is a guess (a laptop's column),
 * which made a phone's page over 1,000 px wide until the chart had measured its column.
 */
export const FILL_BOX: CSSProperties = { width: '100%', height: '100%' };

/**
 * How far below (or above) the screen a chart is drawn ahead of being scrolled to: far enough that
 * it is drawn before it comes into view at a reading pace, near enough that a phone's first screen
 * draws only the charts on it (see ChartBox).
 */
export const DRAW_AHEAD = '150px 0px';

/**
 * The box a recharts chart is drawn in, the same size in the server's HTML as once drawn: as wide as
 * its column, and as tall as the chart at that width. recharts 3 draws nothing on the server (its SVG
 * waits for the size it stores in an effect), so the server HTML holds this empty box, and the chart
 * is drawn into it without moving the page. A chart whose rows take more room on a phone gives both
 * heights; CSS picks one by the box's own width (a container query at NARROW_BELOW, in charts.css),
 * which the server does not know.
 *
 * The chart is drawn once its box comes within DRAW_AHEAD of the screen (or the page is printed, or
 * the keyboard's Tab is pressed), not while the page hydrates: drawing the summary's six charts at
 * hydration took 300 ms of main thread on a 2-core server in the 1.5 s after load (452 ms against
 * 155 ms), four times that under Lighthouse's phone profile, and on a phone every chart of the
 * summary and the explorer sits below the first screen (README, Performance). Once drawn it stays.
 */
export function ChartBox({
  boxRef,
  height,
  narrowHeight = height,
  className,
  testId,
  children,
}: {
  boxRef: Ref<HTMLDivElement>;
  /** The chart's height at NARROW_BELOW and wider. */
  height: number;
  /** Its height in a narrower box (a phone), where the row labels sit above the bars. */
  narrowHeight?: number;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const style = { '--chart-height': `${height}px`, '--chart-height-narrow': `${narrowHeight}px` } as CSSProperties;
  const areaRef = useRef<HTMLDivElement>(null);
  const drawn = useDrawnWhenNear(areaRef);
  return (
    <div ref={boxRef} className={className ? `chart-box ${className}` : 'chart-box'} style={style} data-testid={testId} data-drawn={drawn ? 'yes' : 'no'}>
      <div ref={areaRef} className="chart-area">
        {drawn ? children : null}
      </div>
    </div>
  );
}

/** True from the moment `ref`'s element is within DRAW_AHEAD of the screen, the page is printed, or the keyboard's Tab is used. */
function useDrawnWhenNear(ref: RefObject<HTMLElement | null>): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (drawn || !element) return;
    const draw = () => setDrawn(true);
    // Without IntersectionObserver (an old browser) every chart is drawn at once.
    if (typeof IntersectionObserver === 'undefined') return draw();
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && draw(), { rootMargin: DRAW_AHEAD });
    observer.observe(element);
    const print = window.matchMedia('print');
    const onPrint = () => print.matches && draw();
    print.addEventListener('change', onPrint);
    window.addEventListener('beforeprint', draw);
    // A keyboard user's Tab reaches every chart (its data points: recharts' accessibility layer) in
    // page order, so the first Tab draws them all rather than skipping those not yet scrolled to.
    const onKey = (event: KeyboardEvent) => event.key === 'Tab' && draw();
    window.addEventListener('keydown', onKey);
    return () => {
      observer.disconnect();
      print.removeEventListener('change', onPrint);
      window.removeEventListener('beforeprint', draw);
      window.removeEventListener('keydown', onKey);
    };
  }, [drawn, ref]);
  return drawn;
}
