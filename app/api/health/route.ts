import { otherMethods } from '@/lib/http/handler';

// The trivial route: the benchmark's baseline for what Next itself costs per request.
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok', { headers: { 'Content-Type': 'text/plain' } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
