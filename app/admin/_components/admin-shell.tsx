import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Actor } from '@/lib/auth/credentials';

const sections = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/survey_responses', label: 'Responses' },
  { href: '/admin/surveys', label: 'Surveys' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/keys', label: 'Keys' },
  { href: '/admin/webhooks', label: 'Webhooks' },
] as const;

export type AdminSection = (typeof sections)[number]['href'];

/** The frame of every signed-in admin page: navigation, who is signed in, sign-out, the page's title. */
export function AdminShell({ admin, current, title, actions, children }: { admin: Actor; current: AdminSection; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <>
      <header className="admin-header">
        <nav aria-label="Admin">
          <ul className="admin-nav">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href} aria-current={s.href === current ? 'page' : undefined} prefetch={false}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form method="post" action="/admin/sign-out" className="admin-who">
          <span>{admin.email}</span>
          <button className="admin-button admin-button-quiet" type="submit">
            Sign out
          </button>
        </form>
      </header>
      <main className="admin-card">
        <div className="admin-bar">
          <h1>{title}</h1>
          {actions}
        </div>
        {children}
      </main>
    </>
  );
}
