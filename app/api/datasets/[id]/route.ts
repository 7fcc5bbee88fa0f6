import { errorResponse } from '@/lib/api/errors';
import { noParams, parseDatasetId } from '@/lib/api/schemas';
import { getDatasetRegistry } from '@/lib/storage/datasetRegistry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/datasets/[id]: the dataset's summary. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const id = parseDatasetId((await params).id);
    return Response.json({ dataset: await getDatasetRegistry().summary(id) }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/** DELETE /api/datasets/[id]: removes an upload (403 for a reference dataset, 404 if unknown). */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const id = parseDatasetId((await params).id);
    await getDatasetRegistry().delete(id);
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
