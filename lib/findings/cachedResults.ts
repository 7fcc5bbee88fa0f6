import type { SurveyData } from '../survey/dataset';
import { findingsForDataset, type DatasetFindings } from './applicability';
import type { ClaimResult, FindingsRegistry } from './claims';
import { reproduceAll } from './reproduce';
import { loadFindingsRegistry } from './registry';
import { loadReferenceDataset } from '../storage/referenceDatasets';

let cached: { registry: FindingsRegistry; results: ClaimResult[] } | null = null;

/** The reproduction of every claim on the reference data: computed once per server process. */
export function referenceFindings() {
  if (!cached) {
    const registry = loadFindingsRegistry();
    cached = { registry, results: reproduceAll(registry, loadReferenceDataset) };
  }
  return cached;
}

const perDataset = new WeakMap<object, DatasetFindings>();

/** The published claims a stored dataset can answer, evaluated on it: once per dataset object (uploads are cached per id by the registry). */
export function datasetFindings(data: SurveyData): DatasetFindings {
  let found = perDataset.get(data);
  if (!found) perDataset.set(data, (found = findingsForDataset(referenceFindings().registry, data)));
  return found;
}
