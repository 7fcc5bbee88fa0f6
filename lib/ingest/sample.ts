import Papa from 'papaparse';
import { detectDelimiter } from './delimiter';
import type { Delimiter } from './types';

/**
 * The first rows of a file, read from its first megabytes only: enough for the mapping screen to
 * see each column's codes and for a template match, without reading a 200 MB file first.
 */
export interface FileSample {
  header: string[];
  rows: string[][];
  delimiter: Delimiter;
  /** True when the sample is the whole file. */
  complete: boolean;
}

export const SAMPLE_BYTES = 2 * 1024 * 1024;
export const SAMPLE_ROWS = 2000;

export async function readSample(blob: Blob, maxBytes = SAMPLE_BYTES, maxRows = SAMPLE_ROWS): Promise<FileSample> {
  const complete = blob.size <= maxBytes;
  const bytes = new Uint8Array(await blob.slice(0, Math.min(blob.size, maxBytes)).arrayBuffer());
  // stream: true when cut, so a character split at the cut is left out rather than garbled.
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: !complete });
  if (!complete) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const { delimiter } = detectDelimiter(text);
  const records = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', preview: maxRows + 1 }).data;
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows, delimiter, complete: complete && rows.length < maxRows };
}
