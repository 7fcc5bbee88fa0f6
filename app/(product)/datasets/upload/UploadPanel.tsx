'use client';
import { useLocale } from 'next-intl';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { codebookForFile } from '@/lib/ingest/files';
import { codebookCheckProblem, codebookTooLargeProblem, ingestProblem, problemMessage, uploadAnswerMessage } from '@/lib/ingest/problemMessages';
import { matchTemplateHeader, type TemplateHeader } from '@/lib/mapping/templates';
import { applyKeepChoices } from '@/lib/ingest/personalProblems';
import { MAX_CODEBOOK_BYTES, type Problem, type ValidationReport } from '@/lib/ingest/types';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { buildCodebook } from '@/lib/mapping/build';
import { fitCodebookToHeader } from '@/lib/mapping/fitCodebook';
import type { MappingDraft } from '@/lib/mapping/draft';
import { columnsMap, matchHeaders } from '@/lib/mapping/matchHeaders';
import type { ColumnProfile } from '@/lib/mapping/profile';
import { UPLOAD_EXTENSIONS } from '@/lib/formats/extensions';
import { applyMetadata } from '@/lib/mapping/fromMetadata';
import { factsOf, proposeDraft } from '@/lib/mapping/propose';
import { freeColumnName, sourceValues, withSourceColumn } from '@/lib/mapping/sources';
import { parseCodebook, type Codebook, type Locale } from '@/lib/survey/codebook';
import { shownValue } from '@/lib/survey/quoteValue';
import { FilesStep, filesChoiceReady, type FilesChoice } from './FilesStep';
import { MappingScreen } from './MappingScreen';
import { mappingText } from './mappingMessages';
import { uploadText } from './messages';
import type { FromWorker, ToWorker } from './protocol';
import { downloadText, ProblemTable, ReportView } from './ReportView';

/**
 * The upload panel of /datasets. Chosen files go through: their headers (in the worker) → a
 * codebook (the uploaded one, a template's, or the mapping screen's, proposed from rows across
 * every file) → for several files, the value that tells them apart and the matching of their
 * columns → a full check of each file in the worker with progress and Cancel → the reports (errors
 * block, warnings let the analyst go on, personal-data columns dropped unless kept) → sending with
 * progress and Cancel → the server's own check and answer. Nothing is stored before the last step
 * succeeds.
 */

type Source = { kind: 'template'; study: string; columns: number } | { kind: 'uploaded'; name: string } | { kind: 'mapping' };

type Phase =
  | { kind: 'idle'; note?: 'cancelled' | 'uploadCancelled' }
  | { kind: 'sampling' }
  | { kind: 'files' }
  | { kind: 'profiling' }
  | { kind: 'mapping'; problems: Problem[] }
  | { kind: 'validating'; file: number; rows: number; bytes: number; totalBytes: number }
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
  files?: { name: string; source: string; rows: number }[];
}

/** A refusal of POST /api/datasets: the problems listed once, beside the report's counts (lib/api/upload.ts `refusalBody`). */
interface ErrorAnswer {
  error: { code: string; message: string; limit?: Problem['limit']; problems?: Problem[]; report?: { counts: Record<string, number>; total?: number } };
}

interface FileReport {
  report: ValidationReport;
  seconds: number;
}

const studyName = (study: string, locale: Locale) => (study === 'study-g' ? uploadText(locale, 'studyG') : study === 'study-p' ? uploadText(locale, 'studyP') : study);

function formatBytes(n: number, locale: Locale): string {
  if (n >= 1024 * 1024) return `${formatNumber(n / 1024 / 1024, locale, 1)} MB`;
  if (n >= 1024) return `${formatNumber(n / 1024, locale, 0)} KB`;
  return `${formatNumber(n, locale)} B`;
}

const stem = (name: string) => name.replace(/\.(csv|tsv|txt|sav|zsav|xlsx|xlsm)$/i, '');

/** The name several files share ("personalisation_survey" of "…_NL_DE" and "…_UK"), else the first one's. */
function commonName(stems: string[]): string {
  let n = 0;
  while (n < stems[0].length && stems.every((s) => s[n] === stems[0][n])) n++;
  return stems[0].slice(0, n).replace(/[\s._-]+$/, '') || stems[0];
}

