'use client';
import { useLocale } from 'next-intl';

import { delimiterName } from '@/lib/ingest/delimiter';
import { personalValues } from '@/lib/ingest/personal';
import { personalEvidence, personalKindWords, problemKindLabel, problemMessage, problemPlaceParts, problemType } from '@/lib/ingest/problemMessages';
import { reportToCsv } from '@/lib/ingest/reportCsv';
import type { Problem, ValidationReport } from '@/lib/ingest/types';
import { formatNumber } from '@/lib/i18n/numbers';
import { shownValue } from '@/lib/survey/quoteValue';
import { uploadText } from './messages';

/** How many problems the page lists; the downloadable report has every problem the validator kept (up to 100 per kind). */
export const LISTED_PROBLEMS = 100;

/** The counts per kind, errors first, then by count. */
function kinds(report: Pick<ValidationReport, 'counts'>): { code: string; type: Problem['type']; n: number }[] {
  return Object.entries(report.counts)
    .map(([code, n]) => ({ code, type: problemType(code), n }))
    .sort((a, b) => (a.type === b.type ? b.n - a.n : a.type === 'error' ? -1 : 1));
}

/** A column of the file as the report names it: shortened, control characters named. */
const ColumnName = ({ column }: { column: string | undefined }) => (column ? <code title={column.length > 80 ? shownValue(column, 1000) : undefined}>{shownValue(column)}</code> : <>–</>);

/** Where a problem is: "data row 11," and "line 12", each kept whole; a whole column (named beside it) or the whole file. */
function Place({ problem }: { problem: Problem }) {
  const locale = useLocale();
  const [row, line] = problemPlaceParts(problem, locale);
  if (!row) return <span>{problem.column ? uploadText(locale, 'wholeColumn') : uploadText(locale, 'wholeFile')}</span>;
  return line ? (
    <>
      <span>{row},</span> <span>{line}</span>
    </>
  ) : (
    <span>{row}</span>
  );
}

export function ProblemTable({ problems, total, testId }: { problems: Problem[]; total: number; testId: string }) {
  const locale = useLocale();
  const shown = problems.slice(0, LISTED_PROBLEMS);
  return (
    <div className="table-scroll">
      {/* The roles keep it a table for screen readers on a phone, where its rows are shown as blocks. */}
      <table className="findings problems-table" data-testid={testId} role="table">
        <caption>{uploadText(locale, 'problemsCaption', { n: formatNumber(shown.length, locale), total })}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">{uploadText(locale, 'colType')}</th>
            <th scope="col" role="columnheader">{uploadText(locale, 'colPlace')}</th>
            <th scope="col" role="columnheader">{uploadText(locale, 'colColumn')}</th>
            <th scope="col" role="columnheader">{uploadText(locale, 'colMessage')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {shown.map((p, i) => (
            <tr key={i} className={`problem-${p.type}`} data-code={p.code} role="row">
              <td role="cell">
                <span className={`badge badge-${p.type}`}>{uploadText(locale, p.type)}</span>
              </td>
              <td className="problem-place" role="cell">
                <Place problem={p} />
              </td>
              <td className={p.column ? undefined : 'no-column'} role="cell">
                <ColumnName column={p.column} />
              </td>
              <td role="cell">{problemMessage(p, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CountsTable({ report }: { report: Pick<ValidationReport, 'counts'> }) {
  const locale = useLocale();
  const rows = kinds(report);
  if (rows.length === 0) return null;
  return (
    <table className="findings counts-table" data-testid="report-counts">
      <caption>{uploadText(locale, 'countsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{uploadText(locale, 'colKind')}</th>
          <th scope="col" className="num">
            {uploadText(locale, 'colCount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((k) => (
          <tr key={k.code} data-kind={k.code}>
            <th scope="row">
              {problemKindLabel(k.code, locale)} <span className={`badge badge-${k.type}`}>{uploadText(locale, k.type)}</span>
            </th>
            <td className="num">{formatNumber(k.n, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Saves a text as a file, made in the browser: the report never goes to the server. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReportView({
  report,
  seconds,
  fileName,
  keep,
  onKeep,
}: {
  report: ValidationReport;
  seconds: number;
  fileName: string;
  keep: ReadonlySet<string>;
  onKeep: (column: string, keep: boolean) => void;
}) {
  const locale = useLocale();
  const errorCount = Object.entries(report.counts).reduce((sum, [code, n]) => (problemType(code) === 'error' ? sum + n : sum), 0);
  const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
  const encoding = report.encoding === 'utf-8-bom' ? 'UTF-8 (BOM)' : 'UTF-8';
  return (
    <section className="upload-report" aria-labelledby="report-title" data-testid="upload-report">
      <h3 id="report-title">{uploadText(locale, 'reportTitle')}</h3>
      <p data-testid="report-summary">
        {uploadText(locale, report.format === 'sav' ? 'reportSummarySav' : report.format === 'xlsx' ? 'reportSummaryXlsx' : 'reportSummary', {
          rows: formatNumber(report.rowCount, locale),
          columns: formatNumber(report.header.length, locale),
          // An SPSS file or a sheet has no delimiter, and its text is decoded by its reader.
          encoding,
          delimiter: delimiterName(report.delimiter, locale),
          sheet: report.sheet ?? '',
          time: seconds < 1 ? `${formatNumber(Math.max(1, Math.round(seconds * 1000)), locale)} ms` : `${formatNumber(seconds, locale, 1)} s`,
        })}
      </p>
      <p className={`status-message${report.ok ? '' : ' error'}`} role={report.ok ? 'status' : 'alert'} data-testid="report-verdict">
        {!report.ok ? uploadText(locale, 'reportErrors', { n: errorCount }) : total > 0 ? uploadText(locale, 'reportWarnings') : uploadText(locale, 'reportOk')}
      </p>
      <CountsTable report={report} />
      {report.problems.length > 0 && <ProblemTable problems={report.problems} total={total} testId="report-problems" />}
      {report.problems.length > 0 && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => downloadText(reportToCsv(report, locale), `${fileName.replace(/\.[^.]+$/, '')}-report.csv`, 'text/csv;charset=utf-8')}>
            {uploadText(locale, 'downloadReport')}
          </button>
        </p>
      )}
      {report.personalColumns.length > 0 && (
        <fieldset className="personal-columns" data-testid="personal-columns">
          <legend>{uploadText(locale, 'personalTitle')}</legend>
          <p className="small">{uploadText(locale, 'personalIntro')}</p>
          <ul>
            {report.personalColumns.map((p) => (
              <li key={p.column}>
                <label>
                  <input type="checkbox" checked={keep.has(p.column)} onChange={(e) => onKeep(p.column, e.target.checked)} aria-label={uploadText(locale, 'keepColumn', { column: shownValue(p.column) })} />{' '}
                  <ColumnName column={p.column} />{' '}
                  <span className="muted small">
                    ({personalKindWords(p.kind, locale)}; {personalEvidence(personalValues(p.column, p.basis), locale)})
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </section>
  );
}
