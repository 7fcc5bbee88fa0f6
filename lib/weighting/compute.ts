import { boundedRake } from '../stats/boundedRake';
import { rake } from '../stats/rake';
import { LOW_EFFICIENCY, type WeightSummary, weightSummary } from '../stats/weightSummary';
import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { baseWeightValues, BLANK_LEVEL, marginCodes, type RakingMarginSpec, type RakingSpec, weightOptions } from '../survey/weights';
import { problem, type WeightingProblem } from './problems';
import { NO_ANSWER } from './targets';

/**
 * A weighting of a dataset to population targets, and its report. Plain raking is R's
 *   rake(svydesign(ids = ~1, weights = ~base, data), list(~a, ~b, ...), list(pop_a, pop_b, ...),
 *        control = list(maxit = 100, epsilon = 1e-10))      (epsilon below 1: times Σ base weights)
 * with bounds on the ratio to the base weight, R's
 *   calibrate(design, list(~a, ~b, ...), list(pop_a, ...), calfun = "raking", bounds = c(lo, hi),
 *             maxit = 100, epsilon = 1e-10)
 * (raked and bounded at once: at the solution both the margins and the bounds hold). Population
 * totals are the target shares times the sum of the base weights, unless totals were given.
 * A scale attribute is raked through its bands; respondents without an answer form a level of
 * their own ("no answer") that needs its own target. A level with a target but no respondent,
 * a level with respondents but no target (or a target of 0), and raking that does not converge
 * are problems, never a weight.
 */
export interface WeightingRequest {
  margins: RakingMarginSpec[];
  /** The weight to start from: a weight id or "unweighted". */
  base: string;
  bounds?: [number, number];
  /** The population total (the weights' sum); default: the sum of the base weights. */
  total?: number;
}

export const RAKE_MAXIT = 100;
export const RAKE_EPSILON = 1e-10;
/** A share this far from its target after convergence was not reached (converged raking is ~1e-10 away). */
const UNREACHED = 1e-6;

export interface LevelReport {
  level: string;
  label: Label;
  respondents: number;
  /** Share of respondents (unweighted), with the base weight, the target, and what the weights achieve. */
  sampleShare: number;
  baseShare: number;
  target: number;
  achieved: number;
}

export interface WeightingReport {
  method: 'rake' | 'bounded';
  converged: boolean;
  /** Sweeps (raking) or Newton steps (bounded). */
  iterations: number;
  /** The largest |achieved − target| share over every level. */
  largestError: number;
  margins: { attribute: string; label: Label; levels: LevelReport[] }[];
  summary: WeightSummary;
  /** The base weight's own Kish efficiency, for comparison. */
  baseEfficiency: number;
  /** Efficiency under 40%: the report warns. */
  lowEfficiency: boolean;
}

export type WeightingOutcome =
  | { ok: true; weights: Float64Array; spec: Omit<RakingSpec, 'createdAt'>; report: WeightingReport }
  | { ok: false; problems: WeightingProblem[]; report?: WeightingReport };


