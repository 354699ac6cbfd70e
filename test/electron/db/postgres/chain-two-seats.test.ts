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
