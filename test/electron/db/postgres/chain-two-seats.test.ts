/**
 * Two seats appending to one record chain on PostgreSQL (issue 18 with issue 17): every write holds
 * the advisory write lock until its COMMIT, so appends from both seats take turns and the chain
 * stays gapless; each seat's cached head is re-read before it is trusted.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IntegrityStatus } from '../../../../shared/ipc/channels/integrity';
import { webHostPrinter } from '../../../../electron/print/printer';
import { createAppServices, type AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT } from '../../../helpers/services';
import { freshDatabaseUrl } from '../../../helpers/postgres';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller } from '../../services/response/call';

const NOW = new Date('2026-11-29T02:00:00.000Z');
const INPUT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };
const verify = (s: AppServices): Promise<IntegrityStatus> => caller(s.handlers)('integrity:verify', {});

describe('two seats appending to one chain on PostgreSQL', () => {
  const tempDir = useTempDirs();

  it('writes from both seats at once are appended in turn: one gapless chain that both verify', async () => {
    const url = await freshDatabaseUrl();
    // The seats of one room share the chain key (copied to each seat's key folder).
    const key = randomBytes(32);
    const open = (dir: string) =>
      createAppServices({
        dataDir: dir,
        host: 'web',
        printer: webHostPrinter(dir),
        now: () => NOW,
        alarms: false,
        databaseUrl: url,
        chainKey: () => Promise.resolve(key),
      });
    const a = await open(tempDir());
    const b = await open(tempDir());
    try {
      await a.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const id = (await a.incidents.create(INPUT)).id;
      // Each seat's head cache is stale after the other's writes: every append re-reads the head.
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          caller((i % 2 ? a : b).handlers)('incidents:add-note', { id, kind: '备注', text: `备注 ${i}` }),
        ),
      );
      const chain = await a.db.read((q) => q.all<{ seq: number }>('SELECT seq FROM chain ORDER BY seq'));
      expect(chain.map((c) => c.seq)).toEqual(chain.map((_, i) => i + 1));
      const rows = await a.db.read(
        async (q) => (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM timeline_entries'))!.n,
      );
      expect(chain.length).toBeGreaterThanOrEqual(rows + 1);
      expect(await verify(a)).toMatchObject({ state: 'ok', findingCount: 0, entries: chain.length });
      expect(await verify(b)).toMatchObject({ state: 'ok', findingCount: 0, entries: chain.length });
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a restore on one seat rewinds the shared chain', () => {
  const tempDir = useTempDirs();

  it('another seat accepts the rewind the restoring seat sealed in the audit, but not that re-base replayed after the chain is cut back again', async () => {
    const url = await freshDatabaseUrl();
    const key = randomBytes(32);
    let now = NOW;
    const open = (dir: string) =>
      createAppServices({
        dataDir: dir,
        host: 'web',
        printer: webHostPrinter(dir),
        now: () => now,
        alarms: false,
        databaseUrl: url,
        chainKey: () => Promise.resolve(key),
      });
    const a = await open(tempDir());
    const b = await open(tempDir());
    try {
      await a.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const id = (await a.incidents.create(INPUT)).id;
      const note = (s: AppServices, text: string) =>
        caller(s.handlers)('incidents:add-note', { id, kind: '备注', text });
      await note(a, '甲席备注');
      await note(b, '乙席备注');
      const cutAt = (await verify(b)).entries;
      await note(a, '恢复后将不在的备注');
      await note(b, '恢复后也不在的备注');
      expect((await verify(b)).state).toBe('ok');
      // A restore on seat A, later: the newest rows and their entries are gone, and A re-bases.
      now = new Date(NOW.getTime() + 60_000);
      const cut = async () =>
        a.db.raw(async (q) => {
          await q.exec('ALTER TABLE chain DISABLE TRIGGER USER');
          await q.exec(
            `DELETE FROM timeline_entries WHERE id IN (SELECT row_id FROM chain WHERE seq > ${cutAt} AND tbl = 'timeline_entries')`,
          );
          await q.exec(`DELETE FROM chain WHERE seq > ${cutAt}`);
          await q.exec('ALTER TABLE chain ENABLE TRIGGER USER');
        });
      await cut();
      await a.integrity.prepare({ rebase: '恢复备份' });
      expect((await verify(a)).state).toBe('ok');
      // Seat B anchored a longer chain before the restore: the sealed re-base explains it.
      expect(await verify(b)).toMatchObject({ state: 'ok', findingCount: 0 });
      // Both write on past the old head; then the chain is cut back to the re-based point again.
      now = new Date(NOW.getTime() + 120_000);
      for (let i = 0; i < 3; i++) await note(i % 2 ? a : b, `之后的备注 ${i}`);
      expect((await verify(b)).state).toBe('ok');
      await cut();
      for (const s of [a, b]) {
        const st = await verify(s);
        expect(st.state).toBe('broken');
        expect(st.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^记录链比值班台上次记录的短/)]);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
