/**
 * A fresh database per suite on the PostgreSQL server named by `SOLEUS_TEST_DATABASE_URL` (a superuser
 * URL; `scripts/throwaway-postgres.sh start DIR` prints one). Without the variable the suite fails with
 * the command to run: these tests never pass by skipping.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The variable naming the test server. */
export const TEST_DATABASE_VARIABLE = 'SOLEUS_TEST_DATABASE_URL';

/** A database created for one suite. */
export interface TestDatabase {
  /** URL of the new, empty database. */
  readonly url: string;
  /** Drops it (open connections are terminated). */
  drop(): Promise<void>;
}

/**
 * The admin URL, or a failure that says how to get one.
 * @returns the URL
 */
export function adminUrl(): string {
  const url = process.env[TEST_DATABASE_VARIABLE];
  if (!url) {
    throw new Error(
      `${TEST_DATABASE_VARIABLE} is not set: the PostgreSQL tests need a server. Start a throw-away one with ` +
        `D=$(mktemp -d) && export ${TEST_DATABASE_VARIABLE}=$(scripts/throwaway-postgres.sh start "$D") ` +
        '(needs apt-get install -y postgresql), then pnpm test:postgres; stop it with scripts/throwaway-postgres.sh stop "$D".',
    );
  }
  return url;
}

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database.
 * @returns its URL and a drop function
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `soleus_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
