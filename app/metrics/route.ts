import { handle } from '@/lib/http/handler';
import { scrapeMetrics } from '@/lib/observability/metrics';

// Prometheus' scrape target (docs/operations.md, Watching the server), behind METRICS_TOKEN when set.
export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  const { text, contentType } = await scrapeMetrics({ authorization: request.headers.get('authorization') ?? undefined });
  return new Response(text, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
});
