import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { migration0022 } from '../../../../electron/db/migrations/0022-granting-leader';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < migration0022.version);
const ALL = [...BEFORE, migration0022];

describe('migration 0022-granting-leader', () => {
  const tempDir = useTempDirs();

  it('keeps every response and warning as it was; their granting leader is unknown (NULL), and an id must be an account', async () => {
    const db = await Database.open(join(tempDir(), 'm22.sqlite3'));
    await migrate(db, BEFORE);
    await db.write(async (q) => {
      await q.run(
        `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
           reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
         VALUES ('2026-0001', 'environment', '旧事件', '[]', 't', 't', '', '', '', '电话', '', '{}', '已终止', 0, 't', '乙', 't')`,
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
        `INSERT INTO warnings (plan, level, direction, issuer_kind, issuer, area, issued_at, created_at, officer,
           lifted_at, lifted_by, lifted_by_kind, lift_document, lift_officer)
         VALUES ('radiation', '三级', 'issued', 'city', '朔州市人民政府', '朔城区', 't', 't', '乙', 't2', '朔州市人民政府', 'city', '文', '乙')`,
      );
      await q.run(
        "INSERT INTO warning_changes (warning_id, at, from_level, to_level, changed_by, document, officer) VALUES (1, 't', '三级', '二级', '朔州市人民政府', '文', '乙')",
      );
    });
    await migrate(db, ALL);
    expect(await db.read((q) => q.get('PRAGMA user_version'))).toEqual({ user_version: 22 });
    expect(
      await db.read(async (q) => [
        await q.get(
          'SELECT started_by, officer, ended_by, ended_officer, started_leader_id, ended_leader_id FROM responses',
        ),
        await q.get('SELECT decided_by, officer, leader_id FROM response_levels'),
        await q.get('SELECT confirmed_by, officer, leader_id FROM response_conditions'),
        await q.get('SELECT issuer, officer, lifted_by, lift_officer, leader_id, lift_leader_id FROM warnings'),
        await q.get('SELECT changed_by, officer, leader_id FROM warning_changes'),
      ]),
    ).toEqual([
      {
        started_by: '指挥长',
        officer: '乙',
        ended_by: '指挥长',
        ended_officer: '乙',
        started_leader_id: null,
        ended_leader_id: null,
      },
      { decided_by: '指挥长', officer: '乙', leader_id: null },
      { confirmed_by: '指挥长', officer: '乙', leader_id: null },
      {
        issuer: '朔州市人民政府',
        officer: '乙',
        lifted_by: '朔州市人民政府',
        lift_officer: '乙',
        leader_id: null,
        lift_leader_id: null,
      },
      { changed_by: '朔州市人民政府', officer: '乙', leader_id: null },
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
      ).rejects.toThrow(/FOREIGN KEY/);
    }
    await db.close();
  });
});
