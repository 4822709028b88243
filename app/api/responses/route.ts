import { clientAddress } from '@/lib/http/client-address';
import { handle, jsonText, readJson, otherMethods } from '@/lib/http/handler';
import { ingestRequest } from '@/lib/ingestion/ingest';
import { ingestionHeaders } from '@/lib/ingestion/schemas';
import { parseInput } from '@/lib/validation';

// Browser apps may post directly: this route, and only this one, answers CORS. The write key in the
// body is the only credential, so no cookies are involved.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Max-Age': '86400',
};

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
  return response;
}

const post = handle(async (request) => {
  const headers = { 'Idempotency-Key': request.headers.get('idempotency-key') ?? undefined };
  const { 'Idempotency-Key': idempotencyKey } = parseInput(ingestionHeaders, headers, 'header');
  const { body: stored, replayed } = await ingestRequest({
    raw: await readJson(request),
    ...(idempotencyKey && { idempotencyKey }),
    client: clientAddress(request.headers),
  });
  const response = jsonText(stored, 201);
  if (replayed) response.headers.set('Idempotent-Replayed', 'true');
  return response;
});

export async function POST(request: Request, context: unknown) {
  return withCors(await post(request, context));
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
