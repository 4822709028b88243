import Link from 'next/link';
import { iso } from '@/lib/time';

const utc = (ms: number) => iso(ms).slice(0, 19).replace('T', ' ');

/** The newest versions, each linked to its preview. */
export function VersionHistory({ id, versions }: { id: string; versions: { version: number; createdAt: number }[] }) {
  return (
    <section aria-labelledby="surveys-history">
      <h2 id="surveys-history">Version history</h2>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Created (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                <Link href={`/admin/surveys/${id}/preview?version=${v.version}`} prefetch={false}>{`Version ${v.version}`}</Link>
              </td>
              <td>{utc(v.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
