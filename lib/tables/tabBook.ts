import type { SurveyData } from '../survey/dataset';
import { crossTables } from './crossTable';
import type { CrossTable, TableSpec } from './model';

/** A tab book: every item family of the dataset by one banner, one table each (each its own Benjamini-Hochberg family). */
export function tabBook(data: SurveyData, spec: Omit<TableSpec, 'rows'>): CrossTable[] {
  const used = new Set(data.codebook.items.map((it) => it.family));
  const families = data.codebook.families.filter((f) => used.has(f.id));
  return crossTables(data, spec, families.map((f) => ({ kind: 'family', family: f.id })));
}
