import type { AdminKey } from '@/lib/admin/keys/keys';
import { capitalized, keyKindLabels, type KeyKind } from '@/lib/admin/keys/labels';

type Props = { revoked: { kind: KeyKind; key: AdminKey } | undefined; refused: boolean; confirmMissing: boolean };

/** What the last revocation did (lib checked it against the list), or why a confirm link cannot be followed. */
export function KeyMessages({ revoked, refused, confirmMissing }: Props) {
  return (
    <>
      {revoked && (
        <p className="admin-notice" role="status">
          {capitalized(keyKindLabels[revoked.kind])} {revoked.key.id} is revoked: requests that use it are refused from now on.
        </p>
      )}
      {(refused || confirmMissing) && (
        <p className="admin-error" role="alert">
          {refused ? 'Nothing was revoked: no' : 'No'} active key matches this link (it may be revoked already, or the link is not valid). The lists below
          show every key.
        </p>
      )}
    </>
  );
}
