import type { ClaimResult, FindingsRegistry } from './claims';
import { reproduceAll } from './reproduce';
import { loadFindingsRegistry, loadReferenceDataset } from '../storage/referenceDatasets';

let cached: { registry: FindingsRegistry; results: ClaimResult[] } | null = null;

/** The reproduction of every claim on the reference data: computed once per server process. */
export function referenceFindings() {
  if (!cached) {
    const registry = loadFindingsRegistry();
    cached = { registry, results: reproduceAll(registry, loadReferenceDataset) };
  }
  return cached;
}