/** The codebook with a segment telling the files apart, for a template's or an uploaded codebook used with several files. */
function withSourceAttribute(codebook: Codebook, column: string, sources: string[]): Codebook {
  const ids = new Set(codebook.attributes.map((a) => a.id));
  let id = 'source';
  for (let k = 2; ids.has(id); k++) id = `source_${k}`;
  return {
    ...codebook,
    attributes: [...codebook.attributes, { id, column, label: { en: 'File', nl: 'Bestand' }, kind: 'categorical', codes: sources.map((code) => ({ code, label: { en: code, nl: code } })) }],
    sourceColumn: column,
  };
}

export function UploadPanel({ templates }: { templates: TemplateHeader[] }) {
  const locale = useLocale();
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [files, setFiles] = useState<File[]>([]);
  const [headers, setHeaders] = useState<string[][]>([]);
  const [choice, setChoice] = useState<FilesChoice | null>(null);
  const [codebookFile, setCodebookFile] = useState<File | null>(null);
  const [baseCodebook, setBaseCodebook] = useState<{ codebook: Codebook; source: Source } | null>(null);
  const [name, setName] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [codebook, setCodebook] = useState<Codebook | undefined>(undefined);
  const [profiles, setProfiles] = useState<ColumnProfile[]>([]);
  const [sampleRows, setSampleRows] = useState(0);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [reports, setReports] = useState<FileReport[]>([]);
  const [keep, setKeep] = useState<Set<string>>(new Set());
  const [dragging, setDragging] = useState(false);
  /** The last progress of the check, in percent: kept after the report arrives, so that it can be read (and tested) afterwards. */
  const [lastPercent, setLastPercent] = useState<number | null>(null);
  /** A workbook's sheets and the one chosen (default: the first): the chosen sheet goes with every request to the worker and with the upload. */
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const sheetRef = useRef<string | undefined>(undefined);
  const worker = useRef<Worker | null>(null);
  const xhr = useRef<XMLHttpRequest | null>(null);
  const csvInput = useRef<HTMLInputElement>(null);
  const facts = useMemo(() => factsOf(profiles), [profiles]);

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
        setPhase({ kind: 'failed', message: uploadText(locale, 'readFailed', { message: e.message || 'worker error' }) });
      };
      w.postMessage(sheetRef.current === undefined ? message : { ...message, sheet: sheetRef.current });
    },
    [locale, stopWorker],
  );

  /** The `columns` map of each file (the first file's header is the dataset's). */
  const columnMaps = useCallback((list: File[], filesChoice: FilesChoice | null) => list.map((_, i) => (i === 0 || !filesChoice ? {} : columnsMap(filesChoice.matches[i]))), []);

  /** Checks every file, one after the other, each against the codebook as its own header names it. */
  const validate = useCallback(
    (list: File[], cb: Codebook | undefined, filesChoice: FilesChoice | null) => {
      setCodebook(cb);
      setReports([]);
      setKeep(new Set());
      setLastPercent(0);
      const maps = columnMaps(list, filesChoice);
      const done: FileReport[] = [];
      const next = (i: number) => {
        if (i >= list.length) {
          setReports(done);
          setPhase({ kind: 'checked' });
          return;
        }
        setPhase({ kind: 'validating', file: i, rows: 0, bytes: 0, totalBytes: list[i].size });
        const perFile = cb && list.length > 1 ? codebookForFile(cb, maps[i]) : cb;
        run({ type: 'validate', file: list[i], codebook: perFile }, (answer) => {
          if (answer.type === 'progress') {
            setPhase({ kind: 'validating', file: i, rows: answer.rows, bytes: answer.bytes, totalBytes: answer.totalBytes });
            const before = list.slice(0, i).reduce((a, f) => a + f.size, 0);
            const total = list.reduce((a, f) => a + f.size, 0);
            setLastPercent(total ? Math.round(((before + answer.bytes) / total) * 100) : 100);
          } else if (answer.type === 'report') {
            done.push({ report: answer.report, seconds: answer.ms / 1000 });
            if (i === list.length - 1) setLastPercent(100);
            next(i + 1);
          } else if (answer.type === 'failed') setPhase({ kind: 'failed', message: uploadText(locale, 'readFailed', { message: answer.message }) });
        });
      };
      next(0);
    },
    [columnMaps, locale, run],
  );

  /** Reads rows from across the files and opens the mapping screen with its proposal. */
  const openMapping = useCallback(
    (list: File[], header: string[], filesChoice: FilesChoice | null) => {
      setPhase({ kind: 'profiling' });
      run({ type: 'profile', files: list, target: header, columns: columnMaps(list, filesChoice) }, (answer) => {
        if (answer.type === 'profile') {
          let proposed = proposeDraft(answer.profiles);
          // An SPSS file's dictionary: labels, missing codes, weight, labelled scales and families.
          if (answer.metadata) proposed = applyMetadata(proposed, answer.metadata, Object.fromEntries(answer.profiles.map((p) => [p.column, p.values.map((v) => v.value)])));
          let all = answer.profiles;
          if (filesChoice && list.length > 1) {
            const added = withSourceColumn(proposed, all, filesChoice.sourceColumn.trim(), filesChoice.sources.map((s) => s.trim()), list.map(() => 0));
            proposed = added.draft;
            all = added.profiles;
          }
          setProfiles(all);
          setSampleRows(answer.sampleRows);
          setDraft(proposed);
          setSource({ kind: 'mapping' });
          setPhase({ kind: 'mapping', problems: [] });
        } else if (answer.type === 'failed') setPhase({ kind: 'failed', message: uploadText(locale, 'readFailed', { message: answer.message }) });
      });
    },
    [columnMaps, locale, run],
  );

  /** The codebook of an uploaded JSON file, or a failure shown to the analyst. */
  const readCodebookFile = useCallback(
    async (cbFile: File): Promise<Codebook | null> => {
      if (cbFile.size > MAX_CODEBOOK_BYTES) {
        setPhase({ kind: 'failed', message: uploadText(locale, 'badCodebook'), problems: [codebookTooLargeProblem(cbFile.size, MAX_CODEBOOK_BYTES)] });
        return null;
      }
      let parsed: ReturnType<typeof parseCodebook>;
      try {
        parsed = parseCodebook(JSON.parse((await cbFile.text()).replace(/^\uFEFF/, '')));
      } catch (e) {
        setPhase({ kind: 'failed', message: uploadText(locale, 'badCodebook'), problems: [ingestProblem('BadCodebook.json', { detail: shownValue(e instanceof Error ? e.message : String(e), 200) })] });
        return null;
      }
      if (!parsed.ok) {
        setPhase({ kind: 'failed', message: uploadText(locale, 'badCodebook'), problems: parsed.problems.map(codebookCheckProblem) });
        return null;
      }
      return parsed.codebook;
    },
    [locale],
  );

  /** After the headers: an uploaded codebook, a template's, or the mapping screen; several files first get the files step. */
  const chooseCodebook = useCallback(
    async (list: File[], fileHeaders: string[][], cbFile: File | null) => {
      let given: { codebook: Codebook; source: Source } | null = null;
      if (cbFile) {
        const cb = await readCodebookFile(cbFile);
        if (!cb) return;
        // A stored dataset's codebook fits the next file even when its headers differ only in style.
        given = { codebook: fitCodebookToHeader(cb, fileHeaders[0]).codebook, source: { kind: 'uploaded', name: cbFile.name } };
      } else {
        const template = matchTemplateHeader(fileHeaders[0], templates);
        if (template) {
          const response = await fetch(`/api/templates/${template.study}.codebook.json`);
          const parsed = parseCodebook(await response.json());
          if (!parsed.ok) {
            setPhase({ kind: 'failed', message: uploadText(locale, 'badCodebook') });
            return;
          }
          given = { codebook: parsed.codebook, source: { kind: 'template', study: template.study, columns: fileHeaders[0].length } };
        }
      }
      setBaseCodebook(given);
      if (list.length > 1) {
        setChoice({ sources: sourceValues(list.map((f) => f.name)), sourceColumn: freeColumnName(fileHeaders[0]), matches: fileHeaders.map((h, i) => (i === 0 ? matchHeaders(fileHeaders[0], h) : matchHeaders(fileHeaders[0], h))), prefixIds: false });
        setPhase({ kind: 'files' });
        return;
      }
      setChoice(null);
      if (given) {
        setSource(given.source);
        validate(list, given.codebook, null);
      } else openMapping(list, fileHeaders[0], null);
    },
    [locale, openMapping, readCodebookFile, templates, validate],
  );

  const start = useCallback(
    (list: File[], cbFile: File | null) => {
      xhr.current?.abort();
      setReports([]);
      setSource(null);
      setDraft(null);
      if (list.length === 0) {
        stopWorker();
        setPhase({ kind: 'idle' });
        return;
      }
      setPhase({ kind: 'sampling' });
      run({ type: 'headers', files: list }, (answer) => {
        if (answer.type === 'report') {
          // A header is past a limit, or the file (the chosen sheet) cannot be read: no mapping, the report says why.
          setSheets(list.length === 1 ? (answer.sheets ?? []) : []);
          setCodebook(undefined);
          const only = list[answer.file ?? 0];
          setFiles([only]);
          setReports([{ report: answer.report, seconds: answer.ms / 1000 }]);
          setPhase({ kind: 'checked' });
        } else if (answer.type === 'headers') {
          setSheets(list.length === 1 ? (answer.sheets ?? []) : []);
          setHeaders(answer.headers);
          void chooseCodebook(list, answer.headers, cbFile);
        } else if (answer.type === 'failed') setPhase({ kind: 'failed', message: uploadText(locale, 'readFailed', { message: answer.message }) });
      });
    },
    [chooseCodebook, locale, run, stopWorker],
  );

  const forgetSheet = () => {
    sheetRef.current = undefined;
    setSheet(undefined);
    setSheets([]);
  };
  const pickFiles = (list: File[]) => {
    forgetSheet();
    setFiles(list);
    if (list.length) setName(list.length === 1 ? stem(list[0].name) : commonName(list.map((f) => stem(f.name))));
    start(list, codebookFile);
  };
  /** Another sheet of the workbook: read again from its header on. */
  const chooseSheet = (name: string) => {
    sheetRef.current = name;
    setSheet(name);
    start(files, codebookFile);
  };
  const pickCodebook = (f: File | null) => {
    setCodebookFile(f);
    if (files.length) start(files, f);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const dropped = [...e.dataTransfer.files];
    if (dropped.length) pickFiles(dropped);
  };

  const cancel = () => {
    stopWorker();
    xhr.current?.abort();
    xhr.current = null;
    setFiles([]);
    forgetSheet();
    setReports([]);
    setSource(null);
    if (csvInput.current) csvInput.current.value = '';
    setPhase({ kind: 'idle', note: phase.kind === 'uploading' ? 'uploadCancelled' : 'cancelled' });
  };

  /** The files step's Continue: a given codebook gains the files' column; otherwise the mapping screen. */
  const continueFiles = () => {
    if (!choice || !filesChoiceReady(choice)) return;
    if (baseCodebook) {
      setSource(baseCodebook.source);
      validate(files, withSourceAttribute(baseCodebook.codebook, choice.sourceColumn.trim(), choice.sources.map((s) => s.trim())), choice);
    } else openMapping(files, headers[0], choice);
  };

  const applyMapping = () => {
    if (!files.length || !draft) return;
    const built = buildCodebook(draft, { name: name || files[0].name, ...(choice && files.length > 1 ? { keep: { sourceColumn: choice.sourceColumn.trim() } } : {}) });
    if (!built.ok) {
      setPhase({ kind: 'mapping', problems: built.problems });
      return;
    }
    validate(files, built.codebook, files.length > 1 ? choice : null);
  };

  const shownReports = useMemo(
    () => reports.map((r, i) => applyKeepChoices(r.report, [...keep], codebook && files.length > 1 && choice ? codebookForFile(codebook, columnMaps(files, choice)[i]) : codebook)),
    [reports, keep, codebook, files, choice, columnMaps],
  );
  const allOk = shownReports.length > 0 && shownReports.every((r) => r.ok);
  const onKeep = (column: string, on: boolean) =>
    setKeep((old) => {
      const next = new Set(old);
      if (on) next.add(column);
      else next.delete(column);
      return next;
    });

  const send = () => {
    if (!files.length || !allOk) return;
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    if (name.trim()) form.append('name', name.trim());
    if (keep.size) form.append('keepPersonal', [...keep].join(','));
    if (files.length === 1 && sheetRef.current !== undefined) form.append('sheet', sheetRef.current);
    // A single template-shaped file is matched by the server itself (and stored as the analyst's data, not synthetic).
    if (!(source?.kind === 'template' && files.length === 1) && codebook) form.append('codebook', new Blob([JSON.stringify(codebook)], { type: 'application/json' }), 'codebook.json');
    if (files.length > 1 && choice)
      form.append(
        'files',
        JSON.stringify({ sourceColumn: choice.sourceColumn.trim(), prefixIds: choice.prefixIds, files: files.map((_, i) => ({ source: choice.sources[i].trim(), columns: i === 0 ? {} : columnsMap(choice.matches[i]) })) }),
      );
    const total = files.reduce((a, f) => a + f.size, 0);
    const request = new XMLHttpRequest();
    xhr.current = request;
    request.open('POST', '/api/datasets');
    request.responseType = 'json';
    request.upload.onprogress = (e) => {
      if (xhr.current === request) setPhase({ kind: 'uploading', sent: e.loaded, total: e.lengthComputable ? e.total : total });
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
      const count = report ? (report.total ?? Object.values(report.counts).reduce((a, b) => a + b, 0)) : problems.length;
      const message = body?.error ? uploadAnswerMessage(body.error, locale) : uploadText(locale, 'serverStatus', { status: String(request.status) });
      setPhase({ kind: 'refused', message: uploadText(locale, 'serverRefused', { message }), problems, total: count });
    };
    request.onerror = () => {
      if (xhr.current !== request) return;
      xhr.current = null;
      setPhase({ kind: 'failed', message: uploadText(locale, 'networkFailed') });
    };
    setPhase({ kind: 'uploading', sent: 0, total });
    request.send(form);
  };

  const reset = () => {
    setFiles([]);
    forgetSheet();
    setCodebookFile(null);
    setName('');
    setReports([]);
    setSource(null);
    setDraft(null);
    setChoice(null);
    setPhase({ kind: 'idle' });
  };

  const busy = phase.kind === 'sampling' || phase.kind === 'profiling' || phase.kind === 'validating' || phase.kind === 'uploading';
  const warnings = shownReports.some((r) => r.problems.some((p) => p.type === 'warning'));
  const totalBytes = files.reduce((a, f) => a + f.size, 0);

  return (
    <section className="card upload-panel" aria-labelledby="upload-title" data-testid="upload-panel" data-phase={phase.kind} data-progress={lastPercent ?? undefined}>
      <h2 id="upload-title">{uploadText(locale, 'title')}</h2>
      <p>{uploadText(locale, 'intro')}</p>

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
            <p>{uploadText(locale, 'dropHere')}</p>
            <label htmlFor="upload-csv">{uploadText(locale, 'csvFile')}</label>
            <input ref={csvInput} id="upload-csv" type="file" multiple accept={`${UPLOAD_EXTENSIONS},text/csv,text/tab-separated-values`} disabled={busy} onChange={(e) => pickFiles([...(e.target.files ?? [])])} aria-describedby="upload-csv-hint" />
            <p id="upload-csv-hint" className="muted small">
              {uploadText(locale, 'severalFiles')}
            </p>
            {files.length > 0 && <p className="muted small">{files.length === 1 ? uploadText(locale, 'chosen', { file: files[0].name, size: formatBytes(files[0].size, locale) }) : uploadText(locale, 'chosenSeveral', { n: files.length, size: formatBytes(totalBytes, locale) })}</p>}
            {files.length === 1 && sheets.length > 1 && (
              <div className="sheet-choice" data-testid="sheet-choice">
                <label htmlFor="upload-sheet">{uploadText(locale, 'sheet')}</label>
                <select id="upload-sheet" value={sheet ?? sheets[0]} disabled={busy} onChange={(e) => chooseSheet(e.target.value)} aria-describedby="upload-sheet-hint">
                  {sheets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
                <p id="upload-sheet-hint" className="muted small">
                  {uploadText(locale, 'sheetHint', { n: formatNumber(sheets.length, locale) })}
                </p>
              </div>
            )}
          </div>
          <div className="upload-fields">
            <label htmlFor="upload-codebook">{uploadText(locale, 'codebookFile')}</label>
            <input id="upload-codebook" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => pickCodebook(e.target.files?.[0] ?? null)} aria-describedby="upload-codebook-hint" />
            <p id="upload-codebook-hint" className="muted small">
              {uploadText(locale, 'codebookHint')}
            </p>
            <label htmlFor="upload-name">{uploadText(locale, 'datasetName')}</label>
            <input id="upload-name" type="text" value={name} maxLength={200} disabled={busy} onChange={(e) => setName(e.target.value)} />
          </div>
        </div>
      )}

      {phase.kind === 'idle' && phase.note && (
        <p className="status-message" role="status" data-testid="upload-status">
          {uploadText(locale, phase.note === 'uploadCancelled' ? 'uploadCancelled' : 'cancelled')}
        </p>
      )}

      {source && phase.kind !== 'stored' && phase.kind !== 'sampling' && !(source.kind === 'mapping' && phase.kind === 'mapping') && (
        <p className="source-note" data-testid="codebook-source">
          {source.kind === 'template'
            ? uploadText(locale, 'matched', { study: studyName(source.study, locale), n: formatNumber(source.columns, locale), total: formatNumber(source.columns, locale) })
            : source.kind === 'uploaded'
              ? uploadText(locale, 'usingCodebook', { name: source.name })
              : uploadText(locale, 'usingMapping')}
        </p>
      )}

      {(phase.kind === 'sampling' || phase.kind === 'profiling') && (
        <p role="status" className="muted">
          {phase.kind === 'sampling' ? uploadText(locale, 'sampling') : mappingText(locale, 'profiling')}
        </p>
      )}

      {phase.kind === 'files' && choice && (
        <>
          <FilesStep
            files={files.map((f) => f.name)}
            datasetColumns={headers[0] ?? []}
            choice={choice}
            onChange={setChoice}
            onRemove={(i) => {
              const list = files.filter((_, k) => k !== i);
              pickFiles(list);
            }}
          />
          <div className="form-actions">
            <button type="button" className="button" disabled={!filesChoiceReady(choice)} onClick={continueFiles}>
              {mappingText(locale, 'continueToMapping')}
            </button>
          </div>
        </>
      )}

      {phase.kind === 'mapping' && draft && (
        <section className="mapping" aria-labelledby="mapping-title" data-testid="mapping-screen">
          <h3 id="mapping-title">{mappingText(locale, 'mappingTitle')}</h3>
          <p>{mappingText(locale, 'mappingIntro', { rows: formatNumber(sampleRows, locale) })}</p>
          <MappingScreen draft={draft} facts={facts} onChange={setDraft} problems={phase.problems}>
            <div className="form-actions">
              <button type="button" className="button" onClick={applyMapping} data-testid="apply-mapping">
                {files.length > 1 ? mappingText(locale, 'applyMappingFiles', { n: files.length }) : mappingText(locale, 'applyMapping')}
              </button>
              {files.length > 1 && (
                <button type="button" className="button button-secondary" onClick={() => setPhase({ kind: 'files' })}>
                  {mappingText(locale, 'filesTitle')}
                </button>
              )}
            </div>
          </MappingScreen>
        </section>
      )}

      {phase.kind === 'validating' && (
        <div className="upload-progress" data-testid="parse-progress">
          <label htmlFor="parse-progress-bar">{files.length > 1 ? mappingText(locale, 'checkingFile', { n: phase.file + 1, total: files.length, file: files[phase.file]?.name ?? '' }) : uploadText(locale, 'progressLabel')}</label>
          <progress id="parse-progress-bar" max={100} value={phase.totalBytes ? Math.round((phase.bytes / phase.totalBytes) * 100) : 0} />
          <p role="status" data-testid="parse-progress-text">
            {uploadText(locale, 'reading', { rows: formatNumber(phase.rows, locale), percent: formatPercent(phase.totalBytes ? phase.bytes / phase.totalBytes : 0, locale, 0) })}
          </p>
          <button type="button" className="button button-secondary" onClick={cancel}>
            {uploadText(locale, 'cancel')}
          </button>
        </div>
      )}

      {shownReports.length > 0 && files.length > 0 && (phase.kind === 'checked' || phase.kind === 'uploading' || phase.kind === 'refused') && (
        <>
          {shownReports.map((report, i) => (
            <div key={i} className="file-report" data-testid={files.length > 1 ? 'file-report' : undefined}>
              {shownReports.length > 1 && <h3>{mappingText(locale, 'fileReport', { n: i + 1, total: files.length, file: files[i].name })}</h3>}
              <ReportView report={report} seconds={reports[i].seconds} fileName={files[i]?.name ?? ''} keep={keep} onKeep={onKeep} />
            </div>
          ))}
          {phase.kind !== 'uploading' && (
            <div className="form-actions">
              <button type="button" className="button" disabled={!allOk} onClick={send} aria-describedby={allOk ? undefined : 'store-blocked'} data-testid="store-button">
                {warnings ? uploadText(locale, 'continueAnyway') : uploadText(locale, 'store')}
              </button>
              {!allOk && (
                <span id="store-blocked" className="muted">
                  {uploadText(locale, 'storeBlocked')}
                </span>
              )}
              {source?.kind === 'mapping' && (
                <button type="button" className="button button-secondary" onClick={() => setPhase({ kind: 'mapping', problems: [] })}>
                  {uploadText(locale, 'backToMapping')}
                </button>
              )}
              {source?.kind === 'mapping' && codebook && (
                <button type="button" className="button button-secondary" onClick={() => downloadText(JSON.stringify(codebook, null, 2), `${codebook.id}.codebook.json`, 'application/json')}>
                  {uploadText(locale, 'downloadCodebook')}
                </button>
              )}
            </div>
          )}
        </>
      )}

      {phase.kind === 'uploading' && (
        <div className="upload-progress" data-testid="upload-progress">
          <label htmlFor="upload-progress-bar">{uploadText(locale, 'uploadLabel')}</label>
          <progress id="upload-progress-bar" max={100} value={phase.total ? Math.round((phase.sent / phase.total) * 100) : 0} />
          <p role="status">
            {phase.total && phase.sent >= phase.total
              ? uploadText(locale, 'serverChecking')
              : uploadText(locale, 'uploading', { sent: formatBytes(phase.sent, locale), total: formatBytes(phase.total, locale), percent: formatPercent(phase.total ? phase.sent / phase.total : 0, locale, 0) })}
          </p>
          <button type="button" className="button button-secondary" onClick={cancel}>
            {uploadText(locale, 'cancel')}
          </button>
        </div>
      )}

      {phase.kind === 'refused' && (
        <div data-testid="server-refused">
          <p className="status-message error" role="alert">
            {phase.message}
          </p>
          {phase.problems.length > 0 && <ProblemTable problems={phase.problems} total={Math.max(phase.total, phase.problems.length)} testId="server-problems" />}
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
            {uploadText(locale, 'stored', { name: phase.result.dataset.name, n: phase.result.dataset.respondents })}
            {phase.result.files && phase.result.files.length > 1 && ` ${uploadText(locale, 'storedFiles', { files: phase.result.files.map((f) => `${f.source} (${formatNumber(f.rows, locale)})`).join(', ') })}`}
            {phase.result.template && ` ${uploadText(locale, 'storedTemplate', { study: studyName(phase.result.template, locale) })}`}
            {phase.result.droppedColumns.length > 0 && ` ${uploadText(locale, 'dropped', { columns: phase.result.droppedColumns.join(', ') })}`}
            {phase.result.warnings.length > 0 && ` ${uploadText(locale, 'serverWarnings', { n: phase.result.warnings.length })}`}
          </p>
          <p className="form-actions">
            <Link className="button" href={`/explore?dataset=${encodeURIComponent(phase.result.dataset.id)}${locale === 'nl' ? '&lang=nl' : ''}`} prefetch={false}>
              {uploadText(locale, 'openExplorer')}
            </Link>
            <Link className="button button-secondary" href={`/datasets/${encodeURIComponent(phase.result.dataset.id)}${locale === 'nl' ? '?lang=nl' : ''}`} prefetch={false}>
              {uploadText(locale, 'openDataset')}
            </Link>
            <button type="button" className="button button-secondary" onClick={reset}>
              {uploadText(locale, 'uploadAnother')}
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
            {uploadText(locale, 'startAgain')}
          </button>
        </p>
      )}
    </section>
  );
}
