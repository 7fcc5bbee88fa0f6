'use client';
import { memo } from 'react';
import type { CellView } from '@/lib/explore/model';
import { NARROW_BELOW } from '@/app/components/charts/chartAxes';
import { chartColumn } from './chartColumn';
import { useElementWidth } from '@/app/components/charts/useElementWidth';
import { ChartBox } from '@/app/components/charts/ChartBox';
import { lazyModule } from '@/app/components/lazyModule';

/** One answer of a stacked bar: its label and colours (fill, and the ink of the share written on it). */
export interface StackPart {
  code: string;
  label: string;
  fill: string;
  ink: string;
}

export interface StackRow {
  key: string;
  label: string;
  /** The full question behind a short label. */
  text?: string;
  /** One cell per part, in the parts' order; the shares add up to 100%. */
  parts: CellView[];
  /** The positive share, whose interval is drawn at the edge of the positive parts (they come first). */
  lead: CellView;
  /** Label of the lead share in the tooltip, when it is not simply the first part. */
  leadLabel?: string;
  /** The last part, whose interval is drawn, mirrored, at the edge where it starts. */
  tail?: CellView;
  /** More lines for the tooltip (the computed tier of a data type). */
  extra?: string[];
  /** Under the minimum base: why the row is faded and has no interval. */
  small?: string;
}

export interface SplitChartViewProps {
  parts: StackPart[];
  rows: StackRow[];
  /** How many parts are positive (they come first). */
  leadParts?: number;
  title: string;
}

/** The recharts drawing, loaded when a chart is about to be seen (ChartBox). */
const drawing = lazyModule(() => import('./SplitChartDrawing'));

/**
 * 100% stacked bars of the whole answer per row (OK / depends / not OK; or every code of any
 * scale, the positive ones first), one recharts chart (SplitChartDrawing) in a box of its final
 * size from the server's HTML on.
 */
export const SplitChartView = memo(function SplitChartView(props: SplitChartViewProps) {
  const { ref, width } = useElementWidth<HTMLDivElement>(chartColumn);
  // On a phone the row labels sit above the bars, so the bars get the whole width.
  const narrow = width < NARROW_BELOW;
  const heightAt = (narrowBox: boolean) => props.rows.length * (narrowBox ? 44 : 30) + 50;
  return (
    <ChartBox boxRef={ref} className="bar-chart" height={heightAt(false)} narrowHeight={heightAt(true)} drawing={drawing}>
      {({ SplitChartDrawing }) => <SplitChartDrawing {...props} width={width} narrow={narrow} height={heightAt(narrow)} />}
    </ChartBox>
  );
});
