import { readFileSync } from 'node:fs';
import path from 'node:path';

const data = path.join(__dirname, '..', '..', 'data');
const lines = readFileSync(path.join(data, 'study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);

/** A study-G-shaped CSV of the first `rows` reference respondents, its header optionally edited. */
export function studyGCsv(rows: number, header: (names: string[]) => string[] = (h) => h): string {
  return `${[header(lines[0].split(',')).join(','), ...lines.slice(1, rows + 1)].join('\n')}\n`;
}

/** Study G's codebook as an object, to edit. */
export function studyGCodebook(): Record<string, unknown> & { attributes: { id: string; column: string; label: { en: string; nl: string }; codes?: { code: string; label: { en: string; nl: string } }[] }[] } {
  return JSON.parse(readFileSync(path.join(data, 'study-g.codebook.json'), 'utf8'));
}
