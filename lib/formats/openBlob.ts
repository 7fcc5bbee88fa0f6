import type { Problem } from '../ingest/types';
import { detectFormat, readSource, sourceProblem, type RecordSource } from './source';
import { workbookSheetNames } from './xlsx';

/**
 * A picked file as the browser's upload worker reads it: a CSV is left to the chunk-fed validator
 * (read slice by slice); an SPSS file or a workbook is read whole (200 MB at most) into its
 * records; a file that is not what its name says, or cannot be read, is its problem. A workbook's
 * sheets are listed either way, so that another sheet can be chosen when the first cannot be read.
 */
export type OpenedBlob = { format: 'csv' } | { format: 'sav' | 'xlsx'; source: RecordSource } | { format: 'csv' | 'sav' | 'xlsx'; problem: Problem; sheets?: string[] };

export async function openBlob(file: Blob & { name?: string }, options: { sheet?: string } = {}): Promise<OpenedBlob> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const detected = detectFormat(head, file.name);
  if ('problem' in detected) return { format: 'csv', problem: detected.problem };
  if (detected.format === 'csv') return { format: 'csv' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const source = await readSource(bytes, detected.format, { sheet: options.sheet });
    return { format: detected.format, source };
  } catch (e) {
    const problem = sourceProblem(e);
    if (!problem) throw e;
    return { format: detected.format, problem, ...(detected.format === 'xlsx' ? { sheets: await workbookSheetNames(bytes) } : {}) };
  }
}
