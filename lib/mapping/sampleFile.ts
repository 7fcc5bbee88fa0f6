import Papa from 'papaparse';
import { readSample } from '../ingest/sample';

/**
 * Rows for the mapping screen's detectors, from across a file: its first megabytes and slices from
 * its middle and end. Exports are often sorted (by country, by wave): codes that appear only in
 * the last rows (a third country) must be seen before the mapping is proposed, not found missing
 * by the full check afterwards. A whole small file is read whole.
 */

export const HEAD_BYTES = 4 * 1024 * 1024;
export const SLICE_BYTES = 1024 * 1024;
/** Slices after the head, spread evenly to the end. */
const SLICES = 5;
const MAX_ROWS_PER_SLICE = 4000;

export interface SampledFile {
  header: string[];
  rows: string[][];
  /** The rows are every row of the file. */
  complete: boolean;
}

export async function sampleAcross(blob: Blob): Promise<SampledFile> {
  const head = await readSample(blob, HEAD_BYTES, 20_000);
  if (head.complete || blob.size <= HEAD_BYTES) return { header: head.header, rows: head.rows, complete: head.complete };
  const rows = [...head.rows];
  const width = head.header.length;
  for (let k = 1; k <= SLICES; k++) {
    const end = Math.round(HEAD_BYTES + ((blob.size - HEAD_BYTES) * k) / SLICES);
    const start = Math.max(HEAD_BYTES, end - SLICE_BYTES);
    if (end <= start) continue;
    const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
    let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    // Whole lines only: from after the first line break to the last one.
    text = text.slice(text.indexOf('\n') + 1, text.lastIndexOf('\n') + 1);
    const parsed = Papa.parse<string[]>(text, { delimiter: head.delimiter, skipEmptyLines: 'greedy', preview: MAX_ROWS_PER_SLICE }).data;
    // A slice that starts inside a quoted field reads garbled records: those have the wrong width.
    for (const row of parsed) if (row.length === width) rows.push(row);
  }
  return { header: head.header, rows, complete: false };
}

/** A file's rows with its columns renamed into the dataset's columns (`columns`: file header → dataset column). */
export function projectRows(file: SampledFile, target: readonly string[], columns: Record<string, string>): string[][] {
  const at = new Map(target.map((c, i) => [c, i] as const));
  const index = file.header.map((h) => at.get(columns[h] ?? h) ?? -1);
  return file.rows.map((row) => {
    const out = new Array<string>(target.length).fill('');
    for (let i = 0; i < index.length; i++) if (index[i] >= 0) out[index[i]] = row[i] ?? '';
    return out;
  });
}
