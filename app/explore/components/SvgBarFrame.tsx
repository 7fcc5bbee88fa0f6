'use client';
import { type KeyboardEvent, type MouseEvent, type ReactNode, useState } from 'react';
import { AXIS_TICKS, type PlotArea, rowBand, wrapLabel } from '@/lib/explore/barLayout';
import type { Locale } from '@/lib/survey/codebook';
import { formatPercent } from '@/lib/i18n/messages';
import { INK, MUTED } from '../colours';

/** Characters of a 13 px row label that fit a line of the label column (about 7 px each). */
const CHARS_PER_PX = 1 / 7.2;

/**
 * The frame of a horizontal bar chart drawn as plain SVG: the x-axis with its grid, the row labels
 * (beside the bars, or above them on a phone), and the tooltip of the row under the pointer or
 * keyboard focus. The bars are the children; hovering redraws only this frame, not the bars.
 */
export function SvgBarFrame({
  width,
  height,
  plot,
  title,
  locale,
  rows,
  narrow,
  labelAbove,
  maxLabelLines,
  grid = false,
  tooltip,
  children,
}: {
  width: number;
  height: number;
  plot: PlotArea;
  title: string;
  locale: Locale;
  /** Each row's label, and its full text when the label shortens one (shown on hover). */
  rows: readonly { key: string; label: string; text?: string }[];
  narrow: boolean;
  /** On a phone: the y of each row's label, drawn above its first bar. */
  labelAbove: (index: number) => number;
  maxLabelLines: number;
  grid?: boolean;
  tooltip: (index: number) => ReactNode;
  children: ReactNode;
}) {
  const [active, setActive] = useState<{ index: number; x: number } | null>(null);
  const count = rows.length;
  const rowAt = (y: number) => {
    const index = Math.floor(((y - plot.top) / (plot.bottom - plot.top)) * count);
    return index >= 0 && index < count ? index : null;
  };
  const onMouseMove = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const index = rowAt(event.clientY - box.top);
    setActive(index === null ? null : { index, x: event.clientX - box.left });
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (event.key === 'Escape') setActive(null);
    if (!step || !count) return;
    event.preventDefault();
    const index = active === null ? 0 : Math.min(count - 1, Math.max(0, active.index + step));
    setActive({ index, x: plot.left + 8 });
  };
  const band = active && rowBand(plot, active.index, count);
  const labelChars = Math.max(8, Math.floor((plot.left - 14) * CHARS_PER_PX));
  // On a phone the label sits above the bars on one line, as wide as the plot (12 px type).
  const narrowChars = Math.max(12, Math.floor((plot.right - plot.left) / 6.6));

  return (
    <>
      <svg
        className="bar-chart-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="application"
        aria-label={title}
        tabIndex={0}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setActive(null)}
        onFocus={() => setActive((current) => current ?? (count ? { index: 0, x: plot.left + 8 } : null))}
        onBlur={() => setActive(null)}
        onKeyDown={onKeyDown}
      >
        {band && <rect x={plot.left} y={band.top} width={plot.right - plot.left} height={band.height} fill="rgba(29, 95, 184, 0.06)" />}
        {grid && <path d={AXIS_TICKS.map((t) => `M${plot.x(t)} ${plot.top}V${plot.bottom}`).join('')} stroke="#e3e7ec" fill="none" />}
        <g className="x-axis" fontSize={12} fill={MUTED}>
          <path d={`M${plot.left} ${plot.bottom}H${plot.right}${AXIS_TICKS.map((t) => `M${plot.x(t)} ${plot.bottom}v6`).join('')}`} stroke="#666" fill="none" />
          {AXIS_TICKS.map((t) => (
            <text key={t} x={plot.x(t)} y={plot.bottom + 8} textAnchor="middle" dominantBaseline="hanging">
              {formatPercent(t, locale, 0)}
            </text>
          ))}
        </g>
        <g className="row-labels" fill={INK} fontSize={narrow ? 12 : 13}>
          {rows.map((row, i) => {
            // A label cut short, or one that stands for a longer question, shows the whole text on hover.
            const hover = (lines: string[]) => (row.text && row.text !== row.label ? row.text : lines.join(' ') !== row.label ? row.label : null);
            if (narrow) {
              const lines = wrapLabel(row.label, narrowChars, 1);
              const full = hover(lines);
              return (
                <text key={row.key} x={plot.left} y={labelAbove(i)} className="value-label">
                  {full && <title>{full}</title>}
                  {lines[0]}
                </text>
              );
            }
            const lines = wrapLabel(row.label, labelChars, maxLabelLines);
            const full = hover(lines);
            const { top, height: h } = rowBand(plot, i, count);
            const first = top + h / 2 - ((lines.length - 1) * 15) / 2;
            return (
              <text key={row.key} x={plot.left - 10} y={first} textAnchor="end" dominantBaseline="central">
                {full && <title>{full}</title>}
                {lines.map((line, l) => (
                  <tspan key={l} x={plot.left - 10} dy={l === 0 ? 0 : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          })}
        </g>
        {children}
      </svg>
      {active && band && (
        <div className="chart-tooltip-floating" style={{ left: Math.max(0, Math.min(active.x + 12, width - 330)), top: band.top + band.height }}>
          {tooltip(active.index)}
        </div>
      )}
    </>
  );
}
