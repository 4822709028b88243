import { handle, otherMethods } from '@/lib/http/handler';
import { openApiJson } from '@/lib/openapi/document';

// The OpenAPI document of both APIs, built once per process (lib/openapi/document.ts).
export const GET = handle(async () => {
  return new Response(openApiJson(), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
