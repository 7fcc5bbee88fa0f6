import { DatasetLookupError } from '../storage/datasetRegistry';
import { loadStoredSurvey, type DatasetStore, type DatasetSummary, type StoredDataset } from '../storage/datasetStore';
import type { Codebook } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { datasetWeights, defaultWeightId, UNWEIGHTED, type WeightDefinition, WeightChoiceError } from '../survey/weights';
import { computeWeighting, type WeightingReport, type WeightingRequest } from './compute';
import { problem, RevisionMovedError, WeightingError } from './problems';

/**
 * A dataset's weights as stored: a raked weight is saved as a column added to every row and an
 * entry in the codebook's `weights`, in one atomic `replace` at the revision that was read (a change
 * made meanwhile is a 409, never a lost update); deleting one removes both the same way; choosing
 * the default rewrites `Codebook.weight`. Both stores (SQLite, PostgreSQL) give these guarantees
 * (lib/storage/datasetStore.ts). The reference datasets are read-only: callers refuse them first.
 */

export interface SaveWeighting {
  name: string;
  request: WeightingRequest;
  makeDefault: boolean;
  /** ISO 8601: when it was made (kept in the spec). */
  now?: string;
}

export interface SavedWeighting {
  dataset: DatasetSummary;
  weight: WeightDefinition;
  report: WeightingReport;
}

// Control characters (C0, DEL, C1) are refused in names.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A weighting's name: 1 to 120 characters, no control characters (shown in every footnote). */
export function checkWeightName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.trim().length > 120 || CONTROL.test(name)) throw new WeightingError([problem.badName()]);
  return name.trim();
}

/** An id from the name: its letters and digits joined by "-", made unique among the dataset's weights. */
export function weightIdFor(name: string, taken: string[]): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'weight';
  const base = slug === UNWEIGHTED ? `${slug}-1` : slug;
  let id = base;
  for (let k = 2; taken.includes(id); k++) id = `${base}-${k}`;
  return id;
}

function uniqueColumn(wanted: string, header: string[]): string {
  let column = wanted;
  for (let k = 2; header.includes(column); k++) column = `${wanted}_${k}`;
  return column;
}

/** The stored dataset's engine columns (its id as the table's dataset id). */
function storedData(stored: StoredDataset): SurveyData {
  return loadStoredSurvey({ ...stored, codebook: { ...stored.codebook, id: stored.id } });
}

async function read(store: DatasetStore, id: string, ifRevision?: number): Promise<StoredDataset> {
  const stored = await store.get(id);
  if (!stored) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
  if (ifRevision !== undefined && stored.revision !== ifRevision) throw new RevisionMovedError(stored.revision, ifRevision);
  return stored;
}

/** Rakes a stored dataset to the request's targets and saves the weight (throws WeightingError with the problems). */
export async function saveWeighting(store: DatasetStore, id: string, input: SaveWeighting, ifRevision?: number): Promise<SavedWeighting | null> {
  const name = checkWeightName(input.name);
  const stored = await read(store, id, ifRevision);
  const outcome = computeWeighting(storedData(stored), input.request);
  if (!outcome.ok) throw new WeightingError(outcome.problems);
  const existing = datasetWeights(stored.codebook);
  const weightId = weightIdFor(name, existing.map((w) => w.id));
  const column = uniqueColumn(`weight_${weightId}`.slice(0, 200), stored.header);
  const weight: WeightDefinition = { id: weightId, label: { en: name, nl: name }, column, kind: 'raked', spec: { ...outcome.spec, createdAt: input.now ?? new Date().toISOString() } };
  const codebook: Codebook = { ...stored.codebook, weights: [...existing, weight], ...(input.makeDefault ? { weight: column } : {}) };
  const { weights } = outcome;
  const rows = stored.rows.map((row, i) => [...row, String(weights[i])]);
  const dataset = await store.replace(id, { codebook, header: [...stored.header, column], rows }, { ifRevision: stored.revision });
  return dataset && { dataset, weight, report: outcome.report };
}

