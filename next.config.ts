import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  // The database drivers load from node_modules at run time, never bundled (better-sqlite3 is a native
  // addon); so do the logger and the metrics registry, one instance per process for every route.
  serverExternalPackages: ['better-sqlite3', 'pg', 'pino', 'prom-client', 'nodemailer'],
  poweredByHeader: false,
  skipTrailingSlashRedirect: true,
  // The admin view may only be framed by itself (its survey preview): no clickjacking from elsewhere.
  // Only X-Frame-Options: a header set here replaces the route's own, and the preview's content sets
  // a strict Content-Security-Policy of its own.
  // Zendesk allows `.json` after any resource path (`/api/v2/users/me.json`), and client libraries such
  // as node-zendesk always send it: it names the same resource. Rewritten before the routes are matched.
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/api/v2/:path+.json', destination: '/api/v2/:path+' },
        { source: '/api/v2/:path+/', destination: '/api/v2/:path+' },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [{ source: '/admin/:path*', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] }];
  },
};

export default withNextIntl(nextConfig);
