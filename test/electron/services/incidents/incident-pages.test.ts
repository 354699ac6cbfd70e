import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { IncidentPage } from '../../../../shared/ipc/channels/incidents';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

async function page(s: AppServices, args: Record<string, unknown>): Promise<IncidentPage> {
  const res = await dispatch(s.handlers, 'incidents:list', args, () => undefined);
  if (!res.ok) throw new Error(res.error.message);
  // an ok answer carries the channel's declared output
  return res.value as IncidentPage;
}

async function walk(s: AppServices, args: Record<string, unknown>): Promise<{ ids: number[]; pages: IncidentPage[] }> {
  const pages: IncidentPage[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const p = await page(s, { ...args, ...(cursor ? { cursor } : {}) });
    pages.push(p);
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  return { ids: pages.flatMap((p) => p.items.map((i) => i.id)), pages };
}

describe('incidents:list pages on the server', () => {
  const tempDir = useTempDirs();

  it('a cursor walks every page without duplicates or gaps, newest first, with the right total; same 接报 times included', async () => {
    const s = await makeServices(tempDir());
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const made: number[] = [];
    for (let i = 0; i < 23; i++) {
      // Pairs share a 接报 time: the cursor orders by id within it.
      const receivedAt = new Date(Date.parse('2026-11-29T01:20:00.000Z') + Math.floor(i / 2) * 60_000).toISOString();
      const res = await dispatch(s.handlers, 'incidents:create', {
        ...ENV_INPUT,
        title: `${i % 3 === 0 ? '泄漏' : '油污'}事件${i}`,
        receivedAt,
        drill: i % 5 === 0,
      });
      if (!res.ok) throw new Error(res.error.message);
      // dispatch answers Result<unknown>; the channel's declared output has this shape
      made.push((res.value as { id: number }).id);
    }
    const all = await walk(s, { limit: 5 });
    expect(all.pages).toHaveLength(5);
    expect(all.pages.map((p) => p.items.length)).toEqual([5, 5, 5, 5, 3]);
    expect(all.pages.every((p) => p.total === 23 && !p.totalCapped)).toBe(true);
    expect(new Set(all.ids).size).toBe(23);
    // Newest first: the same order as the unpaged list of the service.
    expect(all.ids).toEqual((await s.incidents.list({})).map((i) => i.id));
    expect([...all.ids].sort((a, b) => a - b)).toEqual([...made].sort((a, b) => a - b));
    expect(all.pages.at(-1)?.nextCursor).toBeNull();

    // A filter pages too: its total is the filter's, and the walk holds exactly its matches.
    const searched = await walk(s, { search: '泄漏', drills: 'exclude', limit: 2 });
    const expected = (await s.incidents.list({ search: '泄漏', drills: 'exclude' })).map((i) => i.id);
    expect(searched.ids).toEqual(expected);
    expect(searched.pages[0]?.total).toBe(expected.length);

    // A level filter (derived) pages the same way.
    const levelled = await walk(s, { levels: ['较大', '一般', '重大', '特别重大', '未定级'], limit: 4 });
    expect(levelled.ids).toEqual(all.ids);
    expect(levelled.pages[0]?.total).toBe(23);

    // Default page: 100.
    expect((await page(s, {})).items).toHaveLength(23);
    await s.close();
  });

  it("clocks: 'open' answers each incident's clocks still owed only; the default keeps every clock with its record", async () => {
    const s = await makeServices(tempDir());
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const created = await dispatch(s.handlers, 'incidents:create', ENV_INPUT);
    if (!created.ok) throw new Error(created.error.message);
    // the channel's declared output
    const inc = created.value as IncidentDetail;
    expect(inc.clocks.length).toBeGreaterThan(1);
    const sent = inc.clocks[0]!;
    const done = await dispatch(s.handlers, 'clocks:complete', {
      incidentId: inc.id,
      clockId: sent.clockId,
      completedAt: new Date().toISOString(),
      channel: '电话',
      recipientUnit: '市应急管理局',
      recipientName: '王明',
    });
    if (!done.ok) throw new Error(done.error.message);

    const all = (await page(s, {})).items[0]!;
    expect(all.clocks.map((c) => c.key)).toEqual(inc.clocks.map((c) => c.key));
    expect(all.clocks.find((c) => c.key === sent.key)?.record).toMatchObject({ recipientName: '王明' });

    const open = await page(s, { clocks: 'open' });
    const owed = open.items[0]!;
    expect(owed.clocks.map((c) => c.key)).toEqual(inc.clocks.filter((c) => c.key !== sent.key).map((c) => c.key));
    expect(owed.clocks.every((c) => c.record === null)).toBe(true);
    // Everything else of the summary is the same.
    expect({ ...owed, clocks: [] }).toEqual({ ...all, clocks: [] });
    expect(open.total).toBe(1);

    const bad = await dispatch(s.handlers, 'incidents:list', { clocks: 'closed' }, () => undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/时限范围/);
    await s.close();
  });

  it('refuses a page size outside 1–500 and a malformed cursor in Chinese', async () => {
    const s = await makeServices(tempDir());
    for (const limit of [0, 501, 2.5]) {
      const res = await dispatch(s.handlers, 'incidents:list', { limit }, () => undefined);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/每页条数应(在 1 至 500 之间|为整数)/);
    }
    const bad = await dispatch(s.handlers, 'incidents:list', { cursor: 'abc' }, () => undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/翻页位置无效/);
    expect((await page(s, { limit: 500 })).items).toEqual([]);
    await s.close();
  });
});
