/**
 * PostgreSQL for tests: the server comes from DUTY_TEST_DATABASE_URL (CI and `npm test` start a
 * throwaway cluster, scripts/pg-test-cluster.mjs), and every test gets its own database (or, for
 * the migration tests, its own empty schema), so tests never see each other's rows. Without the
 * variable the PostgreSQL suites fail, loudly.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../../electron/db/pg-migrate';

/** Set by the vitest project that re-runs the repository and service suites on PostgreSQL. */
export const ON_POSTGRES = process.env.DUTY_TEST_ENGINE === 'postgres';

export function testServerUrl(): string {
  const url = process.env.DUTY_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'DUTY_TEST_DATABASE_URL is not set: the PostgreSQL suites need a server. `npm test` starts one ' +
        '(scripts/pg-test-cluster.mjs); or set it to postgres://user@127.0.0.1:PORT/DB.',
    );
  }
  return url;
}

/** The URL with `search_path` set to `schema`: the console's tables are made and read there. */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A new, empty schema on the test server (for the migration tests); its URL. */
export async function freshSchemaUrl(): Promise<string> {
  const base = testServerUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await c.end();
  }
  return urlWithSchema(base, schema);
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: testServerUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function urlWithDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Migrated once per test file, then copied for each test: a copy is cheaper than migrating. */
let template: Promise<string> | null = null;

/** A new database holding the current schema and no rows (a copy of a migrated template); its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  template ??= (async () => {
    const name = `duty_template_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const db = await openPostgres(urlWithDatabase(testServerUrl(), name), { listen: false });
    // No connection may stay on a template while it is copied.
    await db.close();
    return name;
  })();
  const from = await template;
  const name = `duty_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${from}`);
  return urlWithDatabase(testServerUrl(), name);
}
