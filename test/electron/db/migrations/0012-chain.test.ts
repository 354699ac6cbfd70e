import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { migration0012 } from '../../../../electron/db/migrations/0012-chain';
import { findTimelineEntry, listTimeline, NOT_VOIDED } from '../../../../electron/db/incident-repository';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < migration0012.version);
const ALL = [...BEFORE, migration0012];

const INCIDENT = `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, receive_channel,
  status, created_at, created_by, updated_at) VALUES (1, '2026-0001', 'environment', '河水异常', '[]', 't0', 't0', '电话',
  '接报', 't0', '乙', 't0')`;
const ENTRY =
  'INSERT INTO timeline_entries (id, incident_id, at, kind, text, data, officer) VALUES (?, 1, ?, ?, ?, ?, ?)';

describe('migration 0012-chain', () => {
  const tempDir = useTempDirs();

  it('turns entries voided in place into appended void entries with who, when and why, and drops the void columns', async () => {
    const db = await Database.open(join(tempDir(), 'm.sqlite3'));
    await migrate(db, BEFORE);
    await db.write(async (q) => {
      await q.run(INCIDENT);
      await q.run(ENTRY, [1, '2026-11-29T01:00:00.000Z', 'created', '接报', null, '乙']);
      // Voided by the code of before: the row updated and a void entry appended.
      await q.run(ENTRY, [2, '2026-11-29T01:10:00.000Z', 'note', '记错的备注', null, '乙']);
      await q.run(
        "UPDATE timeline_entries SET voided_at = '2026-11-29T01:20:00.000Z', voided_by = '丙', void_reason = '记错事件' WHERE id = 2",
      );
      await q.run(ENTRY, [
        3,
        '2026-11-29T01:20:00.000Z',
        'void',
        '作废记录「记错的备注」，原因：记错事件',
        '{"entryId":2}',
        '丙',
      ]);
      // Voided by a still older version that appended nothing.
      await q.run(ENTRY, [4, '2026-11-29T01:30:00.000Z', 'note', '另一条', null, '乙']);
      await q.run(
        "UPDATE timeline_entries SET voided_at = '2026-11-29T01:40:00.000Z', voided_by = '丁', void_reason = '重复' WHERE id = 4",
      );
      await q.run(ENTRY, [5, '2026-11-29T01:50:00.000Z', 'note', '有效的备注', null, '乙']);
    });
    await migrate(db, ALL);
    expect(await db.read((q) => q.get('PRAGMA user_version'))).toEqual({ user_version: 12 });
    const columns = await db.read((q) => q.all<{ name: string }>('PRAGMA table_info(timeline_entries)'));
    expect(columns.map((c) => c.name)).not.toContain('voided_at');
    const timeline = await db.read((q) => listTimeline(q, 1));
    expect(timeline.map((e) => [e.id, e.kind, e.voided])).toEqual([
      [1, 'created', null],
      [2, 'note', { at: '2026-11-29T01:20:00.000Z', by: '丙', reason: '记错事件' }],
      [3, 'void', null],
      [4, 'note', { at: '2026-11-29T01:40:00.000Z', by: '丁', reason: '重复' }],
      [6, 'void', null],
      [5, 'note', null],
    ]);
    expect(timeline.find((e) => e.id === 6)).toMatchObject({
      officer: '丁',
      text: '作废记录「另一条」，原因：重复',
      data: { entryId: 4, reason: '重复' },
    });
    expect((await db.read((q) => findTimelineEntry(q, 4)))?.voided?.by).toBe('丁');
    // One void per entry.
    await expect(
      db.write((q) => q.run(ENTRY, [7, 'x', 'void', '再次作废', '{"entryId":2,"reason":"再次"}', '乙'])),
    ).rejects.toThrow(/UNIQUE/);
    await db.close();
  });

  it("finds an entry's void by a seek of its index, not a scan", async () => {
    const db = await Database.open(join(tempDir(), 'm3.sqlite3'));
    await migrate(db, ALL);
    const plan = await db.read((q) =>
      q.all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM timeline_entries WHERE incident_id = 1 AND ${NOT_VOIDED}`,
      ),
    );
    expect(plan.map((r) => r.detail).join(' | ')).toMatch(/SEARCH v USING INDEX timeline_entries_voids \(<expr>=\?\)/);
    await db.close();
  });

  it('adds the chain, append-only, and the short code column of print records', async () => {
    const db = await Database.open(join(tempDir(), 'm2.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) =>
      q.run(
        "INSERT INTO chain (seq, kind, tbl, row_id, at, schema_version, mac) VALUES (1, 'genesis', '', 0, 't', 12, 'ab')",
      ),
    );
    await expect(db.write((q) => q.run("UPDATE chain SET mac = 'cd'"))).rejects.toThrow(/append-only/);
    await expect(db.write((q) => q.run('DELETE FROM chain'))).rejects.toThrow(/append-only/);
    await expect(
      db.write((q) =>
        q.run(
          "INSERT INTO chain (seq, kind, tbl, row_id, at, schema_version, mac) VALUES (2, 'other', '', 1, 't', 12, 'ab')",
        ),
      ),
    ).rejects.toThrow(/CHECK/);
    const print = await db.read((q) => q.all<{ name: string }>('PRAGMA table_info(print_records)'));
    expect(print.map((c) => c.name)).toContain('chain_code');
    await db.close();
  });
});
