// The two places a newcomer goes from the home page. Plain links: nothing here needs a script.
export function WhereToGo() {
  return (
    <section className="site-card" aria-labelledby="where-to-go">
      <h2 id="where-to-go">Where to go</h2>
      <ul className="site-places">
        <li>
          <h3>
            <a href="/admin/sign-in">Sign in to the admin view</a>
          </h3>
          <p>
            Browse responses, see CSAT and NPS over time, edit surveys, and manage users, API tokens and write keys. Sign in with
            the admin&apos;s email and password.
          </p>
        </li>
        <li>
          <h3>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a route handler's HTML, not a page: a full load */}
            <a href="/api/docs">Read the API reference</a>
          </h3>
          <p>
            The Zendesk-compatible Guide <code>survey_responses</code> and <code>surveys</code> endpoints, the Users subset and the
            SatisMeter-compatible <code>POST /api/responses</code>, with every request, answer and error. Also as an{' '}
            <a href="/api/openapi.json">OpenAPI 3.1 document</a> for client generators.
          </p>
        </li>
      </ul>
    </section>
  );
}
