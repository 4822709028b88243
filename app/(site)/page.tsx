import { FirstSteps } from './_components/first-steps';
import { WhereToGo } from './_components/where-to-go';

// The home page tells a newcomer where to go: the admin view, the API reference, and a first survey
// link. Static text rendered on the server; it needs no script.
export default function HomePage() {
  return (
    <>
      <header className="site-header">
        <h1>Help Center Surveys</h1>
        <p className="site-lead">
          Self-hosted customer satisfaction and NPS surveys: a Zendesk-compatible survey API, localized survey pages for the
          rating links in your emails, and a SatisMeter-compatible API for surveys answered in apps.
        </p>
      </header>
      <main>
        <WhereToGo />
        <FirstSteps />
      </main>
      <footer className="site-footer">
        <p>
          The full documentation (API rules, survey page, ingestion, admin view, operations) is in the <code>docs/</code> folder of
          the source code.
        </p>
      </footer>
    </>
  );
}
