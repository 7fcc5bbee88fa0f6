import { summaryPptx } from '@/lib/summary/pptx';
import { exportSummary } from '../export';

export const runtime = 'nodejs';

/** GET /api/summary/pptx?dataset=study-g&lang=nl: the executive summary as a slide deck. */
export function GET(request: Request): Promise<Response> {
  return exportSummary(request, {
    extension: 'pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    render: summaryPptx,
  });
}
