import { adminRoute } from '../../_components/session';
import { parseResponseFilters } from '@/lib/admin/survey-responses/filters';
import { exportAdminResponses } from '@/lib/admin/survey-responses/export';
import { queryOf } from '@/lib/http/handler';

// GET /admin/survey_responses/export?<the table's filters>: every matching response as CSV, streamed.
export const GET = adminRoute(async (admin, request) => {
  const parsed = parseResponseFilters(queryOf(request));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    return new Response(`The filters are not valid:\n${detail}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { filename, stream } = await exportAdminResponses({ admin, filters: parsed.data });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
