import { statSync } from 'node:fs';
import path from 'node:path';
import type { Codebook, Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { loadStoredSurvey, type DatasetStore, type DatasetSummary } from './datasetStore';
import { loadReferenceDataset, REFERENCE_DATASETS } from './referenceDatasets';
import { getDatasetStore } from './storeFromEnv';
import { UUID_PATTERN } from './ids';

/**
 * One place that knows every dataset: the read-only reference datasets shipped in data/ (synthetic,
 * never deletable) and the analysts' uploads in the dataset store. Pages and route handlers list
 * and load datasets only through here, by id.
 *
 * Ids are checked before storage is touched: a reference id, or a UUID (what the store generates).
 * Uploaded datasets are built into the engine's columns once per revision and kept in memory per
 * id. Before a cached copy is served, a cheap summary call checks that the store still has the
 * dataset at the same revision: several instances may share one database, and a delete or a change
 * (an edited codebook, an appended file) made on one must hold on all at the next load.
 */

export interface DatasetListing extends DatasetSummary {
  /** Only uploads can be deleted. */
  deletable: boolean;
  /** The dataset's title in both languages (reference datasets: the codebook's title). */
  title: Label;
}

export type DatasetErrorCode = 'BadId' | 'NotFound' | 'Reference' | 'SignInRequired' | 'Forbidden';

/** A dataset id that is malformed, unknown, or not allowed for the operation. */
export class DatasetLookupError extends Error {
  constructor(
    readonly code: DatasetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetLookupError';
  }
}

const REFERENCE_IDS: readonly string[] = REFERENCE_DATASETS.map((d) => d.id);

export const isReferenceId = (id: string): boolean => REFERENCE_IDS.includes(id);
export const isValidDatasetId = (id: unknown): id is string => typeof id === 'string' && (isReferenceId(id) || UUID_PATTERN.test(id));

/** Throws DatasetLookupError('BadId') unless the id is a reference id or a UUID. */
export function checkDatasetId(id: unknown): asserts id is string {
  if (!isValidDatasetId(id))
    throw new DatasetLookupError('BadId', `"${String(id).slice(0, 80)}" is not a dataset id: use ${REFERENCE_IDS.join(' or ')} or the UUID of an uploaded dataset`);
}

export interface RegistryOptions {
  store: () => DatasetStore;
  loadReference?: (id: string) => SurveyData;
  /** When a reference dataset was added: the modification time of its CSV. */
  referenceAddedAt?: (id: string) => string;
}

function csvModifiedAt(id: string): string {
  const entry = REFERENCE_DATASETS.find((d) => d.id === id)!;
  try {
    return statSync(path.join(process.cwd(), 'data', entry.csv)).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}

/** An upload's engine columns, built from the stored revision they came from. */
interface CachedUpload {
  revision: number;
  data: SurveyData;
  /** The codebook exactly as stored (`data.codebook` carries the dataset's id instead of its own). */
  codebook: Codebook;
}

export class DatasetRegistry {
  private readonly uploads = new Map<string, Promise<CachedUpload>>();
  private readonly loadReference: (id: string) => SurveyData;
  private readonly referenceAddedAt: (id: string) => string;

  constructor(private readonly options: RegistryOptions) {
    this.loadReference = options.loadReference ?? loadReferenceDataset;
    this.referenceAddedAt = options.referenceAddedAt ?? csvModifiedAt;
  }

  get store(): DatasetStore {
    return this.options.store();
  }

  referenceListing(id: string): DatasetListing {
    const data = this.loadReference(id);
    return {
      id,
      name: data.codebook.title.en,
      title: data.codebook.title,
      studyStyle: data.codebook.studyStyle,
      respondents: data.rowCount,
      addedAt: this.referenceAddedAt(id),
      // A reference dataset changes only with a new build of the program.
      revision: 1,
      updatedAt: this.referenceAddedAt(id),
      synthetic: data.codebook.synthetic === true,
      reference: true,
      deletable: false,
    };
  }

  referenceListings(): DatasetListing[] {
    return REFERENCE_IDS.map((id) => this.referenceListing(id));
  }

  /** The reference datasets first, then the uploads, oldest first. */
  async list(): Promise<DatasetListing[]> {
    const references = this.referenceListings();
    const uploads = (await this.store.list()).map(uploadListing);
    return [...references, ...uploads];
  }

  /** The dataset's summary, or DatasetLookupError (BadId, NotFound). */
  async summary(id: unknown): Promise<DatasetListing> {
    checkDatasetId(id);
    if (isReferenceId(id)) return this.referenceListing(id);
    const found = await this.store.summary(id);
    if (!found) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
    return uploadListing(found);
  }

  /** The dataset as the engine's columns, or DatasetLookupError (BadId, NotFound). */
  load(id: unknown): Promise<SurveyData> {
    try {
      checkDatasetId(id);
    } catch (e) {
      return Promise.reject(e);
    }
    if (isReferenceId(id)) {
      try {
        return Promise.resolve(this.loadReference(id));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return this.upload(id).then((entry) => entry.data);
  }

  /**
   * The codebook exactly as stored (an upload's; a reference dataset's own) and the revision it
   * belongs to, or DatasetLookupError (BadId, NotFound). An upload's comes with its cached columns.
   */
  async storedCodebook(id: unknown): Promise<{ codebook: Codebook; revision: number }> {
    checkDatasetId(id);
    if (isReferenceId(id)) return { codebook: this.loadReference(id).codebook, revision: 1 };
    const { codebook, revision } = await this.upload(id);
    return { codebook, revision };
  }

  /** An upload's cached entry, checked against the stored revision first (see the class comment). */
  private upload(id: string): Promise<CachedUpload> {
    const cached = this.uploads.get(id);
    if (!cached) return this.fetch(id);
    // The cached copy may be stale: deleted or changed by this or another instance sharing the
    // database. A cheap summary says which revision is stored now.
    return Promise.all([this.store.summary(id), cached.catch(() => null)]).then(([found, entry]) => {
      if (!found) {
        if (this.uploads.get(id) === cached) this.uploads.delete(id);
        throw notFound(id);
      }
      if (entry && entry.revision === found.revision) return entry;
      // Another load may have started on the newer revision meanwhile: share it.
      const newer = this.uploads.get(id);
      if (newer && newer !== cached) return newer;
      return this.fetch(id);
    });
  }

  /** Reads the stored dataset and builds its columns, cached under the revision that was read. */
  private fetch(id: string): Promise<CachedUpload> {
    const loading = (async (): Promise<CachedUpload> => {
      const stored = await this.store.get(id);
      if (!stored) throw notFound(id);
      // The table's dataset id is the upload's id, and its synthetic flag the stored one.
      const data = loadStoredSurvey({ ...stored, codebook: { ...stored.codebook, id: stored.id, synthetic: stored.synthetic } });
      return { revision: stored.revision, data, codebook: stored.codebook };
    })();
    this.uploads.set(id, loading);
    loading.catch(() => {
      if (this.uploads.get(id) === loading) this.uploads.delete(id);
    });
    return loading;
  }

  /** Deletes an upload; DatasetLookupError for a malformed id (BadId), a reference id (Reference) or an unknown one (NotFound). */
  async delete(id: unknown): Promise<void> {
    checkDatasetId(id);
    if (isReferenceId(id)) throw new DatasetLookupError('Reference', `"${id}" is a reference dataset and cannot be deleted`);
    this.uploads.delete(id);
    const deleted = await this.store.delete(id);
    this.uploads.delete(id);
    if (!deleted) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
  }

  /** Forgets the cached columns of an upload (after it changed in the store; the revision check would also find out, at the cost of a build). */
  forget(id: string): void {
    this.uploads.delete(id);
  }
}

const notFound = (id: string) => new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);

/** A stored upload as the registry lists it: deletable, its name as the title in both languages. */
export const uploadListing = (s: DatasetSummary): DatasetListing => ({ ...s, reference: false, deletable: true, title: { en: s.name, nl: s.name } });

const KEY = Symbol.for('personalization-acceptance-dashboard.datasetRegistry');
type Holder = { [KEY]?: DatasetRegistry };

/** The process-wide registry over the process-wide store (getDatasetStore). */
export function getDatasetRegistry(): DatasetRegistry {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new DatasetRegistry({ store: getDatasetStore }));
}
