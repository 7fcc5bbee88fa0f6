import { z } from 'zod';
import type { Codebook } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { datasetWeights, UNWEIGHTED, weightOptions } from '../survey/weights';
import type { WeightingRequest } from '../weighting/compute';
import { WeightingError } from '../weighting/problems';
import { parseTargetsCsv, parseTargetsJson, resolveTargets, type TargetInput, type TargetUnit } from '../weighting/targets';
import { bad, quoted } from './schemas';

/**
 * The body of POST /api/datasets/[id]/weights (JSON, at most 1 MB):
 *   {"name": "Raked to 2025 census margins",
 *    "targets": {"margins": {"country": {"NL": 0.3, ...}, ...}, "type": "share" | "total" | "percent"}
 *      or "targetsCsv": "variable,level,percent\ncountry,NL,30\n..."
 *      or "margins": [{"attribute": "country", "levels": [{"level": "NL", "value": 30}, ...]}], "unit": "percent",
 *    "base": "<weight id>" | "unweighted" (default: unweighted),
 *    "bounds": [0.3, 3] (optional trimming),
 *    "default": true (make it the dataset's default), "preview": true (report only, nothing saved)}
 * and of PATCH: {"default": "<weight id>" | "unweighted"}.
 */
export const MAX_WEIGHTS_BODY_BYTES = 1024 * 1024;

const idText = z.string().regex(/^[A-Za-z0-9_.+-]{1,64}$/).refine((id) => !['__proto__', 'constructor', 'prototype'].includes(id));
const levelInput = z.object({ level: z.string().max(200), value: z.union([z.number(), z.string().max(40)]) }).strict();
const marginInput = z.object({ attribute: z.string().min(1).max(200), levels: z.array(levelInput).max(1000) }).strict();

const postBody = z
  .object({
    name: z.string().max(1000).optional(),
    targets: z.unknown().optional(),
    targetsCsv: z.string().max(MAX_WEIGHTS_BODY_BYTES).optional(),
    margins: z.array(marginInput).max(50).optional(),
    unit: z.enum(['percent', 'share', 'total']).optional(),
    base: idText.optional(),
    bounds: z.tuple([z.number(), z.number()]).optional(),
    default: z.boolean().optional(),
    preview: z.boolean().optional(),
  })
  .strict();

const patchBody = z.object({ default: idText }).strict();

export interface WeightsPost {
  name: string | undefined;
  request: WeightingRequest;
  makeDefault: boolean;
  preview: boolean;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad('the body must be JSON');
  }
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || 'the body'}: ${issue.message}`;
}

/** The body of a POST, resolved against the dataset's attributes (targets checked: WeightingError with every problem). */
export function parseWeightsPost(text: string, data: SurveyData): WeightsPost {
  const parsed = postBody.safeParse(parseJson(text));
  if (!parsed.success) throw bad(`the weighting request is not valid: ${quoted(describe(parsed.error))}`);
  const body = parsed.data;
  const given = [body.targets !== undefined, body.targetsCsv !== undefined, body.margins !== undefined].filter(Boolean).length;
  if (given !== 1) throw bad('give the targets once: "targets" (TARGETS.json), "targetsCsv" (variable,level,percent) or "margins" with "unit"');
  let inputs: TargetInput[];
  let unit: TargetUnit;
  if (body.targets !== undefined) {
    const fromJson = parseTargetsJson(body.targets);
    if (!fromJson.ok) throw new WeightingError(fromJson.problems);
    ({ inputs, unit } = fromJson);
  } else if (body.targetsCsv !== undefined) {
    const fromCsv = parseTargetsCsv(body.targetsCsv);
    if (!fromCsv.ok) throw new WeightingError(fromCsv.problems);
    inputs = fromCsv.inputs;
    unit = 'percent';
  } else {
    inputs = body.margins!;
    unit = body.unit ?? 'percent';
  }
  const resolved = resolveTargets(data, inputs, unit);
  if (!resolved.ok) throw new WeightingError(resolved.problems);
  return {
    name: body.name,
    request: { margins: resolved.targets.margins, base: body.base ?? UNWEIGHTED, ...(body.bounds ? { bounds: body.bounds } : {}), ...(resolved.targets.total !== undefined ? { total: resolved.targets.total } : {}) },
    makeDefault: body.default ?? false,
    preview: body.preview ?? false,
  };
}

/** The body of a PATCH: the weight to make the default. */
export function parseWeightsPatch(text: string): string {
  const parsed = patchBody.safeParse(parseJson(text));
  if (!parsed.success) throw bad(`expected {"default": "<weight id>" or "unweighted"}: ${quoted(describe(parsed.error))}`);
  return parsed.data.default;
}

/** The weights of a dataset as GET /api/datasets/[id]/weights lists them (the default first). */
export function weightsJson(codebook: Codebook) {
  const definitions = datasetWeights(codebook);
  return weightOptions(codebook).map((option) => {
    const definition = definitions.find((w) => w.id === option.id);
    const spec = definition?.spec;
    return {
      id: option.id,
      label: option.label,
      kind: option.kind,
      default: option.isDefault,
      ...(definition ? { column: definition.column } : {}),
      ...(spec
        ? {
            base: spec.base,
            margins: spec.margins,
            ...(spec.bounds ? { bounds: spec.bounds } : {}),
            method: spec.bounds ? 'calibrate(calfun = "raking", bounds)' : 'rake()',
            iterations: spec.iterations,
            created_at: spec.createdAt,
          }
        : {}),
    };
  });
}
