'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { buildCodebook, matchTemplateHeader, proposeMapping, type ColumnMapping, type ColumnProfile, type TemplateHeader } from '@/lib/ingest/mapping';
import { codebookTooLargeProblem, ingestProblem, problemMessage, uploadAnswerMessage } from '@/lib/ingest/problemMessages';
import { applyKeepChoices } from '@/lib/ingest/personalProblems';
import { MAX_CODEBOOK_BYTES, type Problem, type ValidationReport } from '@/lib/ingest/types';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import { parseCodebook, type Codebook, type Locale } from '@/lib/survey/codebook';
import { shownValue } from '@/lib/survey/quoteValue';
import { MappingTable } from './MappingTable';
import { ut } from './messages';
import type { FromWorker, ToWorker } from './protocol';
import { downloadText, ProblemTable, ReportView } from './ReportView';

/**
 * The upload panel of /datasets. A chosen file goes through: a sample (header and first rows, in
 * the worker) → a codebook (the uploaded one, a template's, or the mapping screen's) → a full
 * check in the worker with progress and Cancel → the report (errors block, warnings let the
 * analyst go on, personal-data columns dropped unless kept) → sending with progress and Cancel
 * → the server's own check and answer. Nothing is stored before the last step succeeds.
 */

type Source = { kind: 'template'; study: string; columns: number } | { kind: 'uploaded'; name: string } | { kind: 'mapping' };

type Phase =
  | { kind: 'idle'; note?: 'cancelled' | 'uploadCancelled' }
  | { kind: 'sampling' }
  | { kind: 'mapping'; problems: Problem[] }
  | { kind: 'validating'; rows: number; bytes: number; totalBytes: number }
  | { kind: 'checked' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'stored'; result: UploadAnswer }
  | { kind: 'refused'; message: string; problems: Problem[]; total: number }
  | { kind: 'failed'; message: string; problems?: Problem[] };

interface UploadAnswer {
  dataset: { id: string; name: string; respondents: number };
  template: string | null;
  droppedColumns: string[];
  warnings: Problem[];
}

/** A refusal of POST /api/datasets: the problems listed once, beside the report's counts (lib/api/upload.ts `refusalBody`). */
interface ErrorAnswer {
  error: { code: string; message: string; limit?: Problem['limit']; problems?: Problem[]; report?: { counts: Record<string, number>; total?: number } };
}

const studyName = (study: string, locale: Locale) => (study === 'study-g' ? ut(locale, 'studyG') : study === 'study-p' ? ut(locale, 'studyP') : study);

function formatBytes(n: number, locale: Locale): string {
  if (n >= 1024 * 1024) return `${formatNumber(n / 1024 / 1024, locale, 1)} MB`;
  if (n >= 1024) return `${formatNumber(n / 1024, locale, 0)} KB`;
  return `${formatNumber(n, locale)} B`;
}

