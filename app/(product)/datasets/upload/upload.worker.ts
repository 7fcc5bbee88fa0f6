import { checkSource, unreadableReport } from '@/lib/formats/checkSource';
import type { SourceMetadata } from '@/lib/formats/metadata';
import { openBlob, type OpenedBlob } from '@/lib/formats/openBlob';
import { headerLimitProblems, shapeLimits } from '@/lib/ingest/limits';
import { readSample } from '@/lib/ingest/sample';
import { validateBlob } from '@/lib/ingest/validator';
import { Profiler } from '@/lib/mapping/profile';
import { projectRows, sampleAcross, type SampledFile } from '@/lib/mapping/sampleFile';
import { PROGRESS_INTERVAL_MS, type FromWorker, type ToWorker } from './protocol';

/**
 * The upload panel's worker: reads the chosen files off the main thread. First their headers (for
 * the template match and the matching of several files), then rows from across every file for the
 * mapping screen's proposal, then each whole file through the upload validator, posting throttled
 * progress. A CSV is read slice by slice; an SPSS file or a workbook is read whole into its records
 * (lib/formats), checked by the same record checks, and its dictionary goes to the proposal.
 * Cancelling terminates the worker.
 */
const scope = self as unknown as { postMessage(message: FromWorker): void; addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void };
const post = (message: FromWorker) => scope.postMessage(message);

/** Files read whole are kept for the next read of the same file in this task (a worker lives for one task, one sheet). */
const opened = new WeakMap<Blob, Promise<OpenedBlob>>();
let sheet: string | undefined;
const open = (file: File) => {
  let o = opened.get(file);
  if (!o) opened.set(file, (o = openBlob(file, { sheet })));
  return o;
};
/** A workbook's sheets, in its order: the chosen sheet's file says them, a file that cannot be read lists them too. */
const sheetsOf = (o: OpenedBlob) => ('source' in o ? o.source.sheets : 'sheets' in o ? o.sheets : undefined);

/** Rows profiled per file at most: every k-th row of a longer one, so that the whole file is seen. */
const PROFILE_ROWS = 40_000;

async function sampleOf(file: File): Promise<{ sample: SampledFile; metadata?: SourceMetadata }> {
  const o = await open(file);
  if (!('source' in o)) return { sample: await sampleAcross(file) };
  const step = Math.max(1, Math.ceil(o.source.expectedRows / PROFILE_ROWS));
  const rows: string[][] = [];
  let k = 0;
  for (const row of o.source.rows()) if (k++ % step === 0) rows.push(row);
  return { sample: { header: o.source.header, rows, complete: step === 1 }, metadata: o.source.metadata };
}

scope.addEventListener('message', async (event) => {
  const message = event.data;
  sheet = message.sheet;
  try {
    if (message.type === 'headers') {
      const headers: string[][] = [];
      let sheets: string[] | undefined;
      for (const [i, file] of message.files.entries()) {
        const started = performance.now();
        const o = await open(file);
        if (i === 0) sheets = sheetsOf(o);
        if ('problem' in o) {
          post({ type: 'report', report: unreadableReport(o.problem, o.format === 'csv' ? undefined : o.format, sheet ?? sheets?.[0]), ms: performance.now() - started, file: i, ...(sheets ? { sheets } : {}) });
          return;
        }
        const header = 'source' in o ? o.source.header : (await readSample(file, 1024 * 1024, 1)).header;
        // A header past the limits (columns, name length) cannot be mapped: the validator's report says why.
        if (headerLimitProblems(header, shapeLimits({})).length > 0) {
          const report = 'source' in o ? checkSource(o.source).report : await validateBlob(file);
          post({ type: 'report', report, ms: performance.now() - started, file: i, ...(sheets ? { sheets } : {}) });
          return;
        }
        headers.push(header);
      }
      post({ type: 'headers', headers, ...(sheets ? { sheets } : {}) });
      return;
    }
    if (message.type === 'profile') {
      const profiler = new Profiler(message.target);
      let rows = 0;
      let complete = true;
      let metadata: SourceMetadata | undefined;
      for (const [i, file] of message.files.entries()) {
        const { sample, metadata: own } = await sampleOf(file);
        complete &&= sample.complete;
        const columns = message.columns[i] ?? {};
        // The dictionary of the first file that has one, its variables renamed into the dataset's columns.
        if (own && !metadata) metadata = { ...own, variables: own.variables.map((v) => ({ ...v, name: columns[v.name] ?? v.name })), ...(own.weight ? { weight: columns[own.weight] ?? own.weight } : {}) };
        for (const row of projectRows(sample, message.target, columns)) {
          profiler.add(row);
          rows++;
        }
      }
      post({ type: 'profile', profiles: profiler.profiles(), sampleRows: rows, complete, ...(metadata ? { metadata } : {}) });
      return;
    }
    const started = performance.now();
    let last = 0;
    const progress = (p: { rows: number; bytes: number; totalBytes: number }) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS && p.bytes < p.totalBytes) return;
      last = now;
      post({ type: 'progress', ...p });
    };
    const o = await open(message.file);
    let report;
    if ('problem' in o) report = unreadableReport(o.problem, o.format === 'csv' ? undefined : o.format);
    else if ('source' in o) {
      const total = message.file.size;
      const expected = o.source.expectedRows;
      report = checkSource(o.source, { codebook: message.codebook }, { onProgress: (rows) => progress({ rows, bytes: expected > 0 ? Math.min(total, Math.round((total * rows) / expected)) : 0, totalBytes: total }) }).report;
    } else report = await validateBlob(message.file, { codebook: message.codebook }, { onProgress: progress });
    post({ type: 'report', report, ms: performance.now() - started });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
});
