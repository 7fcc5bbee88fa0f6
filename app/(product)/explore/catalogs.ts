import path from 'node:path';
import { datasetCatalog, listedUploadCatalog, uploadCatalog, type DatasetCatalog } from '@/lib/explore/catalog';
import { requestDatasets } from '@/app/server/request';
import { isReferenceId } from '@/lib/storage/datasetRegistry';
import { readCodebookFile, REFERENCE_DATASETS } from '@/lib/storage/referenceDatasets';
import type { SurveyData } from '@/lib/survey/dataset';

let referenceCache: DatasetCatalog[] | null = null;

/** The reference datasets' catalogs, built from their codebooks once per process. */
export function referenceCatalogs(): DatasetCatalog[] {
  referenceCache ??= REFERENCE_DATASETS.map((d) => datasetCatalog(readCodebookFile(path.join(process.cwd(), 'data', d.codebook))));
  return referenceCache;
}

export interface ExploreDatasets {
  /** Every dataset on offer: the reference studies (the first is the default), then the uploads. */
  catalogs: DatasetCatalog[];
  /** The dataset the URL asks for (or the default), with its data; null when it is unknown. */
  chosen: { catalog: DatasetCatalog; data: SurveyData } | null;
  /** The URL names a dataset that does not exist (any more): the page says so. */
  unknown: string | null;
}

/**
 * The datasets the explorer offers, for one request. Uploads can be added and deleted at any time,
 * so they are listed per request; only the chosen one is opened (its codebook gives the catalog),
 * the others are listed by name (DatasetCatalog.partial) until they are chosen.
 */
export async function exploreDatasets(requested: string | undefined): Promise<ExploreDatasets> {
  const registry = await requestDatasets();
  const references = referenceCatalogs();
  const uploads = (await registry.list()).filter((d) => !d.reference);
  const catalogs: DatasetCatalog[] = [...references, ...uploads.map((u) => listedUploadCatalog(u))];
  const id = requested ?? references[0].id;
  const known = isReferenceId(id) || uploads.some((u) => u.id === id);
  if (!known) return { catalogs, chosen: null, unknown: id };
  let data: SurveyData;
  try {
    data = await registry.load(id);
  } catch (error) {
    // Deleted between the listing and the load, or its rows no longer fit its codebook.
    if (error instanceof Error && error.name === 'DatasetLookupError') return { catalogs, chosen: null, unknown: id };
    throw error;
  }
  const upload = uploads.find((u) => u.id === id);
  const catalog = upload ? uploadCatalog(data.codebook, upload.name) : references.find((c) => c.id === id)!;
  return { catalogs: catalogs.map((c) => (c.id === id ? catalog : c)), chosen: { catalog, data }, unknown: null };
}
