import type { ReactNode } from 'react';
import type { Locale } from '@/lib/survey/codebook';
import type { TableData } from '../table';
import { CsvDownload } from './CsvDownload';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { DataTable } from './DataTable';

/**
 * One chart as a finished piece: title, what to read from it, the key, the chart, the footnote on
 * the statistics, and the data table with its CSV download.
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
  locale,
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
  locale: Locale;
  fileParts: string[];
  tableCaption: string;
}) {
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p className="chart-lead">{lead}</p>}
      {summary && <div className="chart-summary">{summary}</div>}
      <ChartLegend items={legend} />
      <div className="chart-frame">{chart}</div>
      <div className="chart-footnote">
        {footnote.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <div className="chart-table">
        <DataTable table={table} caption={tableCaption} locale={locale} id={id} />
        <CsvDownload header={table.csv.header} rows={table.csv.rows} locale={locale} title={title} fileParts={fileParts} />
      </div>
    </section>
  );
}
