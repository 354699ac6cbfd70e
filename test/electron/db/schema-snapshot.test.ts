import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/migrate';
import { useTempDirs } from '../../helpers/temp-dir';

const SNAPSHOT = join(__dirname, 'schema.snapshot.sql');

/** Fails on any schema change that was not recorded: update the snapshot in the same commit as the migration. */
describe('schema snapshot', () => {
  const tempDir = useTempDirs();

  it('matches the committed schema', async () => {
    const db = await openDatabase(join(tempDir(), 'snap.sqlite3'));
    const rows = await db.read((q) =>
      q.all<{ sql: string }>(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
      ),
    );
    await db.close();
    const schema = rows.map((r) => r.sql.replace(/\s+/g, ' ').trim() + ';').join('\n') + '\n';
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1' || !existsSync(SNAPSHOT)) {
      if (process.env.CI)
        throw new Error('schema.snapshot.sql is missing; run with UPDATE_SCHEMA_SNAPSHOT=1 and commit it');
      writeFileSync(SNAPSHOT, schema);
    }
    expect(schema).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});
