import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { migration0001 } from '../../../../electron/db/migrations/0001-initial';
import { migration0002 } from '../../../../electron/db/migrations/0002-alarms';
import { migration0003 } from '../../../../electron/db/migrations/0003-reports';
import { migration0004 } from '../../../../electron/db/migrations/0004-rosters';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = [migration0001, migration0002, migration0003];

describe('migration 0004-rosters', () => {
  const tempDir = useTempDirs();

  it('upgrades a version-3 database with data in it, keeping the data', async () => {
    const db = await Database.open(join(tempDir(), 'm4.sqlite3'));
    await migrate(db, BEFORE);
    await db.write((q) => q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('甲', '乙', 'x')"));
    await migrate(db, [...BEFORE, migration0004]);
    expect(await db.read((q) => q.all('SELECT leader FROM duty_sessions'))).toEqual([{ leader: '甲' }]);
    const tables = await db.read((q) =>
      q.all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'roster%' ORDER BY name",
      ),
    );
    expect(tables.map((t) => t.name)).toEqual(['roster_contact_history', 'roster_contacts', 'roster_entries']);
    await db.close();
  });

  it('keys contacts to seed entries, refuses unknown entries and half-ended contacts', async () => {
    const db = await Database.open(join(tempDir(), 'm4b.sqlite3'));
    await migrate(db, [...BEFORE, migration0004]);
    await db.write((q) =>
      q.run(
        `INSERT INTO roster_entries (roster_id, entry_kind, entry_id, name, document, clause, seed_fields, seeded_at)
         VALUES ('eco-hq', 'unit', 'ecology', '市生态环境局', '朔政办发〔2021〕43号', '2.1', '{}', 't')`,
      ),
    );
    const contact = (entryId: string, ended: string) =>
      `INSERT INTO roster_contacts (roster_id, entry_kind, entry_id, role, name, valid_from, ${ended ? 'ended_at, ' : ''}created_at, created_by, updated_at, updated_by)
       VALUES ('eco-hq', 'unit', '${entryId}', '联络员', '张三', 't', ${ended ? `'${ended}', ` : ''}'t', 'o', 't', 'o')`;
    await db.write((q) => q.run(contact('ecology', '')));
    await expect(db.write((q) => q.run(contact('no-such-unit', '')))).rejects.toThrow(/FOREIGN KEY/);
    // An ended contact always says why.
    await expect(db.write((q) => q.run(contact('ecology', 'x')))).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) =>
        q.run(
          "INSERT INTO roster_entries (roster_id, entry_kind, entry_id, name, document, clause, seed_fields, seeded_at) VALUES ('r', 'bogus', 'x', 'n', 'd', 'c', '{}', 't')",
        ),
      ),
    ).rejects.toThrow(/CHECK/);
    await db.close();
  });
});
