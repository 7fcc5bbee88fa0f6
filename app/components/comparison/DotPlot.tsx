'use client';
import { useMemo } from 'react';
import type { ComparisonSide } from '@/lib/analysis/comparisonRow';
import type { Interval } from '@/lib/stats/wilsonInterval';
import { NARROW_BELOW } from '../charts/chartAxes';
import { useElementWidth } from '../charts/useElementWidth';
import { ChartBox } from '../charts/ChartBox';
import { lazyModule } from '../lazyModule';

export interface DotPlotRow {
  key: string;
  name: string;
  /** The difference a − b (the plain one when the row has no test). */
  value: number | null;
  mark: 'higher' | 'lower' | null;
  /** A side under the minimum base: greyed, no mark. */
  small: boolean;
  /** Each side's base and interval, for the tooltip (a side under the minimum base has no interval). */
  sides: [ComparisonSide, ComparisonSide];
  /** The difference's interval; null when the row has no test. */
  differenceCi: Interval | null;
}

export interface DotDatum {
  row: DotPlotRow;
  /** The two sides' shares (rows where both have one). */
  a: number;
  b: number;
  label: string;
  /** The gap between the two sides, as a floating bar from the lower share to the higher. */
  gap: [number, number];
}

/** The plot's width: a wide page's until measured (before the first paint), then the measured one. */
const plotColumn = { width: 1000 };

/** The recharts drawing, loaded when the plot is about to be seen (ChartBox). */
const drawing = lazyModule(() => import('./DotPlotDrawing'));

/**
 * A dot plot (recharts, DotPlotDrawing): per row the second side's rate (open dot) and the first's
 * (filled dot) on one 0-100% scale, joined by a bar that shows the gap, and the difference in points
 * with its significance mark. The table beside it carries every figure; the tooltip (mouse or
 * keyboard) repeats a row's.
 */
export function DotPlot({ rows, names, title, lead, label }: { rows: DotPlotRow[]; names: [string, string]; title: string; lead: string; label: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(plotColumn);
  const narrow = width < NARROW_BELOW;
  const data = useMemo<DotDatum[]>(
    () =>
      rows
        .filter((r) => r.sides[0].share !== null && r.sides[1].share !== null)
        .map((row) => {
          const [a, b] = [row.sides[0].share!, row.sides[1].share!];
          return { row, a, b, label: row.name, gap: [Math.min(a, b), Math.max(a, b)] };
        }),
    [rows],
  );
  const heightAt = (narrowBox: boolean) => data.length * (narrowBox ? 40 : 28) + 36;
  return (
    <figure className="card bench-chart" aria-labelledby="dot-plot-title">
      <h2 id="dot-plot-title">{title}</h2>
      <p className="muted small">{lead}</p>
      <div className="bench-legend" aria-hidden="true">
        <span>
          <span className="bench-dot upload" /> {names[0]}
        </span>
        <span>
          <span className="bench-dot reference" /> {names[1]}
        </span>
      </div>
      <ChartBox boxRef={ref} className="bench-plot" height={heightAt(false)} narrowHeight={heightAt(true)} testId="dot-plot" drawing={drawing}>
        {({ DotPlotDrawing }) => <DotPlotDrawing data={data} names={names} label={label} width={width} narrow={narrow} height={heightAt(narrow)} />}
      </ChartBox>
    </figure>
  );
}
