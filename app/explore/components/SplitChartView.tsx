'use client';
import { memo, type ReactNode } from 'react';
import type { Locale } from '@/lib/survey/codebook';
import type { SplitPart, SplitRow } from '@/lib/explore/build/dataTypes';
import { barTop, NARROW_BELOW, plotArea, rowBand, whiskerPath } from '@/lib/explore/barLayout';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import { INK, TIER_COLOUR } from '../colours';
import { formatInterval, tx } from '../messages';
import { SvgBarFrame } from './SvgBarFrame';
import { chartColumn } from './chartColumn';
import { useElementWidth } from './useElementWidth';

const PART_COLOUR = { ok: TIER_COLOUR.ok, grey: '#c9ccd1', nogo: TIER_COLOUR.nogo } as const;
const PART_TEXT = { ok: '#fff', grey: INK, nogo: '#fff' } as const;
const BAR = 20;

/**
 * 100% stacked bars of the whole answer (OK / depends / not OK) per data type. Whiskers: the 95%
 * interval of the OK share at the OK edge, and of the not-OK share at the not-OK edge.
 */
export const SplitChartView = memo(function SplitChartView({ parts, rows, locale, title }: { parts: SplitPart[]; rows: SplitRow[]; locale: Locale; title: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(chartColumn);
  // On a phone the row labels sit above the bars, so the bars get the whole width.
  const narrow = width < NARROW_BELOW;
  const rowHeight = narrow ? 44 : 30;
  const height = rows.length * rowHeight + 50;
  const last = parts.length - 1;
  const plot = plotArea(width, height, { top: narrow ? 20 : 8, right: 16, bottom: 4, left: narrow ? 16 : 4 }, narrow ? 0 : 230);
  const labelled = rows.map((row) => ({ key: row.key, label: row.label[locale] }));

  const segments: ReactNode[] = [];
  const texts: ReactNode[] = [];
  const whiskers: { x1: number; x2: number; y: number }[] = [];
  rows.forEach((row, r) => {
    const y = barTop(rowBand(plot, r, rows.length), 0, 1, BAR, 0);
    const centre = y + BAR / 2;
    let from = 0;
    row.parts.forEach((cell, i) => {
      const share = cell.share ?? 0;
      const x = plot.x(from);
      const w = plot.x(from + share) - x;
      segments.push(<rect key={`${row.key}-${i}`} className="chart-bar" x={x} y={y} width={Math.max(0, w)} height={BAR} fill={PART_COLOUR[parts[i].role]} />);
      if (cell.share !== null && w >= 34)
        texts.push(
          <text key={`${row.key}-${i}`} x={x + w / 2} y={centre} textAnchor="middle" dominantBaseline="central" fill={PART_TEXT[parts[i].role]}>
            {formatPercent(cell.share, locale, 0)}
          </text>,
        );
      from += share;
      // The OK edge carries the OK interval; the edge before the last part sits at 1 - not OK and
      // carries the not-OK interval, mirrored.
      if (i === 0 && cell.share !== null && cell.lower !== null && cell.upper !== null) whiskers.push({ x1: plot.x(cell.lower), x2: plot.x(cell.upper), y: centre });
      const notOk = row.parts[last];
      if (i === last - 1 && i > 0 && notOk.share !== null && notOk.lower !== null && notOk.upper !== null)
        whiskers.push({ x1: plot.x(from - (notOk.upper - notOk.share)), x2: plot.x(from + (notOk.share - notOk.lower)), y: centre });
    });
  });

  return (
    <div ref={ref} className="bar-chart" style={{ height }}>
      <SvgBarFrame
        width={width}
        height={height}
        plot={plot}
        title={title}
        locale={locale}
        rows={labelled}
        narrow={narrow}
        labelAbove={(r) => barTop(rowBand(plot, r, rows.length), 0, 1, BAR, 0) - 5}
        maxLabelLines={2}
        tooltip={(r) => <SplitTooltip parts={parts} row={rows[r]} locale={locale} />}
      >
        <g className="bars">{segments}</g>
        <g className="value-labels" fontSize={11}>
          {texts}
        </g>
        <path className="whiskers" d={whiskerPath(whiskers, 4)} stroke={INK} strokeWidth={1.25} fill="none" />
      </SvgBarFrame>
    </div>
  );
});

function SplitTooltip({ parts, row, locale }: { parts: SplitPart[]; row: SplitRow; locale: Locale }) {
  const base = row.parts[0];
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{row.label[locale]}</p>
      <dl>
        {parts.map((part, i) => (
          <dd key={part.code}>
            {part.label[locale]}: <strong>{row.parts[i].share === null ? '–' : formatPercent(row.parts[i].share!, locale)}</strong> ({formatInterval(row.parts[i].lower, row.parts[i].upper, locale)})
          </dd>
        ))}
        <dd>
          {tx(locale, 'tipBase')}: {formatNumber(base.respondents, locale)} · {tx(locale, 'tipEffective')}: {formatNumber(base.effectiveBase, locale, 1)}
        </dd>
        <dd>
          {tx(locale, 'colTierComputed')}: {tx(locale, `tier_${row.computedTier}`)}
        </dd>
      </dl>
    </div>
  );
}
