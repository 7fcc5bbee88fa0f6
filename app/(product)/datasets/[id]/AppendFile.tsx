'use client';
import { useLocale } from 'next-intl';

import { UPLOAD_EXTENSIONS } from '@/lib/formats/extensions';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { codebookForFile, withSourceColumn } from '@/lib/ingest/files';
import { uploadAnswerMessage } from '@/lib/ingest/problemMessages';
import type { Problem, ValidationReport } from '@/lib/ingest/types';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { columnsMap, matchHeaders, type HeaderMatch } from '@/lib/mapping/matchHeaders';
import { sourceValues } from '@/lib/mapping/sources';
import type { Codebook } from '@/lib/survey/codebook';
import { forgetClientColumns } from '@/app/components/clientColumns';
import { FilesStep, filesChoiceReady, type FilesChoice } from '../upload/FilesStep';
import { mappingText } from '../upload/mappingMessages';
import { uploadText } from '../upload/messages';
import type { FromWorker, ToWorker } from '../upload/protocol';
import { ProblemTable, ReportView } from '../upload/ReportView';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'matching' }
  | { kind: 'validating'; bytes: number; totalBytes: number; rows: number }
  | { kind: 'checked'; report: ValidationReport; seconds: number }
  | { kind: 'sending' }
  | { kind: 'added'; respondents: number }
  | { kind: 'failed'; message: string; problems: Problem[]; total: number };

/**
 * Appends another file of the same study (a country, a wave) to a stored dataset: its columns are
 * matched to the dataset's, it gets its own value in the column that tells the files apart, it is
 * checked in the browser against the codebook as its own header names it, and the server checks
 * and stores it with the rest in one step (POST /api/datasets/<id>/files).
 */
