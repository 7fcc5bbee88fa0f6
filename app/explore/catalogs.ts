import path from 'node:path';
import { datasetCatalog, type DatasetCatalog } from '@/lib/explore/catalog';
import { readCodebookFile, REFERENCE_DATASETS } from '@/lib/storage/referenceDatasets';

let cached: DatasetCatalog[] | null = null;

/**
 * The datasets the explorer offers, built from their codebooks only (the data are loaded when a
 * dataset is chosen). The reference datasets for now; uploaded datasets join this list later.
 */
export function exploreCatalogs(): DatasetCatalog[] {
  cached ??= REFERENCE_DATASETS.map((d) => datasetCatalog(readCodebookFile(path.join(process.cwd(), 'data', d.codebook))));
  return cached;
}
