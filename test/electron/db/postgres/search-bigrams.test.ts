/**
 * Migration 0021 on PostgreSQL: the search's bigram index is filled for the incidents already
 * there, and its trigger keeps it current (the SQLite side: test/electron/db/migrations/0021).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { PgDatabase } from '../../../../electron/db/pg-connection';
import { migratePostgres } from '../../../../electron/db/pg-migrate';
import { searchBigrams } from '../../../../shared/incidents/search-query';
import { freshSchemaUrl } from '../../../helpers/postgres';

const insert = (id: number, title: string, narrative: string) =>
  `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
     reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
   VALUES (${id}, '2026-000${id}', 'environment', '${title}', '["山阴县"]', '2026-11-29T01:00:00.000Z', '2026-11-29T01:20:00.000Z',
     'Sx环保局', '', '', '电话', '${narrative}', '{}', '接报', 0, '2026-11-29T01:20:00.000Z', '赵珺', '2026-11-29T01:20:00.000Z')`;

async function pairs(db: PgDatabase): Promise<{ stored: string[]; expected: string[] }> {
  const rows = await db.read((q) =>
    q.all<{ id: number; doc: string }>(
      'SELECT id, title || narrative || reporter_unit || serial || places AS doc FROM incidents',
    ),
  );
  const stored = await db.read((q) => q.all<{ incident_id: number; bigram: string }>('SELECT * FROM incident_bigrams'));
  return {
    stored: stored.map((r) => `${r.incident_id} ${r.bigram}`).sort(),
    expected: rows.flatMap((r) => searchBigrams(r.doc).map((b) => `${r.id} ${b}`)).sort(),
  };
}

describe('migration 0021-search-bigrams on PostgreSQL', () => {
  it('fills the index for the incidents already there, and the trigger keeps it current', async () => {
    const db = await PgDatabase.connect(await freshSchemaUrl());
    try {
      await migratePostgres(
        db,
        MIGRATIONS.filter((m) => m.version < 21),
      );
      const long = Array.from({ length: 450 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
      await db.write(async (q) => {
        await q.run(insert(1, '化工厂储罐泄漏', '储罐阀门泄漏'));
        await q.run(insert(2, 'G208国道油污ÄΣ', long));
      });
      await migratePostgres(db);
      const filled = await pairs(db);
      expect(filled.stored).toEqual(filled.expected);
      expect(filled.stored).toEqual(expect.arrayContaining(['1 泄漏', '2 g2', '2 ÄΣ']));

      await db.write(async (q) => {
        await q.run("UPDATE incidents SET narrative = '已控制', status = '处置中' WHERE id = 1");
        await q.run("UPDATE incidents SET status = '核实中' WHERE id = 2");
        await q.run(insert(3, '尾矿库渗漏', ''));
      });
      const edited = await pairs(db);
      expect(edited.stored).toEqual(edited.expected);
      expect(edited.stored).not.toContain('1 阀门');
      await db.write((q) => q.run('DELETE FROM incidents WHERE id = 2'));
      const left = await pairs(db);
      expect(left.stored).toEqual(left.expected);
      expect(left.stored.some((p) => p.startsWith('2 '))).toBe(false);
    } finally {
      await db.close();
    }
  });
});
