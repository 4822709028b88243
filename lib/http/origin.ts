// Cross-site request forgery: a state-changing admin request (sign-in and sign-out included, and
// every server action) must come from a page of this site. Browsers say where a request comes from:
// `Origin` on every POST, and `Sec-Fetch-Site` too. A request with neither is not from a browser page
// (curl, a script), so no other site can have made it, and it passes.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const firstValue = (header: string | null) => header?.split(',')[0]?.trim() || undefined;

/** Where the client addressed us: a proxy's X-Forwarded-Host, else Host. */
function addressedHost(headers: Headers): string | undefined {
  return (firstValue(headers.get('x-forwarded-host')) ?? headers.get('host') ?? undefined)?.toLowerCase();
}

/**
 * Whether a request comes from another site. The scheme is left out of the comparison: behind a TLS
 * proxy the server sees http while the page was https, and a page on another host is what matters.
 */
export function isCrossSite({ method, headers }: { method: string; headers: Headers }): boolean {
  if (SAFE.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  if (origin !== null) {
    if (origin === 'null') return true;
    try {
      return new URL(origin).host.toLowerCase() !== addressedHost(headers);
    } catch {
      return true;
    }
  }
  const site = headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

export function crossSitePage(): Response {
  const body =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Request refused</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">' +
    '<h1>Request refused</h1><p>This request came from another site, so nothing was changed. ' +
    'Open the <a href="/admin">admin view</a> and try again from there.</p></body></html>';
  return new Response(body, {
    status: 403,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
    },
  });
}
