import type { SurveyData } from '../survey/dataset';
import { crossTable } from './crossTable';
import type { CrossTable, TableSpec } from './model';

/** A tab book: every item family of the dataset by one banner, one table each (each its own Benjamini-Hochberg family). */
export function tabBook(data: SurveyData, spec: Omit<TableSpec, 'rows'>): CrossTable[] {
  const used = new Set(data.codebook.items.map((it) => it.family));
  return data.codebook.families.filter((f) => used.has(f.id)).map((f) => crossTable(data, { ...spec, rows: { kind: 'family', family: f.id } }));
}
