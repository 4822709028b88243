/** An ISO 8601 UTC timestamp shown to the minute, saying it is UTC (the admin view's convention). */
export function UtcTime({ iso }: { iso: string | null }) {
  if (!iso) return <span className="admin-muted">—</span>;
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}
