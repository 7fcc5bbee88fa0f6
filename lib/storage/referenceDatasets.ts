import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { loadSurveyFromCsv, type SurveyData } from '../survey/dataset';

/**
 * The reference datasets shipped in data/: synthetic respondents generated to match the published
 * aggregates of the two studies (data/generate/). Read once per process and kept in memory.
 */
export const REFERENCE_DATASETS = [
  { id: 'study-g', csv: 'study-g.csv', codebook: 'study-g.codebook.json' },
  { id: 'study-p', csv: 'study-p.csv', codebook: 'study-p.codebook.json' },
] as const;

export type ReferenceDatasetId = (typeof REFERENCE_DATASETS)[number]['id'];

/** A file in data/ (statically scoped to that folder so the bundler traces only it). */
export const dataFile = (name: string) => path.join(process.cwd(), 'data', name);
const cache = new Map<string, SurveyData>();

/** Reads and checks a codebook JSON file; throws with every problem listed. */
export function readCodebookFile(file: string): Codebook {
  const parsed = parseCodebook(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`The codebook ${file} is not valid:\n${parsed.problems.map((p) => `  - ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
  return parsed.codebook;
}

const codebooks = new Map<string, Codebook>();

/** A reference study's codebook alone (no respondents): its labels, for saying in words what a claim needs. */
export function referenceCodebook(id: string): Codebook | null {
  const entry = REFERENCE_DATASETS.find((d) => d.id === id);
  if (!entry) return null;
  let codebook = codebooks.get(id);
  if (!codebook) codebooks.set(id, (codebook = cache.get(id)?.codebook ?? readCodebookFile(dataFile(entry.codebook))));
  return codebook;
}

export function loadReferenceDataset(id: string): SurveyData {
  const cached = cache.get(id);
  if (cached) return cached;
  const entry = REFERENCE_DATASETS.find((d) => d.id === id);
  if (!entry) throw new RangeError(`unknown reference dataset "${id}"; choose from ${REFERENCE_DATASETS.map((d) => d.id).join(', ')}`);
  const codebook = readCodebookFile(dataFile(entry.codebook));
  const data = loadSurveyFromCsv(codebook, readFileSync(dataFile(entry.csv), 'utf8'));
  cache.set(id, data);
  return data;
}

