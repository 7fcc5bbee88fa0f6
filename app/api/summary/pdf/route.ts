import { summaryPdf } from '@/lib/summary/pdf';
import { exportSummary } from '../export';

export const runtime = 'nodejs';

/** GET /api/summary/pdf?dataset=study-g&lang=nl: the executive summary as an A4 PDF. */
export function GET(request: Request): Promise<Response> {
  return exportSummary(request, { extension: 'pdf', contentType: 'application/pdf', render: summaryPdf });
}
