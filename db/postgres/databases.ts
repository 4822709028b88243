// Throwaway PostgreSQL databases for the test suites: made and dropped through a server's admin URL
// (one where we may CREATE DATABASE), never the application's own connection.
import pg from 'pg';

const NAME = /^[a-z0-9_]+$/;

function checkName(name: string): string {
  if (!NAME.test(name) || name.length > 63) throw new Error(`not a test database name: ${JSON.stringify(name)}`);
  return name;
}

/** The URL of database `name` on the server of `adminUrl` (same user, password, host and options). */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${checkName(name)}`;
  return url.toString();
}

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops database `name` if it exists (ending its sessions), then creates it empty. Returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const id = `"${checkName(name)}"`;
  await onAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${id}`);
  });
  return databaseUrl(adminUrl, name);
}

/** Drops database `name` if it exists, ending any session still on it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const id = `"${checkName(name)}"`;
  await onAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`));
}

/** Drops every database whose name starts with `prefix` (a run's own, left by a test file that ended early). */
export async function dropDatabasesStartingWith(adminUrl: string, prefix: string): Promise<string[]> {
  checkName(prefix);
  const { rows } = await onAdmin(adminUrl, (client) =>
    client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]),
  );
  for (const { datname } of rows) await dropDatabase(adminUrl, datname);
  return rows.map((row) => row.datname);
}

/** Makes database `name` (dropped first if it exists) as a copy of `template`, which nobody may be using. */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template: string): Promise<string> {
  const [id, from] = [`"${checkName(name)}"`, `"${checkName(template)}"`];
  await onAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${id} TEMPLATE ${from}`);
  });
  return databaseUrl(adminUrl, name);
}
