type Props = { searchParams: Promise<{ error?: string }> };

const messages: Record<string, string> = {
  invalid: 'The email or password is not right.',
  throttled: 'Too many failed attempts for this email. Try again in 15 minutes.',
};

// A plain form: it works without JavaScript; /admin/session answers with a redirect.
export default async function SignInPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const message = error ? messages[error] : undefined;
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
