// From a fresh instance to a first survey link. The commands use the default admin address and port;
// the text says what to change.

const AUTH = "-u 'admin@example.com/token:<token>'";

const TOKEN = 'npm run cli -- token add --description "helpdesk"';

const SURVEYS = `curl ${AUTH} \\
  http://localhost:3000/api/v2/guide/en-us/surveys`;

const CREATE = `curl ${AUTH} \\
  -H 'Content-Type: application/json' \\
  -d '{"survey_response":{"survey_id":"<survey id>",
       "subject_zrns":["zen:ticket:1"],"locale":"en-us"}}' \\
  http://localhost:3000/api/v2/guide/survey_responses`;

export function FirstSteps() {
  return (
    <section className="site-card" aria-labelledby="first-steps">
      <h2 id="first-steps">First steps</h2>
      <ol className="site-steps">
        <li>
          <h3>Sign in</h3>
          <p>
            At <a href="/admin/sign-in">/admin/sign-in</a>. The first start printed the admin&apos;s password once: <code>Created the admin admin@example.com with the password …</code>.
            Set <code>ADMIN_EMAIL</code> and <code>ADMIN_PASSWORD</code> before the first start to choose them yourself.
          </p>
        </li>
        <li>
          <h3>Make an API token</h3>
          <p>In the project folder (or on the Keys page of the admin view):</p>
          <pre>
            <code>{TOKEN}</code>
          </pre>
          <p>
            It prints <code>{'{"token":"…"}'}</code> once; only its hash is kept. A request acts as the user whose email comes
            before <code>/token:</code>.
          </p>
        </li>
        <li>
          <h3>Find the survey</h3>
          <p>
            The first start made a customer satisfaction survey. Its <code>id</code> is in the list of surveys:
          </p>
          <pre>
            <code>{SURVEYS}</code>
          </pre>
        </li>
        <li>
          <h3>Create a survey link</h3>
          <p>Offer the survey for a ticket, as a helpdesk does when it solves one:</p>
          <pre>
            <code>{CREATE}</code>
          </pre>
          <p>
            The answer holds <code>links.url_path</code> and one <code>links.rating_links</code> entry per rating: the links
            your email shows. This is the only time the response&apos;s access token is shown.
          </p>
        </li>
        <li>
          <h3>Open the survey page</h3>
          <p>
            Open a rating link on this server: <code>/hc/en-us/survey_responses/&lt;id&gt;?access_token=…&amp;rating=5</code>.
            Opening it only preselects the rating (mail scanners open every link); the answer is stored when the customer
            presses Submit, and shows in the admin view.
          </p>
        </li>
      </ol>
      <p className="site-muted">
        Use your own <code>ADMIN_EMAIL</code> in place of <code>admin@example.com</code>, and this server&apos;s address in place of{' '}
        <code>http://localhost:3000</code>.
      </p>
    </section>
  );
}
