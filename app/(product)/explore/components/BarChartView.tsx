'use client';
import { memo, useMemo } from 'react';
import { useLocale } from 'next-intl';
import type { BarChartData } from '@/lib/explore/model';
import { chartColumn } from './chartColumn';
import { useElementWidth } from '@/app/components/charts/useElementWidth';
import { ChartBox } from '@/app/components/charts/ChartBox';
import { lazyModule } from '@/app/components/lazyModule';
import { barGeometry } from './barGeometry';

export type ColourBy = 'tier' | 'series' | 'single';

export interface BarChartViewProps {
  chart: BarChartData;
  colourBy: ColourBy;
  title: string;
  /** A vertical guide (the 50% an OK tier must clear), labelled. */
  threshold?: { value: number; label: string };
  /** Add each cell's computed tier to its value label. */
  showTier?: boolean;
  /** Add each cell's uplift against the reference rate to its value label. */
  showUplift?: boolean;
}

/** The recharts drawing, loaded when a chart is about to be seen (ChartBox). */
const drawing = lazyModule(() => import('./BarChartDrawing'));

/**
 * Horizontal bars with 95% intervals (recharts ErrorBar), significance marks, small cells hatched with
 * the reason, a reference line for the overall rate, and a tooltip (mouse or keyboard: recharts'
 * accessibility layer) with base, effective base and interval. One recharts chart per card
 * (BarChartDrawing), in a box of its final size from the server's HTML on.
 */
export const BarChartView = memo(function BarChartView(props: BarChartViewProps) {
  const locale = useLocale();
  const { ref, width } = useElementWidth<HTMLDivElement>(chartColumn);
  const geometry = useMemo(() => barGeometry(props.chart, width, locale), [props.chart, width, locale]);
  return (
    <ChartBox boxRef={ref} className="bar-chart" height={geometry.wideHeight} narrowHeight={geometry.narrowHeight} testId={`${props.chart.id}-chart`} drawing={drawing}>
      {({ BarChartDrawing }) => <BarChartDrawing {...props} width={width} geometry={geometry} />}
    </ChartBox>
  );
});
