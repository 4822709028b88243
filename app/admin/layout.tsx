import type { ReactNode } from 'react';
import './admin.css';

export const metadata = { title: 'Help Center Surveys admin', robots: { index: false, follow: false } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-US">
      <body>
        <div className="admin-page">{children}</div>
      </body>
    </html>
  );
}
