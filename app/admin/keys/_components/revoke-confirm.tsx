import Link from 'next/link';
import type { AdminKey } from '@/lib/admin/keys/keys';
import type { KeyKind } from '@/lib/admin/keys/labels';
import { revokeKeyAction } from '../actions';

/** The confirm step of a revocation: a plain form (it works without JavaScript) or a way back. */
export function RevokeConfirm({ kind, label, keyRow }: { kind: KeyKind; label: string; keyRow: AdminKey }) {
  return (
    <section id="confirm" className="keys-confirm" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">
        Revoke {label} {keyRow.id}?
      </h2>
      <p>
        “{keyRow.description}” stops working at once: every request that uses it is refused (401). This cannot be undone; make a new one
        instead.
      </p>
      <form action={revokeKeyAction} className="keys-confirm-actions">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={keyRow.id} />
        <button className="admin-button keys-danger" type="submit">
          Revoke {label} {keyRow.id}
        </button>
        <Link href="/admin/keys">Cancel</Link>
      </form>
    </section>
  );
}
