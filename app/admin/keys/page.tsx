import { keysPage } from '@/lib/admin/keys/keys';
import { keyKindLabels, keyKinds } from '@/lib/admin/keys/labels';
import { AdminShell } from '../_components/admin-shell';
import { pageAdmin } from '../_components/session';
import { KeyMessages } from './_components/key-messages';
import { KeySection } from './_components/key-section';
import './keys.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function KeysPage({ searchParams }: Props) {
  const actor = await pageAdmin();
  const params = await searchParams;
  const page = await keysPage({ actor, revoke: one(params.revoke), revoked: one(params.revoked) });
  const view = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x]))).toString();
  return (
    <AdminShell admin={actor} current="/admin/keys" title="Keys">
      <KeyMessages revoked={page.revoked} refused={params.not_revoked !== undefined} confirmMissing={page.confirmMissing} />
      {keyKinds.map((kind) => (
        <KeySection
          key={kind}
          kind={kind}
          label={keyKindLabels[kind]}
          keys={page.keys[kind]}
          confirmKey={page.confirm?.kind === kind ? page.confirm.key : undefined}
          view={view}
        />
      ))}
    </AdminShell>
  );
}
