import type { NextRequest } from 'next/server';
import { malformedPathResponse } from '@/lib/http/paths';

export function proxy(request: NextRequest) {
  return malformedPathResponse(request.nextUrl.pathname);
}

// Only paths with a percent sign can be malformed: every other request skips the proxy.
export const config = { matcher: ['/:path(.*%.*)'] };
