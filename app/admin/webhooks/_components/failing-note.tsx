import type { Failing } from '@/lib/admin/webhooks/failing';
import { UtcTime } from '../../_components/utc-time';

/** Failing (every attempt failed for over 24 h) stands out; failing more recently is a warning. */
export function FailingNote({ failing }: { failing: Failing }) {
  if (!failing) return <span className="admin-muted">OK</span>;
  if (failing.state === 'failing') {
    return (
      <strong className="webhooks-failing">
        Failing: every delivery since <UtcTime at={failing.since} /> has failed
      </strong>
    );
  }
  return (
    <span className="webhooks-warning">
      Failing since <UtcTime at={failing.since} /> (still retrying)
    </span>
  );
}
