import type { SourceMetadata } from '@/lib/formats/metadata';
import type { ColumnProfile } from '@/lib/mapping/profile';
import type { ValidationReport } from '@/lib/ingest/types';
import type { Codebook } from '@/lib/survey/codebook';

/** Messages between the upload panel and its worker (upload.worker.ts). `sheet`: the workbook sheet the analyst chose (default: the first). */
export type ToWorker = (
  /** The files' headers (a header past the limits gets the validator's report instead). */
  | { type: 'headers'; files: File[] }
  /** Profiles of the dataset's columns over rows from across every file, each renamed into them by its `columns` map. */
  | { type: 'profile'; files: File[]; target: string[]; columns: Record<string, string>[] }
  | { type: 'validate'; file: File; codebook?: Codebook }
) & { sheet?: string };

/** `sheets`: the sheets of the first file, when it is a workbook, in its order (for the panel's choice of sheet). */
export type FromWorker =
  | { type: 'headers'; headers: string[][]; sheets?: string[] }
  /** `metadata`: an SPSS file's dictionary, its variables named as the dataset's columns. */
  | { type: 'profile'; profiles: ColumnProfile[]; sampleRows: number; complete: boolean; metadata?: SourceMetadata }
  | { type: 'progress'; rows: number; bytes: number; totalBytes: number }
  | { type: 'report'; report: ValidationReport; ms: number; file?: number; sheets?: string[] }
  | { type: 'failed'; message: string };

/** Progress is posted at most this often: enough for a smooth bar, few enough renders to keep the page idle. */
export const PROGRESS_INTERVAL_MS = 100;
