import { neutraliseFormula } from '../csv/writer';

/**
 * A stored dataset downloaded back (GET /api/datasets/<id>/data, beside its codebook JSON): a
 * row as a CSV line. A number is written as stored ("-1" is a code, not a formula); other text a
 * spreadsheet would run as a formula gets a leading single quote (lib/csv/writer.ts).
 */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function dataCsvCell(value: string): string {
  const text = NUMBER.test(value) ? value : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function dataCsvLine(row: readonly string[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i ? ',' : '') + dataCsvCell(row[i] ?? '');
  return `${line}\r\n`;
}

/** A download's Content-Disposition from the dataset's name: a plain file name, and the full name in filename*. */
export function downloadDisposition(name: string, extension: string): string {
  const base = name.normalize('NFKD').replace(/[^\w.\- ]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 100) || 'dataset';
  return `attachment; filename="${base}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name.slice(0, 100)}.${extension}`)}`;
}
