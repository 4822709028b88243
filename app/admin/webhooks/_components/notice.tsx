/** A notice named in the URL (`?notice=`), looked up as data: an unknown name shows nothing. */
export function Notice({ name, notices }: { name: string | undefined; notices: Map<string, { text: string; error?: boolean }> }) {
  const notice = name === undefined ? undefined : notices.get(name);
  if (!notice) return null;
  return notice.error ? (
    <p className="admin-error" role="alert">
      {notice.text}
    </p>
  ) : (
    <p className="admin-notice" role="status">
      {notice.text}
    </p>
  );
}
