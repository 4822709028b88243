import { badRequest } from '../errors';
import { errorResponse } from './handler';

/**
 * A path whose percent-escapes do not decode (`/survey_responses/%ZZ`). Next fails on these while
 * decoding a dynamic segment, before any route handler runs, and answers a plain-text 500; the proxy
 * answers them first: the error envelope under /api, a plain 400 elsewhere.
 */
export function malformedPathResponse(pathname: string): Response | undefined {
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    if (pathname.startsWith('/api/')) {
      return errorResponse(badRequest({ title: 'Malformed URL', detail: 'The path has a percent-escape that does not decode' }));
    }
    return new Response('Bad Request: the address has a percent-escape that does not decode.\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    });
  }
}