/** Removes a raked weight (entry and column); the default falls back to unweighted when it was the default. */
export async function deleteWeight(store: DatasetStore, id: string, weightId: string, ifRevision?: number): Promise<DatasetSummary | null> {
  const stored = await read(store, id, ifRevision);
  const existing = datasetWeights(stored.codebook);
  const weight = existing.find((w) => w.id === weightId);
  if (!weight) throw new WeightChoiceError(`this dataset has no weight "${weightId.slice(0, 80)}"; it has ${existing.map((w) => w.id).join(', ') || 'none besides unweighted'}`);
  if (weight.kind !== 'raked') throw new WeightChoiceError(`the weight "${weightId}" came with the data; only weights made here can be deleted`);
  const dependent = existing.find((w) => w.spec?.base === weightId);
  if (dependent) throw new WeightChoiceError(`the weight "${dependent.id}" was raked from "${weightId}": delete it first`);
  const at = stored.header.indexOf(weight.column);
  const { weight: defaultColumn, ...rest } = stored.codebook;
  const codebook: Codebook = { ...rest, weights: existing.filter((w) => w !== weight), ...(defaultColumn && defaultColumn !== weight.column ? { weight: defaultColumn } : {}) };
  const rows = at < 0 ? stored.rows : stored.rows.map((row) => row.filter((_, i) => i !== at));
  const header = at < 0 ? stored.header : stored.header.filter((_, i) => i !== at);
  return store.replace(id, { codebook, header, rows }, { ifRevision: stored.revision });
}

/** Makes a weight (or "unweighted") the dataset's default. */
export async function setDefaultWeight(store: DatasetStore, id: string, weightId: string, ifRevision?: number): Promise<DatasetSummary | null> {
  const stored = await read(store, id, ifRevision);
  const existing = datasetWeights(stored.codebook);
  if (weightId !== UNWEIGHTED && !existing.some((w) => w.id === weightId))
    throw new WeightChoiceError(`this dataset has no weight "${weightId.slice(0, 80)}"; choose one of ${[...existing.map((w) => w.id), UNWEIGHTED].join(', ')}`);
  if (defaultWeightId(stored.codebook) === weightId) return store.summary(id);
  const rest = withoutDefault(stored.codebook);
  const column = existing.find((w) => w.id === weightId)?.column;
  // The list is written out, so that a codebook whose only weight was implied by `weight` keeps it.
  const codebook: Codebook = { ...rest, weights: existing, ...(column ? { weight: column } : {}) };
  return store.updateCodebook(id, codebook, { ifRevision: stored.revision });
}

/** The codebook without a default weight (`weight` left out). */
function withoutDefault(codebook: Codebook): Omit<Codebook, 'weight'> {
  const copy = { ...codebook };
  delete copy.weight;
  return copy;
}

/** The codebook without its raked weights: what a file appended later must have (it has no raked columns). */
export function withoutRakedWeights(codebook: Codebook): Codebook {
  const weights = datasetWeights(codebook);
  if (!weights.some((w) => w.kind === 'raked')) return codebook;
  const kept = weights.filter((w) => w.kind !== 'raked');
  const { weight, ...rest } = codebook;
  return { ...rest, weights: kept, ...(weight && kept.some((w) => w.column === weight) ? { weight } : {}) };
}

/**
 * After rows were added (an appended file), every raked weight is raked again to its own targets
 * over all rows, in the order they were made (one may start from another): its column is rewritten
 * in `rows` (in place) and the codebook returned with the new specs. A weighting that no longer
 * works (a new level without a target, an empty level) throws a WeightingError naming the weight.
 */
export function rerakeRows(codebook: Codebook, header: string[], rows: string[][]): Codebook {
  const weights = datasetWeights(codebook);
  if (!weights.some((w) => w.kind === 'raked')) return codebook;
  const rest = withoutDefault(withoutRakedWeights(codebook));
  let data = loadStoredSurvey({ codebook: { ...rest, weights: weights.filter((w) => w.kind !== 'raked') }, header, rows });
  const updated: WeightDefinition[] = [];
  for (const weight of weights) {
    if (weight.kind !== 'raked' || !weight.spec) {
      updated.push(weight);
      continue;
    }
    const { spec } = weight;
    const outcome = computeWeighting(data, { margins: spec.margins, base: spec.base, ...(spec.bounds ? { bounds: spec.bounds } : {}), ...(spec.total !== undefined ? { total: spec.total } : {}) });
    if (!outcome.ok)
      throw new WeightingError(
        outcome.problems.map((p) => ({ code: p.code, message: { en: `The weight "${weight.label.en}" cannot be raked again over all rows: ${p.message.en}`, nl: `Het gewicht "${weight.label.nl}" kan niet opnieuw over alle rijen worden geraakt: ${p.message.nl}` } })),
      );
    const at = header.indexOf(weight.column);
    rows.forEach((row, i) => (row[at] = String(outcome.weights[i])));
    const remade = { ...weight, spec: { ...outcome.spec, createdAt: spec.createdAt } };
    data.weightColumns.set(weight.id, outcome.weights);
    // A later weight may start from this one: the dataset now has it.
    data = { ...data, codebook: { ...data.codebook, weights: [...(data.codebook.weights ?? []), remade] } };
    updated.push(remade);
  }
  return { ...codebook, weights: updated };
}
