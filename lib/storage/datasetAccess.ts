import type { Codebook } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { checkDatasetId, DatasetLookupError, isReferenceId, type DatasetListing, type DatasetRegistry } from './datasetRegistry';

/**
 * The dataset registry as one visitor may use it. Uploaded datasets belong to an analyst's client:
 * a signed-out visitor sees and reads only the reference datasets, and the refusal comes before
 * storage is touched (so it does not even tell whether an id exists). Deleting needs the write
 * permission. Pages and route handlers get one of these per request (app/server/request.ts).
 */
export interface Visitor {
  signedIn: boolean;
  canWrite: boolean;
}

export class DatasetAccess {
  constructor(
    private readonly registry: DatasetRegistry,
    readonly visitor: Visitor,
  ) {}

  private checkReadable(id: unknown): asserts id is string {
    checkDatasetId(id);
    if (!isReferenceId(id) && !this.visitor.signedIn) throw new DatasetLookupError('SignInRequired', 'uploaded datasets are visible to signed-in users only: sign in first');
  }

  referenceListing(id: string): DatasetListing {
    return this.registry.referenceListing(id);
  }

  /** The reference datasets, then (signed in) the uploads; deletable only with the write permission. */
  async list(): Promise<DatasetListing[]> {
    if (!this.visitor.signedIn) return this.registry.referenceListings();
    const all = await this.registry.list();
    return this.visitor.canWrite ? all : all.map((d) => ({ ...d, deletable: false }));
  }

  async summary(id: unknown): Promise<DatasetListing> {
    this.checkReadable(id);
    const found = await this.registry.summary(id);
    return this.visitor.canWrite ? found : { ...found, deletable: false };
  }

  /** The dataset with weight `weight` in use (absent: its default); see DatasetRegistry.load. */
  load(id: unknown, weight?: string): Promise<SurveyData> {
    try {
      this.checkReadable(id);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.registry.load(id, weight);
  }

  /** The dataset's codebook as stored, and its revision: for anyone who may read the dataset. */
  async codebook(id: unknown): Promise<{ codebook: Codebook; revision: number }> {
    this.checkReadable(id);
    return this.registry.storedCodebook(id);
  }

  async delete(id: unknown): Promise<void> {
    checkDatasetId(id);
    if (!this.visitor.canWrite)
      throw new DatasetLookupError(this.visitor.signedIn ? 'Forbidden' : 'SignInRequired', this.visitor.signedIn ? 'deleting a dataset needs the analyst or admin role' : 'sign in as an analyst to delete a dataset');
    return this.registry.delete(id);
  }
}
