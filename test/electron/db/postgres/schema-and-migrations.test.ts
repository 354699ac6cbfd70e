/**
 * The schema on PostgreSQL (issue 17): the snapshot of what the baseline and the later migrations'
 * PostgreSQL bodies make, the same tables and columns as on SQLite, migrations under an advisory
 * lock (two seats starting at once), and a newer schema refused untouched, as on SQLite.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../../electron/db/connection';
import { openDatabase } from '../../../../electron/db/migrate';
import { LATEST_VERSION } from '../../../../electron/db/migrations';
import { PgDatabase } from '../../../../electron/db/pg-connection';
import { migratePostgres, openPostgres, pgSchemaVersion } from '../../../../electron/db/pg-migrate';
import { freshSchemaUrl } from '../../../helpers/postgres';
import { useTempDirs } from '../../../helpers/temp-dir';
import { messageOf } from '../../../../shared/errors';

const SNAPSHOT = join(__dirname, 'schema.postgres.snapshot.sql');

async function pgSchema(db: PgDatabase): Promise<string> {
  return db.read(async (q) => {
    const schema = (await q.get<{ s: string }>('SELECT current_schema() AS s'))!.s;
    const columns = await q.all<Record<string, string | null>>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, collation_name, is_identity
       FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    );
    const constraints = await q.all<{ t: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS t, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c WHERE c.connamespace = current_schema()::regnamespace ORDER BY 1, 2`,
    );
    const indexes = await q.all<{ def: string }>(
      'SELECT indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname',
    );
    const triggers = await q.all<{ def: string }>(
      `SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal ORDER BY t.tgname`,
    );
    const lines = [
      ...columns.map(
        (c) =>
          `COLUMN ${Object.values(c)
            .map((v) => v ?? 'NULL')
            .join(' | ')}`,
      ),
      ...constraints.map((c) => `CONSTRAINT ${c.t} ${c.name} ${c.def}`),
      ...indexes.map((i) => `INDEX ${i.def}`),
      ...triggers.map((t) => `TRIGGER ${t.def}`),
    ];
    return lines.join('\n').replaceAll(`${schema}.`, '') + '\n';
  });
}

describe('the schema on PostgreSQL', () => {
  const tempDir = useTempDirs();

  it('matches the committed PostgreSQL snapshot', async () => {
    const db = await openPostgres(await freshSchemaUrl(), { listen: false });
    const schema = await pgSchema(db);
    await db.close();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1' || !existsSync(SNAPSHOT)) {
      if (process.env.CI)
        throw new Error('schema.postgres.snapshot.sql is missing; run with UPDATE_SCHEMA_SNAPSHOT=1 and commit it');
      writeFileSync(SNAPSHOT, schema);
    }
    expect(schema).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('has the same tables and columns as the SQLite schema', async () => {
    const lite = await openDatabase(join(tempDir(), 'same.sqlite3'));
    const liteColumns = await lite.read((q) =>
      q.all<{ t: string; c: string }>(
        `SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY 1, 2`,
      ),
    );
    await lite.close();
    const pg = await openPostgres(await freshSchemaUrl(), { listen: false });
    const pgColumns = await pg.read((q) =>
      q.all<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name <> 'duty_schema' AND column_name <> 'rowid'
         ORDER BY 1, 2`,
      ),
    );
    await pg.close();
    const key = (r: { t: string; c: string }) => `${r.t}.${r.c}`;
    expect(pgColumns.map(key).sort()).toEqual(liteColumns.map(key).sort());
  });

  it('two seats starting at once migrate once, under the advisory lock, and a third finds nothing to do', async () => {
    const url = await freshSchemaUrl();
    const [a, b] = await Promise.all([openPostgres(url, { listen: false }), openPostgres(url, { listen: false })]);
    expect(await a.read(pgSchemaVersion)).toBe(LATEST_VERSION);
    expect(await migratePostgres(b)).toBe(LATEST_VERSION);
    await a.close();
    await b.close();
  });

  it('refuses a schema written by a newer console, and leaves it untouched', async () => {
    const url = await freshSchemaUrl();
    const db = await openPostgres(url, { listen: false });
    await db.write((q) => q.run('UPDATE duty_schema SET version = ?', [LATEST_VERSION + 1]));
    await db.close();
    const err = await openPostgres(url, { listen: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseOpenError);
    // toBeInstanceOf above proves the type
    expect((err as DatabaseOpenError).kind).toBe('too_new');
    expect(messageOf(err)).toContain('请使用新版本打开');
    const again = await PgDatabase.connect(url);
    expect(await again.read(pgSchemaVersion)).toBe(LATEST_VERSION + 1);
    await again.close();
  });
});