export function UploadPanel({ templates, locale }: { templates: TemplateHeader[]; locale: Locale }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const [codebookFile, setCodebookFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [codebook, setCodebook] = useState<Codebook | undefined>(undefined);
  const [profiles, setProfiles] = useState<ColumnProfile[]>([]);
  const [sampleRows, setSampleRows] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [rawReport, setRawReport] = useState<{ report: ValidationReport; seconds: number } | null>(null);
  const [keep, setKeep] = useState<Set<string>>(new Set());
  const [dragging, setDragging] = useState(false);
  /** The last progress of the check, in percent: kept after the report arrives, so that it can be read (and tested) afterwards. */
  const [lastPercent, setLastPercent] = useState<number | null>(null);
  const worker = useRef<Worker | null>(null);
  const xhr = useRef<XMLHttpRequest | null>(null);
  const csvInput = useRef<HTMLInputElement>(null);

  const stopWorker = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => () => {
    stopWorker();
    xhr.current?.abort();
  }, [stopWorker]);

  /** Sends one request to a fresh worker and handles its answers; a worker lives for one task. */
  const run = useCallback(
    (message: ToWorker, onAnswer: (answer: FromWorker) => void) => {
      stopWorker();
      const w = new Worker(new URL('./upload.worker.ts', import.meta.url));
      worker.current = w;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (worker.current !== w) return;
        if (e.data.type !== 'progress') stopWorker();
        onAnswer(e.data);
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        stopWorker();
        setPhase({ kind: 'failed', message: ut(locale, 'readFailed', { message: e.message || 'worker error' }) });
      };
      w.postMessage(message);
    },
    [locale, stopWorker],
  );

  const validate = useCallback(
    (csv: File, cb: Codebook | undefined) => {
      setCodebook(cb);
      setRawReport(null);
      setKeep(new Set());
      setPhase({ kind: 'validating', rows: 0, bytes: 0, totalBytes: csv.size });
      setLastPercent(0);
      run({ type: 'validate', file: csv, codebook: cb }, (answer) => {
        if (answer.type === 'progress') {
          setPhase({ kind: 'validating', rows: answer.rows, bytes: answer.bytes, totalBytes: answer.totalBytes });
          setLastPercent(answer.totalBytes ? Math.round((answer.bytes / answer.totalBytes) * 100) : 100);
        }
        else if (answer.type === 'report') {
          setRawReport({ report: answer.report, seconds: answer.ms / 1000 });
          setPhase({ kind: 'checked' });
        } else if (answer.type === 'failed') setPhase({ kind: 'failed', message: ut(locale, 'readFailed', { message: answer.message }) });
      });
    },
    [locale, run],
  );

  /** Picks the codebook for a sampled file, or opens the mapping screen. */
  const chooseCodebook = useCallback(
    async (csv: File, header: string[], cbFile: File | null, columnProfiles: ColumnProfile[]) => {
      if (cbFile) {
        if (cbFile.size > MAX_CODEBOOK_BYTES) {
          setPhase({ kind: 'failed', message: ut(locale, 'badCodebook'), problems: [codebookTooLargeProblem(cbFile.size, MAX_CODEBOOK_BYTES)] });
          return;
        }
        let parsed: ReturnType<typeof parseCodebook>;
        try {
          parsed = parseCodebook(JSON.parse((await cbFile.text()).replace(/^\uFEFF/, '')));
        } catch (e) {
          setPhase({ kind: 'failed', message: ut(locale, 'badCodebook'), problems: [ingestProblem('BadCodebook.json', { detail: shownValue(e instanceof Error ? e.message : String(e), 200) })] });
          return;
        }
        if (!parsed.ok) {
          setPhase({
            kind: 'failed',
            message: ut(locale, 'badCodebook'),
            problems: parsed.problems.map((p) => ingestProblem('BadCodebook', { path: shownValue(p.path || '(root)'), detail: shownValue(p.message, 300) })),
          });
          return;
        }
        setSource({ kind: 'uploaded', name: cbFile.name });
        validate(csv, parsed.codebook);
        return;
      }
      const template = matchTemplateHeader(header, templates);
      if (template) {
        setSource({ kind: 'template', study: template.study, columns: header.length });
        const response = await fetch(`/api/templates/${template.study}.codebook.json`);
        const json: unknown = await response.json();
        const parsed = parseCodebook(json);
        if (!parsed.ok) {
          setPhase({ kind: 'failed', message: ut(locale, 'badCodebook') });
          return;
        }
        validate(csv, parsed.codebook);
        return;
      }
      setSource({ kind: 'mapping' });
      setMapping(proposeMapping(columnProfiles));
      setPhase({ kind: 'mapping', problems: [] });
    },
    [locale, templates, validate],
  );

  const start = useCallback(
    (csv: File | null, cbFile: File | null) => {
      xhr.current?.abort();
      setRawReport(null);
      setSource(null);
      if (!csv) {
        stopWorker();
        setPhase({ kind: 'idle' });
        return;
      }
      setPhase({ kind: 'sampling' });
      run({ type: 'sample', file: csv }, (answer) => {
        if (answer.type === 'report') {
          // The header is past a limit: no mapping, the report says which.
          setCodebook(undefined);
          setRawReport({ report: answer.report, seconds: answer.ms / 1000 });
          setPhase({ kind: 'checked' });
        } else if (answer.type === 'sample') {
          setProfiles(answer.profiles);
          setSampleRows(answer.sampleRows);
          void chooseCodebook(csv, answer.header, cbFile, answer.profiles);
        } else if (answer.type === 'failed') setPhase({ kind: 'failed', message: ut(locale, 'readFailed', { message: answer.message }) });
      });
    },
    [chooseCodebook, locale, run, stopWorker],
  );

  const pickCsv = (f: File | null) => {
    setFile(f);
    if (f) setName(f.name.replace(/\.(csv|tsv|txt)$/i, ''));
    start(f, codebookFile);
  };
  const pickCodebook = (f: File | null) => {
    setCodebookFile(f);
    if (file) start(file, f);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) pickCsv(dropped);
  };

  const cancel = () => {
    stopWorker();
    xhr.current?.abort();
    xhr.current = null;
    setFile(null);
    setRawReport(null);
    setSource(null);
    if (csvInput.current) csvInput.current.value = '';
    setPhase({ kind: 'idle', note: phase.kind === 'uploading' ? 'uploadCancelled' : 'cancelled' });
  };

  const applyMapping = () => {
    if (!file) return;
    const built = buildCodebook(mapping, { name: name || file.name });
    if (!built.ok) {
      setPhase({ kind: 'mapping', problems: built.problems });
      return;
    }
    validate(file, built.codebook);
  };

  const report = useMemo(() => (rawReport ? applyKeepChoices(rawReport.report, [...keep], codebook) : null), [rawReport, keep, codebook]);
  const onKeep = (column: string, on: boolean) =>
    setKeep((old) => {
      const next = new Set(old);
      if (on) next.add(column);
      else next.delete(column);
      return next;
    });

  const send = () => {
    if (!file || !report?.ok) return;
    const form = new FormData();
    form.append('file', file, file.name);
    if (name.trim()) form.append('name', name.trim());
    if (keep.size) form.append('keepPersonal', [...keep].join(','));
    // A template-shaped file is matched by the server itself (and stored as the analyst's data, not synthetic).
    if (source?.kind !== 'template' && codebook) form.append('codebook', new Blob([JSON.stringify(codebook)], { type: 'application/json' }), 'codebook.json');
    const request = new XMLHttpRequest();
    xhr.current = request;
    request.open('POST', '/api/datasets');
    request.responseType = 'json';
    request.upload.onprogress = (e) => {
      if (xhr.current === request) setPhase({ kind: 'uploading', sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    };
    request.onload = () => {
      if (xhr.current !== request) return;
      xhr.current = null;
      if (request.status === 201) {
        setPhase({ kind: 'stored', result: request.response as UploadAnswer });
        router.refresh();
        return;
      }
      const body = request.response as ErrorAnswer | null;
      const problems = body?.error.problems ?? [];
      const report = body?.error.report;
      const total = report ? (report.total ?? Object.values(report.counts).reduce((a, b) => a + b, 0)) : problems.length;
      const message = body?.error ? uploadAnswerMessage(body.error, locale) : ut(locale, 'serverStatus', { status: String(request.status) });
      setPhase({ kind: 'refused', message: ut(locale, 'serverRefused', { message }), problems, total });
    };
    request.onerror = () => {
      if (xhr.current !== request) return;
      xhr.current = null;
      setPhase({ kind: 'failed', message: ut(locale, 'networkFailed') });
    };
    setPhase({ kind: 'uploading', sent: 0, total: file.size });
    request.send(form);
  };

  const reset = () => {
    setFile(null);
    setCodebookFile(null);
    setName('');
    setRawReport(null);
    setSource(null);
    setPhase({ kind: 'idle' });
  };

  const busy = phase.kind === 'sampling' || phase.kind === 'validating' || phase.kind === 'uploading';
  const warnings = report ? report.problems.some((p) => p.type === 'warning') : false;

  return (
    <section className="card upload-panel" aria-labelledby="upload-title" data-testid="upload-panel" data-phase={phase.kind} data-progress={lastPercent ?? undefined}>
      <h2 id="upload-title">{ut(locale, 'title')}</h2>
      <p>{ut(locale, 'intro')}</p>

      {phase.kind !== 'stored' && (
        <div className="upload-inputs">
          <div
            className={`drop-zone${dragging ? ' dragging' : ''}`}
            data-testid="drop-zone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <p>{ut(locale, 'dropHere')}</p>
            <label htmlFor="upload-csv">{ut(locale, 'csvFile')}</label>
            <input ref={csvInput} id="upload-csv" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" disabled={busy} onChange={(e) => pickCsv(e.target.files?.[0] ?? null)} />
            {file && <p className="muted small">{ut(locale, 'chosen', { file: file.name, size: formatBytes(file.size, locale) })}</p>}
          </div>
          <div className="upload-fields">
            <label htmlFor="upload-codebook">{ut(locale, 'codebookFile')}</label>
            <input id="upload-codebook" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => pickCodebook(e.target.files?.[0] ?? null)} aria-describedby="upload-codebook-hint" />
            <p id="upload-codebook-hint" className="muted small">
              {ut(locale, 'codebookHint')}
            </p>
            <label htmlFor="upload-name">{ut(locale, 'datasetName')}</label>
            <input id="upload-name" type="text" value={name} maxLength={200} disabled={busy} onChange={(e) => setName(e.target.value)} />
          </div>
        </div>
      )}

      {phase.kind === 'idle' && phase.note && (
        <p className="status-message" role="status" data-testid="upload-status">
          {ut(locale, phase.note === 'uploadCancelled' ? 'uploadCancelled' : 'cancelled')}
        </p>
      )}

      {source && phase.kind !== 'stored' && phase.kind !== 'sampling' && !(source.kind === 'mapping' && phase.kind === 'mapping') && (
        <p className="source-note" data-testid="codebook-source">
          {source.kind === 'template'
            ? ut(locale, 'matched', { study: studyName(source.study, locale), n: formatNumber(source.columns, locale), total: formatNumber(source.columns, locale) })
            : source.kind === 'uploaded'
              ? ut(locale, 'usingCodebook', { name: source.name })
              : ut(locale, 'usingMapping')}
        </p>
      )}

      {phase.kind === 'sampling' && (
        <p role="status" className="muted">
          {ut(locale, 'sampling')}
        </p>
      )}

      {phase.kind === 'mapping' && (
        <section className="mapping" aria-labelledby="mapping-title" data-testid="mapping-screen">
          <h3 id="mapping-title">{ut(locale, 'mappingTitle')}</h3>
          <p>{ut(locale, 'mappingIntro', { rows: formatNumber(sampleRows, locale) })}</p>
          <MappingTable profiles={profiles} mapping={mapping} onChange={setMapping} locale={locale} />
          {phase.problems.length > 0 && (
            <div className="status-message error" role="alert" data-testid="mapping-problems">
              <p>{ut(locale, 'mappingProblems')}</p>
              <ul>
                {phase.problems.map((p, i) => (
                  <li key={i}>
                    {p.column && <code>{p.column}</code>} {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={applyMapping}>
              {ut(locale, 'applyMapping')}
            </button>
          </div>
        </section>
      )}

      {phase.kind === 'validating' && (
        <div className="upload-progress" data-testid="parse-progress">
          <label htmlFor="parse-progress-bar">{ut(locale, 'progressLabel')}</label>
          <progress id="parse-progress-bar" max={100} value={phase.totalBytes ? Math.round((phase.bytes / phase.totalBytes) * 100) : 0} />
          <p role="status" data-testid="parse-progress-text">
            {ut(locale, 'reading', { rows: formatNumber(phase.rows, locale), percent: formatPercent(phase.totalBytes ? phase.bytes / phase.totalBytes : 0, locale, 0) })}
          </p>
          <button type="button" className="button button-secondary" onClick={cancel}>
            {ut(locale, 'cancel')}
          </button>
        </div>
      )}

      {report && rawReport && file && (phase.kind === 'checked' || phase.kind === 'uploading' || phase.kind === 'refused') && (
        <>
          <ReportView report={report} seconds={rawReport.seconds} fileName={file.name} keep={keep} onKeep={onKeep} locale={locale} />
          {phase.kind !== 'uploading' && (
            <div className="form-actions">
              <button type="button" className="button" disabled={!report.ok} onClick={send} aria-describedby={report.ok ? undefined : 'store-blocked'} data-testid="store-button">
                {warnings ? ut(locale, 'continueAnyway') : ut(locale, 'store')}
              </button>
              {!report.ok && (
                <span id="store-blocked" className="muted">
                  {ut(locale, 'storeBlocked')}
                </span>
              )}
              {source?.kind === 'mapping' && (
                <button type="button" className="button button-secondary" onClick={() => setPhase({ kind: 'mapping', problems: [] })}>
                  {ut(locale, 'backToMapping')}
                </button>
              )}
              {source?.kind === 'mapping' && codebook && (
                <button type="button" className="button button-secondary" onClick={() => downloadText(JSON.stringify(codebook, null, 2), `${codebook.id}.codebook.json`, 'application/json')}>
                  {ut(locale, 'downloadCodebook')}
                </button>
              )}
            </div>
          )}
        </>
      )}

      {phase.kind === 'uploading' && (
        <div className="upload-progress" data-testid="upload-progress">
          <label htmlFor="upload-progress-bar">{ut(locale, 'uploadLabel')}</label>
          <progress id="upload-progress-bar" max={100} value={phase.total ? Math.round((phase.sent / phase.total) * 100) : 0} />
          <p role="status">
            {phase.total && phase.sent >= phase.total
              ? ut(locale, 'serverChecking')
              : ut(locale, 'uploading', { sent: formatBytes(phase.sent, locale), total: formatBytes(phase.total, locale), percent: formatPercent(phase.total ? phase.sent / phase.total : 0, locale, 0) })}
          </p>
          <button type="button" className="button button-secondary" onClick={cancel}>
            {ut(locale, 'cancel')}
          </button>
        </div>
      )}

      {phase.kind === 'refused' && (
        <div data-testid="server-refused">
          <p className="status-message error" role="alert">
            {phase.message}
          </p>
          {phase.problems.length > 0 && <ProblemTable problems={phase.problems} total={Math.max(phase.total, phase.problems.length)} locale={locale} testId="server-problems" />}
        </div>
      )}

      {phase.kind === 'failed' && (
        <div className="status-message error" role="alert" data-testid="upload-failed">
          <p>{phase.message}</p>
          {phase.problems && (
            <ul>
              {phase.problems.slice(0, 100).map((p, i) => (
                <li key={i}>{problemMessage(p, locale)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {phase.kind === 'stored' && (
        <div className="stored" data-testid="upload-stored">
          <p className="status-message" role="status">
            {ut(locale, 'stored', { name: phase.result.dataset.name, n: formatNumber(phase.result.dataset.respondents, locale) })}
            {phase.result.template && ` ${ut(locale, 'storedTemplate', { study: studyName(phase.result.template, locale) })}`}
            {phase.result.droppedColumns.length > 0 && ` ${ut(locale, 'dropped', { columns: phase.result.droppedColumns.join(', ') })}`}
            {phase.result.warnings.length > 0 && ` ${ut(locale, 'serverWarnings', { n: formatNumber(phase.result.warnings.length, locale) })}`}
          </p>
          <p className="form-actions">
            <Link className="button" href={`/explore?dataset=${encodeURIComponent(phase.result.dataset.id)}${locale === 'nl' ? '&lang=nl' : ''}`} prefetch={false}>
              {ut(locale, 'openExplorer')}
            </Link>
            <button type="button" className="button button-secondary" onClick={reset}>
              {ut(locale, 'uploadAnother')}
            </button>
          </p>
        </div>
      )}

      {(phase.kind === 'failed' || phase.kind === 'refused') && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              reset();
              if (csvInput.current) csvInput.current.value = '';
            }}
          >
            {ut(locale, 'startAgain')}
          </button>
        </p>
      )}
    </section>
  );
}
