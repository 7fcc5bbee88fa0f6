'use client';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode, type Ref, type RefObject } from 'react';
import { useTranslations } from 'next-intl';
import type { LazyModule } from '../lazyModule';
// The box's size rules and the tooltip's look, with the box: the drawing's code comes later.
import './charts.css';

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

/** Every ChartBox on the page, as a function that draws it and resolves once its drawing code is in (for printing). */
const boxes = new Set<() => Promise<unknown>>();

/**
 * Draws every chart of the page and resolves once they are on it: the print button calls this
 * before it opens the browser's print dialog, so that charts not yet scrolled to are printed too.
 */
export async function drawEveryChart(): Promise<void> {
  await Promise.all([...boxes].map((draw) => draw()));
  // The drawings arrive in a React render after the code: two frames let it commit.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * The box a recharts chart is drawn in, the same size in the server's HTML as once drawn: as wide as
 * its column, and as tall as the chart at that width. recharts 3 draws nothing on the server (its SVG
 * waits for the size it stores in an effect), so the server HTML holds this empty box, and the chart
 * is drawn into it without moving the page. A chart whose rows take more room on a phone gives both
 * heights; CSS picks one by the box's own width (a container query at NARROW_BELOW, in charts.css),
 * which the server does not know.
 *
 * The drawing (the part that uses recharts) is a module of its own, `drawing`, loaded apart from the
 * page's scripts (lazyModule): recharts and what it brings (d3's scales, a redux store) are 127 KB
 * compressed, 441 KB to parse and run, which a phone's reader paid before the first screen
 * answered while every chart sits below it. The code is fetched at the visitor's first move, or
 * when a chart comes within DRAW_AHEAD of the screen (or the page is printed, or the keyboard's Tab
 * is pressed), and the chart is drawn then, not while the page hydrates: drawing the summary's six
 * charts at hydration took 300 ms of main thread on a 2-core server in the 1.5 s after load, four
 * times that under Lighthouse's phone profile (README, Performance). Once drawn it stays.
 */
export function ChartBox<M>({
  boxRef,
  height,
  narrowHeight = height,
  className,
  testId,
  drawing,
  children,
}: {
  boxRef: Ref<HTMLDivElement>;
  /** The chart's height at NARROW_BELOW and wider. */
  height: number;
  /** Its height in a narrower box (a phone), where the row labels sit above the bars. */
  narrowHeight?: number;
  className?: string;
  testId?: string;
  /** The module that draws the chart with recharts. */
  drawing: LazyModule<M>;
  /** The chart, drawn with that module once it is in. */
  children: (module: M) => ReactNode;
}) {
  const style = { '--chart-height': `${height}px`, '--chart-height-narrow': `${narrowHeight}px` } as CSSProperties;
  const areaRef = useRef<HTMLDivElement>(null);
  const [near, setNear] = useWantedWhenNear(areaRef);
  const loaded = drawing.use();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!near || loaded) return;
    let live = true;
    void drawing.load().then((module) => live && !module && setFailed(true));
    return () => {
      live = false;
    };
  }, [near, loaded, drawing]);
  useEffect(() => {
    const draw = () => {
      setNear(true);
      return drawing.load();
    };
    boxes.add(draw);
    return () => void boxes.delete(draw);
  }, [drawing, setNear]);
  const drawn = near && loaded !== null;
  return (
    <div ref={boxRef} className={className ? `chart-box ${className}` : 'chart-box'} style={style} data-testid={testId} data-drawn={drawn ? 'yes' : 'no'}>
      <div ref={areaRef} className="chart-area">
        {drawn ? children(loaded) : failed ? <ChartNotLoaded /> : null}
      </div>
    </div>
  );
}

/** The drawing's code did not arrive (the connection dropped): the figures are in the table beside every chart. */
function ChartNotLoaded() {
  const t = useTranslations('app');
  return <p className="muted small chart-failed">{t('chartNotLoaded')}</p>;
}

/** True from the moment `ref`'s element is within DRAW_AHEAD of the screen, the page is printed, or the keyboard's Tab is used. */
function useWantedWhenNear(ref: RefObject<HTMLElement | null>): [boolean, (near: boolean) => void] {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const draw = () => setNear(true);
    // Without IntersectionObserver (an old browser) every chart is drawn at once.
    if (typeof IntersectionObserver === 'undefined') return draw();
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && draw(), { rootMargin: DRAW_AHEAD });
    observer.observe(element);
    // The browser's own print command: the charts whose code is in are drawn before the page is
    // laid out for paper (the print button waits for the rest: drawEveryChart).
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
  }, [near, ref]);
  return [near, setNear];
}
