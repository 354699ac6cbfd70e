import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { migration0010 } from '../../../../electron/db/migrations/0010-accounts';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < migration0010.version);
const ALL = [...BEFORE, migration0010];
const ACCOUNT =
  "INSERT INTO accounts (name, role, phone, password_hash, created_at, updated_at) VALUES (?, ?, '', ?, 't', 't')";

describe('migration 0010-accounts', () => {
  const tempDir = useTempDirs();

  it('upgrades a database with data in it, keeping the data and adding accounts, auth_events and seat_sessions', async () => {
    const db = await Database.open(join(tempDir(), 'm.sqlite3'));
    await migrate(db, BEFORE);
    await db.write((q) => q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('甲', '乙', 'x')"));
    await migrate(db, ALL);
    expect(await db.read((q) => q.all('SELECT leader FROM duty_sessions'))).toEqual([{ leader: '甲' }]);
    expect(await db.read((q) => q.get('PRAGMA user_version'))).toEqual({ user_version: migration0010.version });
    const tables = await db.read((q) =>
      q.all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('accounts', 'auth_events', 'seat_sessions') ORDER BY name",
      ),
    );
    expect(tables.map((t) => t.name)).toEqual(['accounts', 'auth_events', 'seat_sessions']);
    await db.close();
  });

  it('refuses an unknown role, a password that is not a scrypt hash, and a second account of the same name in any case', async () => {
    const db = await Database.open(join(tempDir(), 'm2.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run(ACCOUNT, ['Li', '带班领导', 'scrypt$1$1$1$a$b']));
    await expect(db.write((q) => q.run(ACCOUNT, ['Wang', '主任', 'scrypt$1$1$1$a$b']))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(ACCOUNT, ['Zhao', '值班员', 'plain-password']))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(ACCOUNT, ['LI', '值班员', 'scrypt$1$1$1$a$b']))).rejects.toThrow(/UNIQUE/);
    await db.close();
  });

  it('keeps the audit record append-only', async () => {
    const db = await Database.open(join(tempDir(), 'm3.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run("INSERT INTO auth_events (at, kind, name) VALUES ('t', 'login', '甲')"));
    await expect(db.write((q) => q.run("UPDATE auth_events SET kind = 'x'"))).rejects.toThrow(/append-only/);
    await expect(db.write((q) => q.run('DELETE FROM auth_events'))).rejects.toThrow(/append-only/);
    expect(await db.read((q) => q.all('SELECT kind, name FROM auth_events'))).toEqual([{ kind: 'login', name: '甲' }]);
    await db.close();
  });
});
