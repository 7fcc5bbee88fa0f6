import { acceptanceCsv } from '@/lib/api/acceptanceCsv';
import { parseAcceptanceParams } from '@/lib/api/acceptanceParams';
import { errorResponse } from '@/lib/api/errors';
import { memoAcceptance } from '@/lib/analysis/memo';
import { tableJson } from '@/lib/analysis/tableJson';
import { csvFileName } from '@/lib/csv/writer';
import { requestDatasets } from '@/app/server/request';
import { parseDatasetId } from '@/lib/api/schemas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/datasets/[id]/acceptance?by=a,b&item=..&family=..&filter=attr:code+code&outcome=..&minBase=30&format=json|csv
 * The acceptance table in the CLI's JSON shape, or as a formula-safe CSV.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const id = parseDatasetId((await params).id);
    const { query, format, locale } = parseAcceptanceParams(new URL(request.url).searchParams);
    const data = await (await requestDatasets()).load(id);
    const table = memoAcceptance(data, query);
    if (format === 'csv')
      return new Response(acceptanceCsv(table, locale), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${csvFileName('acceptance', id, ...(query.by ?? []))}"`,
          'cache-control': 'no-store',
        },
      });
    return Response.json(tableJson(table), { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
