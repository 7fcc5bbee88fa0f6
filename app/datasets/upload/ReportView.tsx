'use client';

import { delimiterName } from '@/lib/ingest/delimiter';
import { problemMessage } from '@/lib/ingest/limitMessages';
import { reportToCsv } from '@/lib/ingest/reportCsv';
import type { Problem, ValidationReport } from '@/lib/ingest/types';
import { formatNumber } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/survey/codebook';
import { ut } from './messages';

/** How many problems the page lists; the downloadable report has them all (up to the validator's cap per kind). */
export const LISTED_PROBLEMS = 100;

/** The counts per kind, with each kind's type taken from its listed problems. */
function kinds(report: Pick<ValidationReport, 'counts' | 'problems'>): { code: string; type: Problem['type'] | undefined; n: number }[] {
  const typeOf = new Map(report.problems.map((p) => [p.code, p.type] as const));
  return Object.entries(report.counts)
    .map(([code, n]) => ({ code, type: typeOf.get(code), n }))
    .sort((a, b) => (a.type === b.type ? b.n - a.n : a.type === 'error' ? -1 : 1));
}

export function ProblemTable({ problems, total, locale, testId }: { problems: Problem[]; total: number; locale: Locale; testId: string }) {
  const shown = problems.slice(0, LISTED_PROBLEMS);
  return (
    <div className="table-scroll">
      <table className="findings problems-table" data-testid={testId}>
        <caption>{ut(locale, 'problemsCaption', { n: formatNumber(shown.length, locale), total: formatNumber(total, locale) })}</caption>
        <thead>
          <tr>
            <th scope="col">{ut(locale, 'colType')}</th>
            <th scope="col">{ut(locale, 'colRow')}</th>
            <th scope="col">{ut(locale, 'colColumn')}</th>
            <th scope="col">{ut(locale, 'colCode')}</th>
            <th scope="col">{ut(locale, 'colMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={i} className={`problem-${p.type}`} data-code={p.code}>
              <td>
                <span className={`badge badge-${p.type}`}>{ut(locale, p.type)}</span>
              </td>
              <td className="num">{p.row === undefined ? '–' : p.row === 0 ? ut(locale, 'header') : formatNumber(p.row, locale)}</td>
              <td>{p.column ? <code>{p.column}</code> : '–'}</td>
              <td>
                <code>{p.code}</code>
              </td>
              <td>{problemMessage(p, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CountsTable({ report, locale }: { report: Pick<ValidationReport, 'counts' | 'problems'>; locale: Locale }) {
  const rows = kinds(report);
  if (rows.length === 0) return null;
  return (
    <table className="findings counts-table" data-testid="report-counts">
      <caption>{ut(locale, 'countsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{ut(locale, 'colKind')}</th>
          <th scope="col">{ut(locale, 'colType')}</th>
          <th scope="col">{ut(locale, 'colCount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((k) => (
          <tr key={k.code}>
            <th scope="row">
              <code>{k.code}</code>
            </th>
            <td>{k.type ? ut(locale, k.type) : '–'}</td>
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
  locale,
}: {
  report: ValidationReport;
  seconds: number;
  fileName: string;
  keep: ReadonlySet<string>;
  onKeep: (column: string, keep: boolean) => void;
  locale: Locale;
}) {
  const errors = report.problems.filter((p) => p.type === 'error').length;
  const errorCount = Object.entries(report.counts).reduce((sum, [code, n]) => (report.problems.some((p) => p.code === code && p.type === 'error') ? sum + n : sum), 0) || errors;
  const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
  const encoding = report.encoding === 'utf-8-bom' ? 'UTF-8 (BOM)' : 'UTF-8';
  return (
    <section className="upload-report" aria-labelledby="report-title" data-testid="upload-report">
      <h3 id="report-title">{ut(locale, 'reportTitle')}</h3>
      <p data-testid="report-summary">
        {ut(locale, 'reportSummary', {
          rows: formatNumber(report.rowCount, locale),
          columns: formatNumber(report.header.length, locale),
          encoding,
          delimiter: delimiterName(report.delimiter),
          time: seconds < 1 ? `${formatNumber(Math.max(1, Math.round(seconds * 1000)), locale)} ms` : `${formatNumber(seconds, locale, 1)} s`,
        })}
      </p>
      <p className={`status-message${report.ok ? '' : ' error'}`} role={report.ok ? 'status' : 'alert'} data-testid="report-verdict">
        {!report.ok ? ut(locale, 'reportErrors', { n: formatNumber(errorCount, locale) }) : total > 0 ? ut(locale, 'reportWarnings') : ut(locale, 'reportOk')}
      </p>
      <CountsTable report={report} locale={locale} />
      {report.problems.length > 0 && <ProblemTable problems={report.problems} total={total} locale={locale} testId="report-problems" />}
      {report.problems.length > 0 && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => downloadText(reportToCsv(report), `${fileName.replace(/\.[^.]+$/, '')}-report.csv`, 'text/csv;charset=utf-8')}>
            {ut(locale, 'downloadReport')}
          </button>
        </p>
      )}
      {report.personalColumns.length > 0 && (
        <fieldset className="personal-columns" data-testid="personal-columns">
          <legend>{ut(locale, 'personalTitle')}</legend>
          <p className="small">{ut(locale, 'personalIntro')}</p>
          <ul>
            {report.personalColumns.map((p) => (
              <li key={p.column}>
                <label>
                  <input type="checkbox" checked={keep.has(p.column)} onChange={(e) => onKeep(p.column, e.target.checked)} aria-label={ut(locale, 'keepColumn', { column: p.column })} />{' '}
                  <code>{p.column}</code> <span className="muted small">({p.kind}; {p.evidence})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </section>
  );
}
