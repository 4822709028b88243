import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './site.css';

export const metadata: Metadata = {
  title: 'Help Center Surveys',
  description: 'Self-hosted CSAT and NPS surveys with a Zendesk-compatible API.',
};

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-US">
      <body>
        <div className="site-page">{children}</div>
      </body>
    </html>
  );
}
