/**
 * Identical board reads waiting at the same time share one unit of work (db/shared-reads.ts), and a
 * read sent after a write was acknowledged never gets what was read before that write: it joins only
 * a unit that has not begun, whose snapshot is therefore taken after the write.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { SharedReads } from '../../../../electron/db/shared-reads';
import type { AppServices } from '../../../../electron/services/app-services';
import { OPEN_STATUSES } from '../../../../shared/domain/incident';
import type { IncidentPage } from '../../../../shared/ipc/channels/incidents';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { ON_POSTGRES } from '../../../helpers/postgres';
import { useTempDirs } from '../../../helpers/temp-dir';

const BOARD = { statuses: [...OPEN_STATUSES], drills: 'include', limit: 500 };

async function board(s: AppServices): Promise<IncidentPage> {
  const res = await dispatch(s.handlers, 'incidents:list', BOARD);
  if (!res.ok) throw new Error(res.error.message);
  // an ok answer carries the channel's declared output
  return res.value as IncidentPage;
}

async function register(s: AppServices, title: string): Promise<number> {
  const res = await dispatch(s.handlers, 'incidents:create', { ...ENV_INPUT, title });
  if (!res.ok) throw new Error(res.error.message);
  // the channel's declared output is the registered incident's detail
  return (res.value as { id: number }).id;
}

/** A promise with its resolve, to hold a unit of work open until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('board reads shared while they wait (issue 14)', () => {
  const tempDir = useTempDirs();

  it('identical reads sent together get one frozen page; other arguments get their own', async () => {
    const s = await makeServices(tempDir());
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    await register(s, '甲');
    await register(s, '乙');
    const [a, b, c, other] = await Promise.all([
      board(s),
      board(s),
      board(s),
      dispatch(s.handlers, 'incidents:list', { ...BOARD, limit: 1 }),
    ]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a.items.map((i) => i.title).sort()).toEqual(['乙', '甲']);
    if (!other.ok) throw new Error(other.error.message);
    expect(other.value).not.toBe(a);
    expect((other.value as IncidentPage).items).toHaveLength(1);
    // Shared, so frozen: no caller can change what the others were given.
    expect(Object.isFrozen(a.items[0])).toBe(true);
    expect(() => {
      (a.items[0] as { title: string }).title = '改';
    }).toThrow(TypeError);
    // Sent one after another, each read is its own unit and sees the one before it.
    const later = await board(s);
    expect(later).not.toBe(a);
    expect(later).toEqual(a);
    await s.close();
  });

  it('a board read sent after a write is acknowledged includes that write, also when it joins a read sent before the write', async () => {
    const s = await makeServices(tempDir());
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    await register(s, '写前');
    // A long read holds the read connection (SQLite has one), so the next board read waits to begin.
    const hold = gate();
    let holding = false;
    const held = s.db.read(async (q) => {
      await q.get('SELECT COUNT(*) AS n FROM incidents');
      holding = true;
      await hold.opened;
    });
    await expect.poll(() => holding).toBe(true);
    const before = board(s);
    // The write commits and is acknowledged while that board read is still waiting (or running).
    const written = await register(s, '写后');
    const after = board(s);
    hold.open();
    await held;
    const [sentBefore, sentAfter] = await Promise.all([before, after]);
    // Whatever it joined, the read sent after the acknowledgement has the write.
    expect(sentAfter.items.map((i) => i.id)).toContain(written);
    // On SQLite the read sent before the write had not begun: both got the one unit that began after
    // the write (on PostgreSQL the first read need not wait, so it may have begun before it).
    if (!ON_POSTGRES) {
      expect(sentAfter).toBe(sentBefore);
      expect(sentBefore.items.map((i) => i.id)).toContain(written);
    }
    await s.close();
  });

  it('a read that has begun is never joined: a caller after a write gets a unit of its own that sees the write', async () => {
    const s = await makeServices(tempDir());
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    await register(s, '写前');
    const shared = new SharedReads((work) => s.db.read(work));
    const count = 'SELECT COUNT(*) AS n FROM incidents';
    const hold = gate();
    let begun = false;
    const first = shared.run('count', async (q) => {
      const row = await q.get<{ n: number }>(count);
      begun = true;
      await hold.opened;
      return { n: Number(row?.n) };
    });
    await expect.poll(() => begun).toBe(true);
    // Begun: no one waits under that key any more.
    expect(shared.waitingCount).toBe(0);
    await register(s, '写后');
    const second = shared.run('count', async (q) => ({ n: Number((await q.get<{ n: number }>(count))?.n) }));
    expect(second).not.toBe(first);
    hold.open();
    // The first unit's snapshot was taken before the write; the second, sent after it, has it.
    expect(await first).toEqual({ n: 1 });
    expect(await second).toEqual({ n: 2 });
    // Sent together before either begins: one unit, one result.
    const [x, y] = await Promise.all([
      shared.run('count', async (q) => ({ n: Number((await q.get<{ n: number }>(count))?.n) })),
      shared.run('count', async () => ({ n: -1 })),
    ]);
    expect(y).toBe(x);
    expect(x).toEqual({ n: 2 });
    await s.close();
  });
});
