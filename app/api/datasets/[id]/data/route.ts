import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorResponse } from '@/lib/api/errors';
import { BOM } from '@/lib/csv/writer';
import { dataCsvLine, downloadDisposition } from '@/lib/api/dataExport';
import { noParams, parseDatasetId } from '@/lib/api/schemas';
import { requestDatasets } from '@/app/server/request';
import { DatasetLookupError, getDatasetRegistry, isReferenceId } from '@/lib/storage/datasetRegistry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Rows written per chunk of the answer: a 2,000,000-row dataset streams out without one huge string. */
const ROWS_PER_CHUNK = 4096;

/**
 * GET /api/datasets/[id]/data: the dataset's respondent rows as stored, as a CSV download (UTF-8
 * with a byte-order mark, CRLF), the header first; the codebook beside it is
 * GET /api/datasets/[id]/codebook. For anyone who may read the dataset. Numbers are written as
 * they are; a text cell a spreadsheet would run as a formula gets a leading single quote, as in
 * every CSV the product writes.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const id = parseDatasetId((await params).id);
    const listing = await (await requestDatasets()).summary(id);
    const headers = {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': downloadDisposition(listing.name, 'csv'),
      'cache-control': isReferenceId(id) ? 'public, max-age=3600' : 'private, no-store',
    };
    if (isReferenceId(id)) return new Response(readFileSync(path.join(process.cwd(), 'data', `${id}.csv`)), { headers });
    const stored = await getDatasetRegistry().store.get(id);
    if (!stored) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
    const encoder = new TextEncoder();
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${BOM}${dataCsvLine(stored.header)}`));
      },
      pull(controller) {
        const end = Math.min(stored.rows.length, next + ROWS_PER_CHUNK);
        let text = '';
        for (; next < end; next++) text += dataCsvLine(stored.rows[next]);
        if (text) controller.enqueue(encoder.encode(text));
        if (next >= stored.rows.length) controller.close();
      },
    });
    return new Response(body, { headers });
  } catch (e) {
    return errorResponse(e);
  }
}