export function computeWeighting(data: SurveyData, request: WeightingRequest): WeightingOutcome {
  if (request.margins.length === 0) return { ok: false, problems: [problem.noMargins()] };
  if (!weightOptions(data.codebook).some((o) => o.id === request.base)) return { ok: false, problems: [problem.unknownBase(request.base)] };
  if (request.bounds && !(request.bounds[0] > 0 && request.bounds[0] < 1 && request.bounds[1] > 1 && Number.isFinite(request.bounds[1]))) return { ok: false, problems: [problem.badBounds()] };
  const base = baseWeightValues(data, request.base);
  let baseTotal = 0;
  for (let i = 0; i < base.length; i++) baseTotal += base[i];
  const total = request.total ?? baseTotal;

  const problems: WeightingProblem[] = [];
  const codes = request.margins.map((margin) => {
    const column = data.attributes.get(margin.attribute)!;
    const codesOf = marginCodes(data, margin);
    const labelOf = (level: string) => (level === BLANK_LEVEL ? NO_ANSWER : column.levels.find((l) => l.code === level)!.label);
    const respondents = new Float64Array(margin.targets.length);
    const weight = new Float64Array(margin.targets.length);
    let untargeted = 0;
    const untargetedLevels = new Map<number, number>();
    for (let i = 0; i < data.rowCount; i++) {
      const c = codesOf[i];
      if (c < 0) {
        untargeted++;
        const level = column.levelOf[i];
        untargetedLevels.set(level, (untargetedLevels.get(level) ?? 0) + 1);
        continue;
      }
      respondents[c] += 1;
      weight[c] += base[i];
    }
    if (untargeted > 0)
      for (const [level, n] of untargetedLevels) problems.push(problem.missingTarget(column.label, level < 0 ? NO_ANSWER : column.levels[level].label, n));
    margin.targets.forEach((t, c) => {
      if (t.share > 0 && !(weight[c] > 0)) problems.push(problem.emptyCell(column.label, labelOf(t.level), t.share));
      if (t.share === 0 && respondents[c] > 0) problems.push(problem.zeroTarget(column.label, labelOf(t.level), respondents[c]));
    });
    return { margin, column, codesOf, respondents, weight, labelOf };
  });
  if (problems.length) return { ok: false, problems };

  const rakeMargins = codes.map(({ margin, codesOf }) => ({ codes: codesOf, targets: margin.targets.map((t) => t.share * total) }));
  let weights: Float64Array;
  let converged: boolean;
  let iterations: number;
  let lastSweepFactors: number[][] | undefined;
  if (request.bounds) {
    const result = boundedRake(base, rakeMargins, { bounds: request.bounds, maxit: RAKE_MAXIT, epsilon: RAKE_EPSILON });
    ({ weights, converged, iterations } = result);
  } else {
    const result = rake(base, rakeMargins, { maxit: RAKE_MAXIT, epsilon: RAKE_EPSILON });
    ({ weights, converged, iterations } = result);
    lastSweepFactors = result.lastSweepFactors.map((f) => Array.from(f));
  }

  let largestError = 0;
  const margins = codes.map(({ margin, column, codesOf, respondents, weight, labelOf }) => {
    const achieved = new Float64Array(margin.targets.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      achieved[codesOf[i]] += weights[i];
      sum += weights[i];
    }
    const levels = margin.targets.map((t, c): LevelReport => {
      const share = sum > 0 ? achieved[c] / sum : 0;
      largestError = Math.max(largestError, Math.abs(share - t.share));
      return { level: t.level, label: labelOf(t.level), respondents: respondents[c], sampleShare: respondents[c] / data.rowCount, baseShare: weight[c] / baseTotal, target: t.share, achieved: share };
    });
    return { attribute: margin.attribute, label: column.label, levels };
  });
  const summary = weightSummary(weights, base);
  const baseSummary = weightSummary(base, base);
  const report: WeightingReport = {
    method: request.bounds ? 'bounded' : 'rake',
    converged,
    iterations,
    largestError,
    margins,
    summary,
    baseEfficiency: baseSummary.efficiency,
    lowEfficiency: summary.efficiency < LOW_EFFICIENCY,
  };
  if (!converged)
    return { ok: false, problems: [request.bounds ? problem.boundsInfeasible(request.bounds[0], request.bounds[1], iterations) : problem.notConverged(iterations, largestError)], report };
  // Raking stops when the weights stop changing; with targets no weights can meet (a combination of
  // levels without respondents) they settle away from a target, which R's rake() calls converged.
  if (largestError > UNREACHED) return { ok: false, problems: [problem.unreachable(largestError)], report };
  const spec: Omit<RakingSpec, 'createdAt'> = {
    base: request.base,
    margins: request.margins,
    ...(request.bounds ? { bounds: request.bounds } : {}),
    ...(request.total !== undefined ? { total: request.total } : {}),
    maxit: RAKE_MAXIT,
    epsilon: RAKE_EPSILON,
    iterations,
    ...(lastSweepFactors ? { lastSweepFactors } : {}),
  };
  return { ok: true, weights, spec, report };
}
