/** Creates and drops throw-away PostgreSQL databases for test runs. */
import pg from 'pg';

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function createDatabase(adminUrl: string, name: string): Promise<void> {
  return withClient(adminUrl, async (c) => void (await c.query(`CREATE DATABASE ${quote(name)}`)));
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return withClient(adminUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)));
}
