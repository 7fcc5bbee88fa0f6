'use client';
import { useTranslations } from 'next-intl';
import type { Figure } from '@/lib/summary/model';
import { useElementWidth } from '@/app/components/charts/useElementWidth';
import { ChartBox } from '@/app/components/charts/ChartBox';
import { lazyModule } from '@/app/components/lazyModule';
import { ROW, SMALL_FILL, TONE_FILL } from './summaryBarsStyle';

/** The width of a summary card's chart: a laptop's card until one has been measured, then the measured one. */
const summaryColumn = { width: 340 };

/** The recharts drawing, loaded when a chart is about to be seen (ChartBox). */
const drawing = lazyModule(() => import('./SummaryBarsDrawing'));

/**
 * A headline's small bar chart (recharts, SummaryBarsDrawing) and its colour key. The height does
 * not depend on the width, so the server's HTML holds the chart's box at its final size (ChartBox);
 * in print it is scaled to the card.
 */
export function SummaryBars({ bars }: { bars: Figure[] }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(summaryColumn);
  const height = bars.length * ROW + 8;
  return (
    <>
      <ChartBox boxRef={ref} className="summary-chart" height={height} drawing={drawing}>
        {({ SummaryBarsDrawing }) => <SummaryBarsDrawing bars={bars} width={width} height={height} />}
      </ChartBox>
      <SummaryLegend bars={bars} />
    </>
  );
}

const TONE_LEGEND = { focus: 'legendFocus', base: 'legendBase', ok: 'legendOk', nogo: 'legendNogo' } as const;

/** What the card's colours and whiskers mean: only the tones it uses, in the order they appear. */
function SummaryLegend({ bars }: { bars: Figure[] }) {
  const t = useTranslations('summary');
  const tones = [...new Set(bars.filter((b) => !b.smallBase).map((b) => b.tone))];
  const small = bars.some((b) => b.smallBase);
  const interval = bars.some((b) => b.ci && !b.smallBase);
  return (
    <ul className="summary-legend" data-testid="summary-legend">
      {tones.map((tone) => (
        <li key={tone}>
          <span className="legend-swatch" style={{ background: TONE_FILL[tone] }} aria-hidden="true" /> {t(TONE_LEGEND[tone])}
        </li>
      ))}
      {small && (
        <li>
          <span className="legend-swatch" style={{ background: SMALL_FILL }} aria-hidden="true" /> {t('legendSmall')}
        </li>
      )}
      {interval && (
        <li>
          <span className="legend-whisker" aria-hidden="true" /> {t('legendInterval')}
        </li>
      )}
    </ul>
  );
}
