/**
 * Migration 0023 on PostgreSQL: one index on 接报 time, and every reading by 接报 time can use it
 * (the SQLite side: test/electron/db/migrations/0023-received-index.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { PgDatabase } from '../../../../electron/db/pg-connection';
import { migratePostgres } from '../../../../electron/db/pg-migrate';
import { freshSchemaUrl } from '../../../helpers/postgres';
import { incidentRow, receivedPlans } from '../../../helpers/received-plans';

describe('migration 0023-received-index on PostgreSQL', () => {
  it('replaces the two indexes on 接报 time by one, and every reading by 接报 time can use it', async () => {
    const db = await PgDatabase.connect(await freshSchemaUrl());
    try {
      await migratePostgres(
        db,
        MIGRATIONS.filter((m) => m.version <= 22),
      );
      await db.write(async (q) => {
        for (let id = 1; id <= 6; id++) await q.run(incidentRow(id, `2026-0${id}-01T00:00:00.000Z`, id % 2));
      });
      await migratePostgres(db);
      const indexes = await db.read((q) =>
        q.all<{ indexname: string; indexdef: string }>(
          "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'incidents' AND indexdef LIKE '%received_at%'",
        ),
      );
      expect(indexes.map((i) => i.indexname)).toEqual(['incidents_received']);
      expect(indexes[0]?.indexdef).toMatch(/\(received_at, id, drill\)/);
      const plans = await receivedPlans(db);
      expect(plans.length).toBeGreaterThanOrEqual(7);
      for (const { what, plan } of plans) {
        expect(plan, what).toMatch(/incidents_received\b/);
        expect(plan, what).not.toMatch(/Seq Scan on incidents/);
      }
      // Newest first in the index's own order: no sort above the scan.
      const first = plans.find((p) => p.what === 'every incident, newest first')?.plan ?? '';
      expect(first).toMatch(/Index Scan Backward using incidents_received/);
      expect(first).not.toMatch(/Sort/);
    } finally {
      await db.close();
    }
  });
});
