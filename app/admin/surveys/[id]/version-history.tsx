import Link from 'next/link';
import { UtcTime } from '../../_components/utc-time';

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
              <td>
                <UtcTime at={v.createdAt} seconds />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
