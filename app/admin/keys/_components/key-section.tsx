import type { AdminKey } from '@/lib/admin/keys/keys';
import type { KeyKind } from '@/lib/admin/keys/labels';
import { CreateKeyForm } from './create-key-form';
import { KeyTable } from './key-table';
import { RevokeConfirm } from './revoke-confirm';

const about: Record<KeyKind, { title: string; what: string; usage: string }> = {
  api_token: {
    title: 'API tokens',
    what: 'Account-wide secrets for the Zendesk-compatible API. A request names a user by email and acts with that user’s role.',
    usage: 'Use it as HTTP Basic credentials: {email}/token:{this token} (e.g. curl -u "you@example.com/token:…").',
  },
  write_key: {
    title: 'Write keys',
    what: 'Secrets that only post survey answers from an app (POST /api/responses), as SatisMeter write keys do.',
    usage: 'Send it as "writeKey" in the JSON body of POST /api/responses.',
  },
};

type Props = { kind: KeyKind; label: string; keys: AdminKey[]; confirmKey?: AdminKey; view: string };

// `view` (the page's query) keys the create form: a new secret stays on screen while the list is
// refreshed after creating it, and goes away with the next page (e.g. a revocation) even when the
// browser moves there without a full load.
export function KeySection({ kind, label, keys, confirmKey, view }: Props) {
  const { title, what, usage } = about[kind];
  return (
    <section className="keys-section" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{title}</h2>
      <p className="admin-muted">{what}</p>
      {confirmKey && <RevokeConfirm kind={kind} label={label} keyRow={confirmKey} />}
      <CreateKeyForm key={view} kind={kind} label={label} usage={usage} />
      <KeyTable kind={kind} label={label} title={title} keys={keys} />
    </section>
  );
}
