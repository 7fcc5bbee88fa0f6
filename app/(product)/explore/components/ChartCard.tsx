'use client';
import { type ReactNode, useRef } from 'react';
import { csvFileName } from '@/lib/csv/writer';
import type { TableData } from '../table';
import { CsvDownload } from './CsvDownload';
import { ChartImageDownload } from './ChartImageDownload';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { DataTable } from './DataTable';
import { useWeightNote } from './chartMethods';
import { TermText } from '@/app/components/help/TermText';
import type { GlossaryTermId } from '@/lib/help/glossary';

/** The statistical terms a chart's footnote explains with a "?" (the image download keeps the plain text). */
const FOOTNOTE_TERMS: GlossaryTermId[] = ['t-test', 'benjamini-hochberg', 'interval', 'effective-base', 'minimum-base'];

/**
 * One chart as a finished piece: title, what to read from it, the key, the chart, the footnote on
 * the statistics, and the data table with its CSV download; the chart itself downloads as PNG or
 * SVG with the footnote drawn in.
 */
export function ChartCard({
  id,
  title,
  lead,
  summary,
  legend,
  chart,
  footnote,
  table,
  fileParts,
  tableCaption,
}: {
  id: string;
  title: string;
  lead?: string;
  summary?: ReactNode;
  legend: LegendItem[];
  chart: ReactNode;
  footnote: string[];
  table: TableData;
  fileParts: string[];
  tableCaption: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const weight = useWeightNote();
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p className="chart-lead">{lead}</p>}
      {summary && <div className="chart-summary">{summary}</div>}
      <ChartLegend items={legend} />
      <div className="chart-frame" ref={frame}>
        {chart}
      </div>
      <div className="chart-footnote">
        {footnote.map((line) => (
          <p key={line}>
            <TermText text={line} terms={FOOTNOTE_TERMS} />
          </p>
        ))}
        {weight && <p data-testid="weight-note">{weight}</p>}
      </div>
      <div className="chart-table">
        <DataTable table={table} caption={tableCaption} id={id} />
        <div className="chart-downloads">
          <CsvDownload header={table.csv.header} rows={table.csv.rows} title={title} fileParts={fileParts} />
          <ChartImageDownload frame={frame} title={title} legend={legend} footnote={weight ? [...footnote, weight] : footnote} fileName={csvFileName(...fileParts).replace(/\.csv$/, '')} />
        </div>
      </div>
    </section>
  );
}
