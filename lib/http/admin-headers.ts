// The admin view's Content-Security-Policy, with a fresh nonce per request: Next reads the policy
// from the request headers and puts the nonce on every script it renders, so only the page's own
// scripts run ('strict-dynamic' lets them load the chunks they need). The survey preview's content
// route sets a stricter policy of its own and is left alone.

const PREVIEW_CONTENT = /^\/admin\/surveys\/[^/]+\/preview\/content$/;

export function adminPolicy(pathname: string): { nonce: string; policy: string } | undefined {
  if (PREVIEW_CONTENT.test(pathname)) return undefined;
  const nonce = btoa(crypto.randomUUID());
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  return { nonce, policy };
}

/** Sent with every admin page: no address of the admin view (ids, filters) leaves for another site. */
export const ADMIN_REFERRER_POLICY = 'same-origin';
