import { ApiError, errorResponse } from '@/lib/api/errors';
import { ifMatchRevision } from '@/lib/api/formFields';
import { noParams, parseDatasetId } from '@/lib/api/schemas';
import { audit, requirePermission } from '@/app/server/request';
import { getDatasetRegistry, isReferenceId } from '@/lib/storage/datasetRegistry';
import { isWeightId } from '@/lib/survey/weights';
import { deleteWeight } from '@/lib/weighting/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; weight: string }> };

/**
 * DELETE /api/datasets/[id]/weights/[weight]: removes a weight made here (its column and entry, in
 * one atomic replace); 204. A weight that came with the data, or that another weight was raked
 * from, is a 400. Audited as dataset.weight.delete.
 */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const { id: rawId, weight } = await params;
    const id = parseDatasetId(rawId);
    if (!isWeightId(weight)) throw new ApiError(400, 'BadWeight', 'the weight id must be letters, digits or _ . + - (at most 64)');
    if (isReferenceId(id)) throw new ApiError(403, 'Reference', `"${id}" is a reference dataset: its weights cannot be changed`);
    const registry = getDatasetRegistry();
    const dataset = await deleteWeight(registry.store, id, weight, ifMatchRevision(request));
    if (!dataset) throw new ApiError(404, 'NotFound', `there is no dataset with id "${id}"`);
    registry.forget(id);
    await audit(user, { action: 'dataset.weight.delete', target: id, detail: { name: dataset.name, weight, revision: dataset.revision } });
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
