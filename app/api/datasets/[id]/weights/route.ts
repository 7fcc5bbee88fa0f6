import { ApiError, errorResponse } from '@/lib/api/errors';
import { ifMatchRevision, readBodyText } from '@/lib/api/formFields';
import { noParams, parseDatasetId } from '@/lib/api/schemas';
import { MAX_WEIGHTS_BODY_BYTES, parseWeightsPatch, parseWeightsPost, weightsJson } from '@/lib/api/weightsRequest';
import { audit, requestDatasets, requirePermission } from '@/app/server/request';
import { getDatasetRegistry, isReferenceId, uploadListing } from '@/lib/storage/datasetRegistry';
import { UNWEIGHTED } from '@/lib/survey/weights';
import { computeWeighting } from '@/lib/weighting/compute';
import { checkWeightName, saveWeighting, setDefaultWeight } from '@/lib/weighting/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const tooLarge = (bytes: number) => new ApiError(413, 'BodyTooLarge', `the request has ${bytes.toLocaleString('en')} bytes; a weighting request is at most ${MAX_WEIGHTS_BODY_BYTES.toLocaleString('en')}`);
const etag = (revision: number) => `"${revision}"`;

/**
 * GET /api/datasets/[id]/weights: the dataset's weights (the default first, "unweighted" always
 * there), each with its label, kind and, for a raked weight, its targets and how it was made; the
 * dataset's revision as the ETag. For anyone who may read the dataset.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const id = parseDatasetId((await params).id);
    const { codebook, revision } = await (await requestDatasets()).codebook(id);
    return Response.json({ weights: weightsJson(codebook) }, { headers: { etag: etag(revision), 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * POST /api/datasets/[id]/weights: rakes the dataset to the targets (lib/api/weightsRequest.ts has
 * the body). With "preview": true, 200 with the report and nothing saved (reference datasets too);
 * else 201 with the new summary, the weight and the report, stored atomically at the revision read
 * (If-Match, optional) and audited as dataset.weight.save. 422 WeightingFailed with every problem
 * (in English and Dutch) when the targets do not fit or raking does not converge.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const id = parseDatasetId((await params).id);
    const ifRevision = ifMatchRevision(request);
    const text = await readBodyText(request, MAX_WEIGHTS_BODY_BYTES, tooLarge);
    const data = await (await requestDatasets()).load(id, UNWEIGHTED);
    const body = parseWeightsPost(text, data);
    if (body.preview) {
      const outcome = computeWeighting(data, body.request);
      if (!outcome.ok) throw new ApiError(422, 'WeightingFailed', outcome.problems.map((p) => p.message.en).join('; '), { problems: outcome.problems, ...(outcome.report ? { report: outcome.report } : {}) });
      return Response.json({ report: outcome.report }, { headers: { 'cache-control': 'no-store' } });
    }
    if (isReferenceId(id)) throw new ApiError(403, 'Reference', `"${id}" is a reference dataset: its weights cannot be changed (a preview works: "preview": true)`);
    const name = checkWeightName(body.name);
    const registry = getDatasetRegistry();
    const saved = await saveWeighting(registry.store, id, { name, request: body.request, makeDefault: body.makeDefault }, ifRevision);
    if (!saved) throw new ApiError(404, 'NotFound', `there is no dataset with id "${id}"`);
    registry.forget(id);
    const { dataset, weight, report } = saved;
    await audit(user, {
      action: 'dataset.weight.save',
      target: id,
      detail: { name: dataset.name, weight: weight.id, label: weight.label.en, margins: body.request.margins.map((m) => m.attribute), base: body.request.base, ...(body.request.bounds ? { bounds: body.request.bounds } : {}), default: body.makeDefault, efficiency: report.summary.efficiency, revision: dataset.revision },
    });
    return Response.json({ dataset: uploadListing(dataset), weight: { id: weight.id, label: weight.label, column: weight.column }, report }, { status: 201, headers: { etag: etag(dataset.revision), 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/** PATCH /api/datasets/[id]/weights {"default": "<weight id>" | "unweighted"}: the dataset's default weight; audited as dataset.weight.default. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const id = parseDatasetId((await params).id);
    if (isReferenceId(id)) throw new ApiError(403, 'Reference', `"${id}" is a reference dataset: its weights cannot be changed`);
    const ifRevision = ifMatchRevision(request);
    const weight = parseWeightsPatch(await readBodyText(request, MAX_WEIGHTS_BODY_BYTES, tooLarge));
    const registry = getDatasetRegistry();
    const dataset = await setDefaultWeight(registry.store, id, weight, ifRevision);
    if (!dataset) throw new ApiError(404, 'NotFound', `there is no dataset with id "${id}"`);
    registry.forget(id);
    await audit(user, { action: 'dataset.weight.default', target: id, detail: { name: dataset.name, weight, revision: dataset.revision } });
    return Response.json({ dataset: uploadListing(dataset) }, { headers: { etag: etag(dataset.revision), 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
