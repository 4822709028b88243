import { handle, json, otherMethods, requestIdFrom } from '@/lib/http/handler';
import { checkReadiness } from '@/lib/observability/ready';

// Readiness, for a load balancer or an orchestrator: the database answers and is fully migrated.
export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await checkReadiness({ requestId: requestIdFrom(request) });
  return json({ status: 'ready' }, 200, { 'Cache-Control': 'no-store' });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
