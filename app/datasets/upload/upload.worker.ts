import { headerLimitProblems, shapeLimits } from '@/lib/ingest/limits';
import { profileColumns } from '@/lib/ingest/mapping';
import { readSample } from '@/lib/ingest/sample';
import { validateBlob } from '@/lib/ingest/streamValidate';
import { PROGRESS_INTERVAL_MS, type FromWorker, type ToWorker } from './protocol';

/**
 * The upload panel's worker: reads the chosen file off the main thread, first a sample (header and
 * first rows, for the template match and the mapping screen), then the whole file slice by slice
 * through the streaming validator, posting throttled progress. Cancelling terminates the worker.
 */
const scope = self as unknown as { postMessage(message: FromWorker): void; addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void };
const post = (message: FromWorker) => scope.postMessage(message);

scope.addEventListener('message', async (event) => {
  const message = event.data;
  try {
    if (message.type === 'sample') {
      const sample = await readSample(message.file);
      // A header past the limits (columns, name length) cannot be mapped: the validator's report says why.
      if (headerLimitProblems(sample.header, shapeLimits({})).length > 0) {
        const started = performance.now();
        post({ type: 'report', report: await validateBlob(message.file), ms: performance.now() - started });
        return;
      }
      post({ type: 'sample', header: sample.header, profiles: profileColumns(sample.header, sample.rows), sampleRows: sample.rows.length, complete: sample.complete });
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
