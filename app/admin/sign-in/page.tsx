type Props = { searchParams: Promise<{ error?: string; wait?: string }> };

const messages: Record<string, (wait: number) => string> = {
  invalid: () => 'The email or password is not right.',
  throttled: (wait) => `Too many failed sign-ins from your network address. Try again in ${wait === 1 ? 'a minute' : `${wait} minutes`}.`,
};

// A plain form: it works without JavaScript; /admin/session answers with a redirect.
export default async function SignInPage({ searchParams }: Props) {
  const { error, wait } = await searchParams;
  const minutes = Math.min(Math.max(Number.parseInt(wait ?? '', 10) || 5, 1), 1440);
  const message = error ? messages[error]?.(minutes) : undefined;
  return (
    <main className="admin-card">
      <h1>Sign in to Help Center Surveys</h1>
      {message && (
        <p className="admin-error" role="alert">
          {message}
        </p>
      )}
      <form className="admin-form" method="post" action="/admin/session">
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required />
        </label>
        <button className="admin-button" type="submit">
          Sign in
        </button>
      </form>
    </main>
  );
}
