/**
 * Migration 0022 on PostgreSQL: responses and warnings written before it keep every value, and
 * their granting leader is unknown (NULL), never filled in; an id must be an account's (the
 * SQLite side: test/electron/db/migrations/0022).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { PgDatabase } from '../../../../electron/db/pg-connection';
import { migratePostgres, pgSchemaVersion } from '../../../../electron/db/pg-migrate';
import { freshSchemaUrl } from '../../../helpers/postgres';

describe('migration 0022-granting-leader on PostgreSQL', () => {
  it('keeps the older rows as they were, with NULL for the granting leader', async () => {
    const db = await PgDatabase.connect(await freshSchemaUrl());
    try {
      await migratePostgres(
        db,
        MIGRATIONS.filter((m) => m.version < 22),
      );
      await db.write(async (q) => {
        await q.run(
          `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
             reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
           VALUES (1, '2026-0001', 'environment', '旧事件', '[]', 't', 't', '', '', '', '电话', '', '{}', '已终止', 0, 't', '乙', 't')`,
        );
        await q.run(
          `INSERT INTO responses (incident_id, plan, level, started_at, started_by, officer, ended_at, ended_by, ended_officer)
           VALUES (1, 'environment', '三级', 't', '指挥长', '乙', 't2', '指挥长', '乙')`,
        );
        await q.run(
          "INSERT INTO response_levels (incident_id, at, from_level, to_level, decided_by, officer) VALUES (1, 't', NULL, '三级', '指挥长', '乙')",
        );
        await q.run(
          `INSERT INTO response_conditions (incident_id, condition_id, confirmed_at, confirmed_by, officer, recorded_at)
           VALUES (1, 'env.t.1', 't', '指挥长', '乙', 't')`,
        );
        await q.run(
          `INSERT INTO warnings (id, plan, level, direction, issuer_kind, issuer, area, issued_at, created_at, officer,
             lifted_at, lifted_by, lifted_by_kind, lift_document, lift_officer)
           VALUES (1, 'radiation', '三级', 'issued', 'city', '朔州市人民政府', '朔城区', 't', 't', '乙', 't2', '朔州市人民政府', 'city', '文', '乙')`,
        );
        await q.run(
          "INSERT INTO warning_changes (warning_id, at, from_level, to_level, changed_by, document, officer) VALUES (1, 't', '三级', '二级', '朔州市人民政府', '文', '乙')",
        );
      });
      await migratePostgres(
        db,
        MIGRATIONS.filter((m) => m.version <= 22),
      );
      expect(await db.read((q) => pgSchemaVersion(q))).toBe(22);
      expect(
        await db.read(async (q) => [
          await q.get('SELECT started_by, ended_by, started_leader_id, ended_leader_id FROM responses'),
          await q.get('SELECT decided_by, leader_id FROM response_levels'),
          await q.get('SELECT confirmed_by, leader_id FROM response_conditions'),
          await q.get('SELECT issuer, lifted_by, leader_id, lift_leader_id FROM warnings'),
          await q.get('SELECT changed_by, leader_id FROM warning_changes'),
        ]),
      ).toEqual([
        { started_by: '指挥长', ended_by: '指挥长', started_leader_id: null, ended_leader_id: null },
        { decided_by: '指挥长', leader_id: null },
        { confirmed_by: '指挥长', leader_id: null },
        { issuer: '朔州市人民政府', lifted_by: '朔州市人民政府', leader_id: null, lift_leader_id: null },
        { changed_by: '朔州市人民政府', leader_id: null },
      ]);
      for (const stmt of [
        'UPDATE responses SET started_leader_id = 99',
        'UPDATE responses SET ended_leader_id = 99',
        'UPDATE response_levels SET leader_id = 99',
        'UPDATE response_conditions SET leader_id = 99',
        'UPDATE warnings SET leader_id = 99',
        'UPDATE warnings SET lift_leader_id = 99',
        'UPDATE warning_changes SET leader_id = 99',
      ]) {
        await expect(
          db.write((q) => q.run(stmt)),
          stmt,
        ).rejects.toThrow(/foreign key/i);
      }
    } finally {
      await db.close();
    }
  });
});
