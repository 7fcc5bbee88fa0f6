import type { CSSProperties, ReactNode, Ref } from 'react';

/**
 * The style of a recharts chart inside a ChartBox: its wrapper fills the box. recharts gives its
 * wrapper the pixel size the chart is drawn at; on the server that is a guess (a laptop's column),
 * which made a phone's page over 1,000 px wide until the chart had measured its column.
 */
export const FILL_BOX: CSSProperties = { width: '100%', height: '100%' };

/**
 * The box a recharts chart is drawn in, the same size in the server's HTML as once drawn: as wide as
 * its column, and as tall as the chart at that width. recharts 3 draws nothing on the server (its SVG
 * waits for the size it stores in an effect), so the server HTML holds this box with the empty
 * recharts wrapper filling it, and hydration draws the chart into it without moving the page. A chart
 * whose rows take more room on a phone gives both heights; CSS picks one by the box's own width (a
 * container query at NARROW_BELOW, in charts.css), which the server does not know.
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
  return (
    <div ref={boxRef} className={className ? `chart-box ${className}` : 'chart-box'} style={style} data-testid={testId}>
      <div className="chart-area">{children}</div>
    </div>
  );
}
