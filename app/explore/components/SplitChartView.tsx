'use client';
import { memo, type ReactNode } from 'react';
import type { Locale } from '@/lib/survey/codebook';
import type { CellView } from '@/lib/explore/model';
import { barTop, NARROW_BELOW, plotArea, rowBand, whiskerPath } from '@/lib/explore/barLayout';
import { shorten } from '@/lib/explore/shorten';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import { INK } from '../colours';
import { formatInterval, tx } from '../messages';
import { SvgBarFrame } from './SvgBarFrame';
import { chartColumn } from './chartColumn';
import { useElementWidth } from './useElementWidth';

const BAR = 20;

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

/**
 * 100% stacked bars of the whole answer per row (OK / depends / not OK; or every code of any
 * scale, the positive ones first). Whiskers: the 95% interval of the positive share at the edge of
 * the positive parts, and of the last part's share at the edge where it starts.
 */
export const SplitChartView = memo(function SplitChartView({ parts, rows, locale, title }: { parts: StackPart[]; rows: StackRow[]; locale: Locale; title: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(chartColumn);
  // On a phone the row labels sit above the bars, so the bars get the whole width.
  const narrow = width < NARROW_BELOW;
  const rowHeight = narrow ? 44 : 30;
  const height = rows.length * rowHeight + 50;
  const last = parts.length - 1;
  const plot = plotArea(width, height, { top: narrow ? 20 : 8, right: 16, bottom: 4, left: narrow ? 16 : 4 }, narrow ? 0 : 230);
  const labelled = rows.map((row) => ({ key: row.key, label: row.label, text: row.text }));

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
      segments.push(<rect key={`${row.key}-${i}`} className="chart-bar" x={x} y={y} width={Math.max(0, w)} height={BAR} fill={parts[i].fill} opacity={row.small ? 0.4 : undefined} />);
      if (cell.share !== null && w >= 34)
        texts.push(
          <text key={`${row.key}-${i}`} x={x + w / 2} y={centre} textAnchor="middle" dominantBaseline="central" fill={parts[i].ink}>
            {formatPercent(cell.share, locale, 0)}
          </text>,
        );
      from += share;
      // The edge before the last part sits at 1 - its share and carries its interval, mirrored.
      const tail = row.tail;
      if (tail && i === last - 1 && tail.share !== null && tail.lower !== null && tail.upper !== null)
        whiskers.push({ x1: plot.x(from - (tail.upper - tail.share)), x2: plot.x(from + (tail.share - tail.lower)), y: centre });
    });
    // The positive parts come first: their edge is the positive share itself.
    const lead = row.lead;
    if (lead.share !== null && lead.lower !== null && lead.upper !== null) whiskers.push({ x1: plot.x(lead.lower), x2: plot.x(lead.upper), y: centre });
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

function SplitTooltip({ parts, row, locale }: { parts: StackPart[]; row: StackRow; locale: Locale }) {
  const base = row.lead;
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{row.label}</p>
      {row.text && row.text !== row.label && <p className="tooltip-text">{shorten(row.text, 300)}</p>}
      <dl>
        {parts.map((part, i) => (
          <dd key={part.code}>
            {part.label}: <strong>{row.parts[i].share === null ? '–' : formatPercent(row.parts[i].share!, locale)}</strong> ({formatInterval(row.parts[i].lower, row.parts[i].upper, locale)})
          </dd>
        ))}
        {row.leadLabel && (
          <dd>
            {row.leadLabel}: <strong>{base.share === null ? '–' : formatPercent(base.share, locale)}</strong> ({formatInterval(base.lower, base.upper, locale)})
          </dd>
        )}
        <dd>
          {tx(locale, 'tipBase')}: {formatNumber(base.respondents, locale)} · {tx(locale, 'tipEffective')}: {formatNumber(base.effectiveBase, locale, 1)}
        </dd>
        {row.small && <dd className="tooltip-note">{row.small}</dd>}
        {row.extra?.map((line) => (
          <dd key={line}>{line}</dd>
        ))}
      </dl>
    </div>
  );
}
