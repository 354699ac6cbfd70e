import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database, DatabaseOpenError } from '../../../electron/db/connection';
import { LATEST_VERSION, migrate, openDatabase, schemaVersion } from '../../../electron/db/migrate';
import { useTempDirs } from '../../helpers/temp-dir';
import { messageOf } from '../../../shared/errors';

describe('migrations', () => {
  const tempDir = useTempDirs();

  it('brings a new database to the latest version with WAL and synchronous=FULL', async () => {
    const db = await openDatabase(join(tempDir(), 'a.sqlite3'));
    expect(await schemaVersion(db)).toBe(LATEST_VERSION);
    const mode = await db.read((q) => q.get<{ journal_mode: string }>('PRAGMA journal_mode'));
    const sync = await db.read((q) => q.get<{ synchronous: number }>('PRAGMA synchronous'));
    expect(mode?.journal_mode).toBe('wal');
    expect(sync?.synchronous).toBe(2);
    await db.close();
  });

  it('is idempotent: reopening runs nothing and keeps the data', async () => {
    const file = join(tempDir(), 'b.sqlite3');
    const db = await openDatabase(file);
    await db.write((q) =>
      q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('张', '李', '2026-01-01T00:00:00.000Z')"),
    );
    await db.close();
    const again = await openDatabase(file);
    const rows = await again.read((q) => q.all('SELECT * FROM duty_sessions'));
    expect(rows).toHaveLength(1);
    await again.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const file = join(tempDir(), 'c.sqlite3');
    const raw = await Database.open(file);
    await raw.raw((q) => q.exec(`CREATE TABLE future (x); PRAGMA user_version = ${LATEST_VERSION + 5}`));
    await raw.close();
    const err = await openDatabase(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseOpenError);
    // toBeInstanceOf above proves the type
    expect((err as DatabaseOpenError).kind).toBe('too_new');
    expect(messageOf(err)).toMatch(/高于本程序支持的版本/);
    const check = await Database.open(file);
    expect(await schemaVersion(check)).toBe(LATEST_VERSION + 5);
    expect(await check.read((q) => q.all("SELECT name FROM sqlite_master WHERE name = 'incidents'"))).toHaveLength(0);
    await check.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves the version and schema unchanged', async () => {
    const db = await Database.open(join(tempDir(), 'd.sqlite3'));
    const steps = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE one (x);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE two (x); THIS IS NOT SQL;' },
    ];
    await expect(migrate(db, steps)).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(0);
    expect(await db.read((q) => q.all("SELECT name FROM sqlite_master WHERE type = 'table'"))).toHaveLength(0);
    await db.close();
  });

  it('refuses a file that is not a database with a clear message', async () => {
    const file = join(tempDir(), 'e.sqlite3');
    writeFileSync(file, 'this is not a database at all, just text'.repeat(200));
    const err = await openDatabase(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseOpenError);
    // toBeInstanceOf above proves the type
    expect((err as DatabaseOpenError).kind).toBe('corrupt');
    expect(messageOf(err)).toMatch(/数据库/);
  });
});
