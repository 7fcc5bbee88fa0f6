import { referenceFindings } from '../findings/cachedResults';
import type { DatasetAccess } from '../storage/datasetAccess';
import { DatasetLookupError, isReferenceId, type DatasetListing } from '../storage/datasetRegistry';
import { selectWeight, selectWeightLeniently, WeightChoiceError, weightOptions, type WeightOption } from '../survey/weights';
import { cachedSummary } from './build';
import type { ExecutiveSummary } from './model';

export const DEFAULT_SUMMARY_DATASET = 'study-g';

export type SummaryLoad = { ok: true; summary: ExecutiveSummary; weights: WeightOption[] } | { ok: false; status: 400 | 401 | 404 | 500; code: string; message: string };

/**
 * The summary of a dataset by id, through the datasets this visitor may see. For a reference dataset the
 * headlines reuse the very results /findings shows; an upload's claims are evaluated on its data.
 * Errors are data: an unknown or malformed id comes back with its status and message. `weight`
 * chooses the weight (absent: the default): pages read it leniently (an unknown id is the default),
 * the export API strictly (a 400 naming the weights there are).
 */
export async function loadSummary(datasets: Pick<DatasetAccess, 'load'>, datasetId: string | undefined, weight?: { id: string | undefined; strict: boolean }): Promise<SummaryLoad> {
  const id = datasetId || DEFAULT_SUMMARY_DATASET;
  try {
    const loaded = await datasets.load(id);
    const data = weight?.id === undefined ? loaded : weight.strict ? selectWeight(loaded, weight.id) : selectWeightLeniently(loaded, weight.id);
    const { registry, results } = referenceFindings();
    // /findings computes the reference claims with the default weight; under another, they are evaluated here.
    const own = isReferenceId(id) && data.weight.isDefault ? results.filter((r) => r.claim.dataset === id) : [];
    return { ok: true, summary: cachedSummary(data, { registry, results: own }), weights: weightOptions(data.codebook) };
  } catch (error) {
    // By name, not instanceof: the registry is a process-wide singleton that another bundle chunk
    // may have created, with its own copy of the class.
    if (error instanceof DatasetLookupError || (error instanceof Error && error.name === 'DatasetLookupError')) {
      const code = (error as DatasetLookupError).code;
      return { ok: false, status: code === 'NotFound' ? 404 : code === 'SignInRequired' ? 401 : 400, code, message: error.message };
    }
    if (error instanceof WeightChoiceError || (error instanceof Error && error.name === 'WeightChoiceError')) return { ok: false, status: 400, code: 'BadWeight', message: error.message };
    return { ok: false, status: 500, code: 'SummaryFailed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Every dataset for the switch; when the store cannot be read, the reference datasets alone. */
export async function summaryDatasets(datasets: Pick<DatasetAccess, 'list' | 'referenceListing'>): Promise<DatasetListing[]> {
  try {
    return await datasets.list();
  } catch {
    return ['study-g', 'study-p'].map((id) => datasets.referenceListing(id));
  }
}

/** A file name for a download: "executive-summary-study-g-nl.pdf". */
export function downloadName(summary: ExecutiveSummary, locale: string, extension: string): string {
  const slug = summary.datasetId.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
  return `executive-summary-${slug}-${locale}.${extension}`;
}
