import { headerLimitProblems, shapeLimits } from '@/lib/ingest/limits';
import { readSample } from '@/lib/ingest/sample';
import { validateBlob } from '@/lib/ingest/validator';
import { Profiler } from '@/lib/mapping/profile';
import { projectRows, sampleAcross } from '@/lib/mapping/sampleFile';
import { PROGRESS_INTERVAL_MS, type FromWorker, type ToWorker } from './protocol';

/**
 * The upload panel's worker: reads the chosen files off the main thread. First their headers (for
 * the template match and the matching of several files), then rows from across every file for the
 * mapping screen's proposal, then each whole file slice by slice through the streaming validator,
 * posting throttled progress. Cancelling terminates the worker.
 */
const scope = self as unknown as { postMessage(message: FromWorker): void; addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void };
const post = (message: FromWorker) => scope.postMessage(message);

scope.addEventListener('message', async (event) => {
  const message = event.data;
  try {
    if (message.type === 'headers') {
      const headers: string[][] = [];
      for (const [i, file] of message.files.entries()) {
        const { header } = await readSample(file, 1024 * 1024, 1);
        // A header past the limits (columns, name length) cannot be mapped: the validator's report says why.
        if (headerLimitProblems(header, shapeLimits({})).length > 0) {
          const started = performance.now();
          post({ type: 'report', report: await validateBlob(file), ms: performance.now() - started, file: i });
          return;
        }
        headers.push(header);
      }
      post({ type: 'headers', headers });
      return;
    }
    if (message.type === 'profile') {
      const profiler = new Profiler(message.target);
      let rows = 0;
      let complete = true;
      for (const [i, file] of message.files.entries()) {
        const sample = await sampleAcross(file);
        complete &&= sample.complete;
        for (const row of projectRows(sample, message.target, message.columns[i] ?? {})) {
          profiler.add(row);
          rows++;
        }
      }
      post({ type: 'profile', profiles: profiler.profiles(), sampleRows: rows, complete });
      return;
    }
    const started = performance.now();
    let last = 0;
    const report = await validateBlob(
      message.file,
      { codebook: message.codebook },
      {
        onProgress: (p) => {
          const now = performance.now();
          if (now - last < PROGRESS_INTERVAL_MS && p.bytes < p.totalBytes) return;
          last = now;
          post({ type: 'progress', ...p });
        },
      },
    );
    post({ type: 'report', report, ms: performance.now() - started });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
});
