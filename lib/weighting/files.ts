import Papa from 'papaparse';
import type { Codebook } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { inUse, LEGACY_WEIGHT_ID, type RakingSpec, UNWEIGHTED, type WeightDefinition } from '../survey/weights';
import { computeWeighting, type WeightingOutcome, type WeightingReport } from './compute';
import { problem, WeightingError } from './problems';
import { parseTargetsJson, resolveTargets } from './targets';

/**
 * Weighting from files, for the command line (`npm run weight`, `npm run analyze --targets /
 * --weights`): TARGETS.json resolved and raked, WEIGHTS.csv written and read
 * (`row,base_weight,raked_weight`, row = 1-based data row), the report as JSON, and a dataset with
 * given weights in use (raked ones with their calibrated variance).
 */

/** The codebook with `column` as its one weight (the base weight raking starts from); its id is LEGACY_WEIGHT_ID. */
export function withBaseColumn(codebook: Codebook, column: string | undefined): Codebook {
  if (column === undefined) return codebook;
  const copy: Codebook = { ...codebook, weight: column };
  delete copy.weights;
  return copy;
}

/** The base weight's id for a dataset loaded through withBaseColumn: that column, or unweighted. */
export const baseIdFor = (column: string | undefined) => (column === undefined ? UNWEIGHTED : LEGACY_WEIGHT_ID);

/** TARGETS.json's text raked over the dataset (WeightingError for targets that do not fit; the outcome otherwise). */
export function rakeToTargetsFile(data: SurveyData, targetsText: string, options: { base: string; bounds?: [number, number] }): WeightingOutcome {
  let json: unknown;
  try {
    json = JSON.parse(targetsText);
  } catch {
    throw new WeightingError([problem.badTargetsJson('the file is not JSON')]);
  }
  const parsed = parseTargetsJson(json);
  if (!parsed.ok) throw new WeightingError(parsed.problems);
  const resolved = resolveTargets(data, parsed.inputs, parsed.unit);
  if (!resolved.ok) throw new WeightingError(resolved.problems);
  const { margins, total } = resolved.targets;
  return computeWeighting(data, { margins, base: options.base, ...(options.bounds ? { bounds: options.bounds } : {}), ...(total !== undefined ? { total } : {}) });
}

/** "0.3,3" -> [0.3, 3] (checked by computeWeighting). */
export function parseBounds(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) throw new WeightingError([problem.badBounds()]);
  return [parts[0], parts[1]];
}

/** WEIGHTS.csv: row (1-based data row), base_weight, raked_weight; full precision (17 significant digits). */
export function weightsCsv(base: Float64Array, raked: Float64Array): string {
  const lines = ['row,base_weight,raked_weight'];
  for (let i = 0; i < raked.length; i++) lines.push(`${i + 1},${base[i]},${raked[i]}`);
  return `${lines.join('\n')}\n`;
}

/** WEIGHTS.csv's raked_weight per data row; every row of the data once, each weight finite and positive. */
export function readWeightsCsv(text: string, rowCount: number): Float64Array {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('row') || !fields.includes('raked_weight')) throw new RangeError('the weights file needs the columns row and raked_weight (as npm run weight writes them)');
  const out = new Float64Array(rowCount).fill(NaN);
  parsed.data.forEach((line, k) => {
    const row = Number(line.row);
    const weight = Number(line.raked_weight);
    if (!Number.isInteger(row) || row < 1 || row > rowCount) throw new RangeError(`line ${k + 2} of the weights file: row ${JSON.stringify(String(line.row).slice(0, 20))} is not a data row (1 to ${rowCount})`);
    if (!Number.isNaN(out[row - 1])) throw new RangeError(`line ${k + 2} of the weights file: row ${row} appears twice`);
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`line ${k + 2} of the weights file: the weight of row ${row} must be a positive number`);
    out[row - 1] = weight;
  });
  const missing = out.findIndex((w) => Number.isNaN(w));
  if (missing >= 0) throw new RangeError(`the weights file has no weight for data row ${missing + 1}; it must give every row of the data`);
  return out;
}

/**
 * The dataset with these weights in use: with the raking's spec (raked here, from targets), the SEs
 * are the raked design's calibrated ones with the fixed-weight SE beside them; without (a weights
 * file), the weights are fixed weights.
 */
export function usingWeights(data: SurveyData, values: Float64Array, label: string, spec?: Omit<RakingSpec, 'createdAt'>): SurveyData {
  const definition: WeightDefinition = { id: 'cli', label: { en: label, nl: label }, column: '(cli)', kind: spec ? 'raked' : 'column', ...(spec ? { spec: { ...spec, createdAt: new Date(0).toISOString() } } : {}) };
  const weightColumns = new Map(data.weightColumns).set(definition.id, values);
  const withDefinition = { ...data, weightColumns, codebook: { ...data.codebook, weights: [...(data.codebook.weights ?? []), definition] } };
  return { ...withDefinition, weights: values, weighted: true, weight: inUse(withDefinition, definition, values, true) };
}

/** The report as `npm run weight` prints it. */
export function reportJson(report: WeightingReport, problems: string[] = []) {
  const { summary } = report;
  return {
    converged: report.converged && problems.length === 0,
    method: report.method === 'bounded' ? 'calibrate(calfun = "raking", bounds = c(lo, hi))' : 'rake(control = list(maxit = 100, epsilon = 1e-10))',
    sweeps: report.iterations,
    largest_margin_error: report.largestError,
    margins: Object.fromEntries(
      report.margins.map((m) => [m.attribute, Object.fromEntries(m.levels.map((l) => [l.level, { target: l.target, achieved: l.achieved, sample: l.sampleShare, respondents: l.respondents }]))]),
    ),
    weights: { n: summary.n, sum: summary.sum, min: summary.min, ...summary.quantiles, max: summary.max, mean: summary.mean, cv: summary.cv, ratio_to_base: summary.ratioToBase },
    n_eff_kish: summary.effectiveBase,
    efficiency: summary.efficiency,
    deff_kish: summary.designEffect,
    ...(report.lowEfficiency ? { warning: 'the weighting efficiency is under 40%' } : {}),
    ...(problems.length ? { problems } : {}),
  };
}
