import { iso, utcMinute, utcSecond } from '@/lib/time';

/**
 * A moment (epoch ms, or an ISO 8601 timestamp as the serializers give it) shown in UTC to the
 * minute, or to the second, saying it is UTC (the admin view's convention); absent, a dash.
 */
export function UtcTime({ at, seconds = false }: { at: number | string | null; seconds?: boolean }) {
  if (at === null) return <span className="admin-muted">—</span>;
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return <time dateTime={iso(ms)}>{`${seconds ? utcSecond(ms) : utcMinute(ms)} UTC`}</time>;
}