export function AppendFile({ datasetId, header, codebook }: { datasetId: string; header: string[]; codebook: Codebook }) {
  const locale = useLocale();
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<FilesChoice | null>(null);
  const [existing, setExisting] = useState('');
  const worker = useRef<Worker | null>(null);
  const sourceColumn = codebook.sourceColumn;
  // The dataset's own columns, without the one the merge added: what the new file is matched to.
  const columns = header.filter((h) => h !== sourceColumn);
  const sourceAttribute = codebook.attributes.find((a) => a.column === sourceColumn);
  const taken = sourceAttribute?.kind === 'categorical' ? sourceAttribute.codes.map((c) => c.code) : [];

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);
  const run = (message: ToWorker, onAnswer: (a: FromWorker) => void) => {
    stop();
    const w = new Worker(new URL('../upload/upload.worker.ts', import.meta.url));
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (worker.current !== w) return;
      if (e.data.type !== 'progress') stop();
      onAnswer(e.data);
    };
    w.onerror = (e) => setPhase({ kind: 'failed', message: e.message || 'worker error', problems: [], total: 0 });
    w.postMessage(message);
  };

  const pick = (f: File | null) => {
    setFile(f);
    if (!f) return setPhase({ kind: 'idle' });
    setPhase({ kind: 'reading' });
    run({ type: 'headers', files: [f] }, (answer) => {
      if (answer.type === 'headers') {
        const match: HeaderMatch = matchHeaders(columns, answer.headers[0]);
        const [mine] = sourceValues([f.name]);
        setChoice({ sources: ['', mine], sourceColumn: sourceColumn ?? 'source', matches: [matchHeaders(columns, columns), match], prefixIds: false });
        setPhase({ kind: 'matching' });
      } else if (answer.type === 'report') setPhase({ kind: 'checked', report: answer.report, seconds: answer.ms / 1000 });
      else if (answer.type === 'failed') setPhase({ kind: 'failed', message: answer.message, problems: [], total: 0 });
    });
  };

  const source = choice?.sources[1]?.trim() ?? '';
  const sourceTaken = taken.includes(source);
  const ready = !!choice && !!file && source !== '' && !sourceTaken && (sourceColumn !== undefined || (existing.trim() !== '' && existing.trim() !== source)) && filesChoiceReady({ ...choice, sources: [existing.trim() || '(stored)', source] });

  const check = () => {
    if (!file || !choice) return;
    const base = sourceColumn ? codebook : withSourceColumn(codebook, header, existing.trim());
    const forFile = codebookForFile(base, columnsMap(choice.matches[1]));
    setPhase({ kind: 'validating', bytes: 0, totalBytes: file.size, rows: 0 });
    run({ type: 'validate', file, codebook: forFile }, (answer) => {
      if (answer.type === 'progress') setPhase({ kind: 'validating', bytes: answer.bytes, totalBytes: answer.totalBytes, rows: answer.rows });
      else if (answer.type === 'report') setPhase({ kind: 'checked', report: answer.report, seconds: answer.ms / 1000 });
      else if (answer.type === 'failed') setPhase({ kind: 'failed', message: answer.message, problems: [], total: 0 });
    });
  };

  const send = async () => {
    if (!file || !choice) return;
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('source', source);
    form.append('columns', JSON.stringify(columnsMap(choice.matches[1])));
    if (choice.prefixIds) form.append('prefixIds', 'true');
    if (!sourceColumn) form.append('existingSource', existing.trim());
    setPhase({ kind: 'sending' });
    const response = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/files`, { method: 'POST', body: form }).catch(() => null);
    if (response?.status === 201) {
      const body = (await response.json()) as { dataset?: { respondents: number }; respondents?: number };
      setPhase({ kind: 'added', respondents: body.dataset?.respondents ?? body.respondents ?? 0 });
      forgetClientColumns(datasetId);
      router.refresh();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: { code?: string; message?: string; problems?: Problem[]; report?: { counts?: Record<string, number>; problems?: Problem[] } } } | null;
    const list = body?.error?.problems ?? body?.error?.report?.problems ?? [];
    const message = body?.error?.message !== undefined ? uploadAnswerMessage({ code: '', ...body.error, message: body.error.message }, locale) : response ? `HTTP ${response.status}` : uploadText(locale, 'networkFailed');
    setPhase({ kind: 'failed', message, problems: list, total: body?.error?.report?.counts ? Object.values(body.error.report.counts).reduce((a, b) => a + b, 0) : list.length });
  };

  return (
    <section className="card" aria-labelledby="append-title" data-testid="append-file">
      <h2 id="append-title">{mappingText(locale, 'appendTitle')}</h2>
      <p>{mappingText(locale, 'appendIntro', { column: sourceColumn ?? 'source' })}</p>
      <label htmlFor="append-csv">{mappingText(locale, 'appendFile')}</label>{' '}
      <input id="append-csv" type="file" accept={`${UPLOAD_EXTENSIONS},text/csv`} disabled={phase.kind === 'validating' || phase.kind === 'sending'} onChange={(e) => pick(e.target.files?.[0] ?? null)} />
      {phase.kind === 'reading' && <p role="status" className="muted">{uploadText(locale, 'sampling')}</p>}
      {file && choice && (phase.kind === 'matching' || phase.kind === 'checked' || phase.kind === 'failed') && (
        <>
          {!sourceColumn && (
            <label className="inline-field">
              {mappingText(locale, 'existingSource')}{' '}
              <input type="text" value={existing} maxLength={80} onChange={(e) => setExisting(e.target.value)} />
            </label>
          )}
          <FilesStep
            files={[mappingText(locale, 'storedRows'), file.name]}
            datasetColumns={columns}
            choice={choice}
            onChange={(next) => setChoice({ ...next, sources: ['', next.sources[1]], sourceColumn: sourceColumn ?? next.sourceColumn })}
            onRemove={() => pick(null)}
            stored={{ sourceColumnFixed: sourceColumn !== undefined, firstSource: sourceColumn ? taken.join(', ') : existing || '–' }}
          />
          {sourceTaken && <p className="field-error" role="alert">{mappingText(locale, 'sourceTaken', { value: source })}</p>}
          {phase.kind === 'matching' && (
            <p className="form-actions">
              <button type="button" className="button" disabled={!ready} onClick={check}>
                {mappingText(locale, 'appendCheck')}
              </button>
            </p>
          )}
        </>
      )}
      {phase.kind === 'validating' && (
        <div className="upload-progress">
          <label htmlFor="append-progress">{uploadText(locale, 'progressLabel')}</label>
          <progress id="append-progress" max={100} value={phase.totalBytes ? Math.round((phase.bytes / phase.totalBytes) * 100) : 0} />
          <p role="status">{uploadText(locale, 'reading', { rows: formatNumber(phase.rows, locale), percent: formatPercent(phase.totalBytes ? phase.bytes / phase.totalBytes : 0, locale, 0) })}</p>
        </div>
      )}
      {phase.kind === 'checked' && file && (
        <>
          <ReportView report={phase.report} seconds={phase.seconds} fileName={file.name} keep={new Set()} onKeep={() => {}} />
          <p className="form-actions">
            <button type="button" className="button" disabled={!phase.report.ok || !ready} onClick={send} data-testid="append-store">
              {uploadText(locale, 'store')}
            </button>
          </p>
        </>
      )}
      {phase.kind === 'sending' && <p role="status" className="muted">{uploadText(locale, 'serverChecking')}</p>}
      {phase.kind === 'added' && (
        <p role="status" className="status-message" data-testid="append-added">
          {mappingText(locale, 'appended', { n: phase.respondents })}
        </p>
      )}
      {phase.kind === 'failed' && (
        <div role="alert">
          <p className="status-message error">{uploadText(locale, 'serverRefused', { message: phase.message })}</p>
          {phase.problems.length > 0 && <ProblemTable problems={phase.problems} total={Math.max(phase.total, phase.problems.length)} testId="append-problems" />}
        </div>
      )}
    </section>
  );
}
