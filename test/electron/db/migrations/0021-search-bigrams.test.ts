import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { DERIVED_TABLES } from '../../../../electron/db/derived-repository';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { searchBigrams } from '../../../../shared/incidents/search-query';
import { useTempDirs } from '../../../helpers/temp-dir';

const insert = (id: number, title: string, narrative: string) =>
  `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
     reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
   VALUES (${id}, '2026-000${id}', 'environment', '${title}', '["山阴县"]', '2026-11-29T01:00:00.000Z', '2026-11-29T01:20:00.000Z',
     'Sx环保局', '', '', '电话', '${narrative}', '{}', '接报', 0, '2026-11-29T01:20:00.000Z', '赵珺', '2026-11-29T01:20:00.000Z')`;

async function pairs(db: Database): Promise<string[]> {
  const rows = await db.read((q) => q.all<{ incident_id: number; bigram: string }>('SELECT * FROM incident_bigrams'));
  return rows.map((r) => `${r.incident_id} ${r.bigram}`).sort();
}

async function expectedPairs(db: Database): Promise<string[]> {
  const rows = await db.read((q) =>
    q.all<{ id: number; doc: string }>(
      'SELECT id, title || narrative || reporter_unit || serial || places AS doc FROM incidents',
    ),
  );
  return rows.flatMap((r) => searchBigrams(r.doc).map((b) => `${r.id} ${b}`)).sort();
}

describe('migration 0021-search-bigrams', () => {
  const tempDir = useTempDirs();

  it('fills the index for the incidents already there, long texts included, and triggers keep it current', async () => {
    const db = await Database.open(join(tempDir(), 'm21.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 21),
    );
    // A 事件简要情况 of several pieces (the index cuts texts every 100 characters), every pair in it
    // once: a pair lost at a cut is missing from the index.
    const long = Array.from({ length: 450 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    await db.write(async (q) => {
      await q.run(insert(1, '化工厂储罐泄漏', '储罐阀门泄漏'));
      await q.run(insert(2, 'G208国道油污', long));
    });
    await migrate(db);
    const backfilled = await pairs(db);
    expect(backfilled).toEqual(await expectedPairs(db));
    expect(backfilled).toContain('1 泄漏');
    expect(backfilled).toContain('2 g2');
    expect(backfilled).toEqual(expect.arrayContaining(searchBigrams(long).map((b) => `2 ${b}`)));

    await db.write(async (q) => {
      await q.run("UPDATE incidents SET narrative = '已控制', status = '处置中' WHERE id = 1");
      await q.run("UPDATE incidents SET status = '核实中' WHERE id = 2");
      await q.run(insert(3, '尾矿库渗漏', ''));
    });
    expect(await pairs(db)).toEqual(await expectedPairs(db));
    expect(await pairs(db)).not.toContain('1 阀门');
    await db.write((q) => q.run('DELETE FROM incidents WHERE id = 2'));
    const left = await pairs(db);
    expect(left).toEqual(await expectedPairs(db));
    expect(left.some((p) => p.startsWith('2 '))).toBe(false);
    // Rebuilt from the records at any time: never exported as user data.
    expect(DERIVED_TABLES).toContain('incident_bigrams');
    await db.close();
  });
});
