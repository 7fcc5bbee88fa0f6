import type { ColumnProfile } from '@/lib/ingest/mapping';
import type { ValidationReport } from '@/lib/ingest/types';
import type { Codebook } from '@/lib/survey/codebook';

/** Messages between the upload panel and its worker (upload.worker.ts). */
export type ToWorker = { type: 'sample'; file: File } | { type: 'validate'; file: File; codebook?: Codebook };

export type FromWorker =
  | { type: 'sample'; header: string[]; profiles: ColumnProfile[]; sampleRows: number; complete: boolean }
  | { type: 'progress'; rows: number; bytes: number; totalBytes: number }
  | { type: 'report'; report: ValidationReport; ms: number }
  | { type: 'failed'; message: string };

/** Progress is posted at most this often: enough for a smooth bar, few enough renders to keep the page idle. */
export const PROGRESS_INTERVAL_MS = 100;
