import { ApiError, errorResponse } from '@/lib/api/errors';
import { requestDatasets } from '@/app/server/request';
import { noParams, parseDatasetId } from '@/lib/api/schemas';
import { isReferenceId } from '@/lib/storage/datasetRegistry';
import { encodeSurveyColumns } from '@/lib/survey/columnsTransfer';
import type { SurveyData } from '@/lib/survey/dataset';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/**
 * Past this many respondents the explorer stays with server rendering: the columns would be a
 * download of several megabytes, for a redraw the server can do as well.
 */
const MAX_BROWSER_ROWS = 250_000;

/** Encoded once per dataset object: the registry hands out the same object until a dataset changes. */
const encoded = new WeakMap<SurveyData, Uint8Array>();

/**
 * GET /api/datasets/[id]/columns: the dataset's engine columns as one binary message
 * (lib/survey/columnsTransfer.ts), so the explorer can recompute a view in the browser.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const id = parseDatasetId((await params).id);
    const data = await (await requestDatasets()).load(id);
    if (data.rowCount > MAX_BROWSER_ROWS)
      throw new ApiError(413, 'TooLargeForBrowser', `the dataset has ${data.rowCount} respondents; the browser computes views for at most ${MAX_BROWSER_ROWS}, the explorer asks the server instead`);
    let body = encoded.get(data);
    if (!body) encoded.set(data, (body = encodeSurveyColumns(data)));
    // Reference data change only with a new build; an upload may be deleted at any time.
    const cache = isReferenceId(id) ? 'public, max-age=3600' : 'private, no-store';
    return new Response(body as BodyInit, { headers: { 'content-type': 'application/octet-stream', 'cache-control': cache } });
  } catch (e) {
    return errorResponse(e);
  }
}
