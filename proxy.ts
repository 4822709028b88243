import type { NextRequest } from 'next/server';
import { crossSitePage, isCrossSite } from '@/lib/http/origin';
import { malformedPathResponse } from '@/lib/http/paths';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if ((pathname === '/admin' || pathname.startsWith('/admin/')) && isCrossSite(request)) return crossSitePage();
  return malformedPathResponse(pathname);
}

// Paths with a percent sign (the only ones that can be malformed) and the admin view (origin checks
// on its posts, server actions included, before Next's own check answers a plain 500): every other
// request skips the proxy.
export const config = { matcher: ['/:path(.*%.*)', '/admin', '/admin/:path*'] };
