import { ApiError, errorResponse } from '@/lib/api/errors';
import { parseDatasetId } from '@/lib/api/schemas';
import { parseTablesParams } from '@/lib/api/tablesParams';
import { requestDatasets } from '@/app/server/request';
import { csvFileName } from '@/lib/csv/writer';
import { crossTable } from '@/lib/tables/crossTable';
import { tabBookCsv } from '@/lib/tables/csv';
import { crossTableJson } from '@/lib/tables/json';
import { TableError } from '@/lib/tables/model';
import { tablePptx } from '@/lib/tables/pptx';
import { tabBook } from '@/lib/tables/tabBook';
import { tabBookXlsx, tableXlsx } from '@/lib/tables/xlsx';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * GET /api/datasets/[id]/tables?rows=family:<id>&banner=a,b>c&...&format=json|csv|xlsx|pptx[&lang=nl]
 * GET /api/datasets/[id]/tables?book=1&banner=...&format=xlsx|json|csv
 * A banner table with column letters, or the tab book (every item family by the banner), in the
 * CLI's JSON, as a formula-safe CSV, an Excel workbook or a slide with a native table. The
 * parameters are lib/api/tablesParams.ts's; a table the dataset cannot make is a 400 naming why.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const id = parseDatasetId((await params).id);
    const { spec, book, format, locale } = parseTablesParams(new URL(request.url).searchParams);
    const registry = await requestDatasets();
    const data = await registry.load(id);
    const listing = (await registry.list()).find((d) => d.id === id);
    const context = { datasetName: listing?.title ?? data.codebook.title };
    let tables;
    try {
      tables = book ? tabBook(data, spec) : [crossTable(data, { ...spec, rows: spec.rows! })];
    } catch (e) {
      if (e instanceof TableError) throw new ApiError(400, e.code, e.message);
      throw e;
    }
    if (tables.length === 0) throw new ApiError(400, 'NoItems', 'this dataset has no item family to tabulate');
    const rows = tables[0].rowsSpec;
    const what = book ? ['tab-book', id] : ['table', id, rows.kind === 'family' ? rows.family : rows.kind === 'answers' ? rows.item : 'items'];
    const name = (extension: string) => csvFileName(...what).replace(/\.csv$/, `.${extension}`);
    let body: string | Uint8Array;
    if (format === 'xlsx') body = new Uint8Array(book ? await tabBookXlsx(tables, locale, context) : await tableXlsx(tables[0], locale, context));
    else if (format === 'pptx') body = new Uint8Array(await tablePptx(tables[0], locale, context));
    else if (format === 'csv') body = tabBookCsv(tables, locale);
    else return Response.json(book ? { tables: tables.map(crossTableJson) } : crossTableJson(tables[0]), { headers: { 'cache-control': 'no-store' } });
    return new Response(body as BodyInit, {
      headers: { 'content-type': TYPES[format], 'content-disposition': `attachment; filename="${name(format)}"`, 'cache-control': 'no-store' },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
