/**
 * Deterministic generator of the two synthetic reference datasets (study G and study P).
 * `generateReferenceFiles()` returns every file of data/ it owns, byte for byte.
 */
import { parseCodebook, type Codebook } from '../../lib/survey/codebook';
import type { TargetCheck } from './checks';
import { studyGCodebook, studyPCodebook } from './codebooks';
import { studyGCsv } from './studyG';
import { buildStudyGReference } from './studyGReference';
import { studyPCsv } from './studyP';
import { buildStudyPReference } from './studyPReference';

export { generateStudyGColumns, studyGCsv, studyGCsvChunks, type GTable } from './studyG';

export const REFERENCE_FILES = ['study-g.csv', 'study-g.codebook.json', 'study-p.csv', 'study-p.codebook.json'] as const;

function codebookJson(cb: Codebook): string {
  const parsed = parseCodebook(JSON.parse(JSON.stringify(cb)));
  if (!parsed.ok) throw new Error(`codebook ${cb.id} is invalid:\n` + parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'));
  return JSON.stringify(cb, null, 2) + '\n';
}

export interface ReferenceData {
  files: Record<string, string>;
  checks: { g: TargetCheck[]; p: TargetCheck[] };
  params: { g: unknown; p: unknown };
  calibrationRoundsG: number;
}

/** Builds both studies; throws if any target of the brief is missed. */
export function generateReferenceData(): ReferenceData {
  const g = buildStudyGReference();
  const p = buildStudyPReference();
  const files: Record<string, string> = {
    'study-g.csv': studyGCsv(g.table),
    'study-g.codebook.json': codebookJson(studyGCodebook()),
    'study-p.csv': studyPCsv(p.waves),
    'study-p.codebook.json': codebookJson(studyPCodebook()),
  };
  return { files, checks: { g: g.checks, p: p.checks }, params: { g: g.params, p: p.params }, calibrationRoundsG: g.rounds };
}

/** File name (in data/) -> exact content. */
export function generateReferenceFiles(): Record<string, string> {
  return generateReferenceData().files;
}
