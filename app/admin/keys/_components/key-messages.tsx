import { capitalized, keyKindLabels, revokeKeyParam, type listKeys } from '@/lib/admin/keys';

type Params = { revoked?: string; not_revoked?: string };

/**
 * What the last revocation did (checked against the list, so a crafted link cannot claim a live key
 * is revoked), or why a confirm link cannot be followed.
 */
export function KeyMessages({ params, keys, confirmMissing }: { params: Params; keys: Awaited<ReturnType<typeof listKeys>>; confirmMissing: boolean }) {
  const revoked = revokeKeyParam.safeParse(params.revoked ?? '');
  const done = revoked.success && keys[revoked.data.kind].some((k) => k.id === revoked.data.id && !k.active);
  const refused = params.not_revoked !== undefined;
  return (
    <>
      {done && (
        <p className="admin-notice" role="status">
          {capitalized(keyKindLabels[revoked.data.kind])} {revoked.data.id} is revoked: requests that use it are refused from now on.
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
