import { keyKindLabels, keyKinds, listKeys, revokeKeyParam } from '@/lib/admin/keys';
import { AdminShell } from '../_components/admin-shell';
import { pageAdmin } from '../_components/session';
import { KeyMessages } from './_components/key-messages';
import { KeySection } from './_components/key-section';
import './keys.css';

type Props = { searchParams: Promise<{ revoke?: string; revoked?: string; not_revoked?: string }> };

export default async function KeysPage({ searchParams }: Props) {
  const admin = await pageAdmin();
  const params = await searchParams;
  const keys = await listKeys();
  const confirm = params.revoke === undefined ? undefined : revokeKeyParam.safeParse(params.revoke);
  const confirmKey = confirm?.success ? keys[confirm.data.kind].find((k) => k.id === confirm.data.id && k.active) : undefined;
  return (
    <AdminShell admin={admin} current="/admin/keys" title="Keys">
      <KeyMessages params={params} keys={keys} confirmMissing={confirm !== undefined && !confirmKey} />
      {keyKinds.map((kind) => (
        <KeySection
          key={kind}
          kind={kind}
          label={keyKindLabels[kind]}
          keys={keys[kind]}
          confirmKey={confirm?.success && confirm.data.kind === kind ? confirmKey : undefined}
          view={new URLSearchParams(params).toString()}
        />
      ))}
    </AdminShell>
  );
}
