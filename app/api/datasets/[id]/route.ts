import { errorResponse } from '@/lib/api/errors';
import { audit, requestDatasets, requirePermission } from '@/app/server/request';
import { noParams, parseDatasetId } from '@/lib/api/schemas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/datasets/[id]: the dataset's summary. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const id = parseDatasetId((await params).id);
    return Response.json({ dataset: await (await requestDatasets()).summary(id) }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/** DELETE /api/datasets/[id]: removes an upload (analyst or admin; 403 for a reference dataset, 404 if unknown). */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const id = parseDatasetId((await params).id);
    const datasets = await requestDatasets();
    const { name, respondents } = await datasets.summary(id);
    await datasets.delete(id);
    await audit(user, { action: 'dataset.delete', target: id, detail: { name, respondents } });
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
