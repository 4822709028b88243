import { NextResponse, type NextRequest } from 'next/server';
import { ADMIN_REFERRER_POLICY, adminPolicy } from '@/lib/http/admin-headers';
import { crossSitePage, isCrossSite } from '@/lib/http/origin';
import { malformedPathResponse } from '@/lib/http/paths';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const malformed = malformedPathResponse(pathname);
  if (malformed || !(pathname === '/admin' || pathname.startsWith('/admin/'))) return malformed;
  if (isCrossSite(request)) return crossSitePage();
  const csp = adminPolicy(pathname);
  if (!csp) return undefined;
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp.policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp.policy);
  response.headers.set('Referrer-Policy', ADMIN_REFERRER_POLICY);
  return response;
}

// Paths with a percent sign (the only ones that can be malformed) and the admin view (origin checks
// on its posts, server actions included, before Next's own check answers a plain 500; its
// Content-Security-Policy and Referrer-Policy): every other request skips the proxy.
export const config = { matcher: ['/:path(.*%.*)', '/admin', '/admin/:path*'] };
