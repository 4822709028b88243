import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its card on a narrow screen instead of widening the page; the region
 * can be focused so that a keyboard can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="admin-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
