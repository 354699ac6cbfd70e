/**
 * 43号 5.1.1(6), issue 12 worked example (b): registered 一般 at 09:30, nothing reported by 12:30,
 * upgraded to 较大 from 12:30. The old and new obligations to 本级人民政府 share a clock id; one
 * 报送 at 12:50 completes both (the first 20 min late, the second on time), recorded once, named
 * once on the timeline, and the dispatch dialog lists the duty once.
 */
import { describe, expect, it } from 'vitest';
import { openDuties, dutyLabel } from '../../../../shared/reports/duties';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { Refused, caller, clock } from '../response/call';

const INCIDENT = {
  ...ENV_INPUT,
  facts: { environmentAffected: true },
  occurredAt: '2026-11-29T09:00:00+08:00',
  receivedAt: '2026-11-29T09:30:00+08:00',
  levelOverride: null,
  responseOverride: null,
  discoveredAt: null,
};

const GOV = 'env.county-dept-to-gov';
const UP = 'env.dept-to-upper-dept';
const MIN = 60_000;
/** Beijing time as stored (UTC ISO). */
const bj = (hm: string) => new Date(`2026-11-29T${hm}:00+08:00`).toISOString();

describe('a 报送 after an upgrade (43号 5.1.1(6))', () => {
  const tempDir = useTempDirs();

  it('completes the old and the new obligation to its recipient with one record and one timeline entry', async () => {
    const t = clock('2026-11-29T13:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', INCIDENT);
    expect(inc.grading.level).toBe('一般');
    await call('incidents:update', {
      id: inc.id,
      patch: { levelOverride: '较大', effectiveAt: '2026-11-29T12:30:00+08:00', reason: '核实死亡3人' },
    });
    const upgraded = await s.incidents.get(inc.id);
    const gov = upgraded.clocks.filter((c) => c.clockId === GOV);
    expect(gov.map((c) => [c.obligationKey, c.record])).toEqual([
      [`${GOV}@一般#0`, null],
      [`${GOV}@较大#1`, null],
    ]);

    // The dispatch dialog's list: each duty once, naming both levels where two are open.
    const duties = openDuties(upgraded.clocks);
    expect(duties.filter((d) => d.clockId === GOV)).toHaveLength(1);
    expect(duties.filter((d) => d.clockId === UP)).toHaveLength(1);
    const govDuty = duties.find((d) => d.clockId === GOV)!;
    expect(govDuty.id).toBe(`${GOV}@较大#1`);
    expect(govDuty.levels).toEqual(['一般', '较大']);
    expect(dutyLabel(govDuty)).toContain('一般、较大各一项，一并完成');
    expect(new Set(duties.map((d) => d.id)).size).toBe(duties.length);

    // Each report drafted and signed a few minutes before the back-dated 报送 below, at `hm`.
    const signed = async (kind: '初报' | '续报', hm: string) => {
      const now = t.now().toISOString();
      t.set(bj(hm));
      const r = await call('reports:draft', { incidentId: inc.id, kind });
      await call('reports:sign', { reportId: r.id, signedBy: '李堃', signedAt: bj(hm) });
      t.set(now);
      return r;
    };
    // 初报 to the department above, no clocks named: both its obligations complete, one record.
    const initial = await signed('初报', '12:35');
    await call('reports:dispatch', {
      reportId: initial.id,
      sentAt: bj('12:40'),
      sentTo: '上一级生态环境部门',
      channel: '书面',
      confirmedBy: '刘喆',
    });

    // 续报 to 本级人民政府, the duty named by each of its keys and by its clock id: still one record.
    const follow = await signed('续报', '12:45');
    const sent = await call('reports:dispatch', {
      reportId: follow.id,
      sentAt: bj('12:50'),
      sentTo: ['本级人民政府'],
      channel: '书面',
      confirmedBy: '孙赟',
      clockIds: [`${GOV}@一般#0`, `${GOV}@较大#1`, GOV],
    });
    expect(sent.status).toBe('sent');
    expect([...sent.satisfiedClocks].sort()).toEqual([`${GOV}@一般#0`, `${GOV}@较大#1`]);

    const after = await s.incidents.get(inc.id);
    for (const id of [GOV, UP]) {
      const closed = after.clocks.filter((c) => c.clockId === id);
      expect(closed.map((c) => c.levelLabel)).toEqual(['一般', '较大']);
      for (const c of closed) expect(c.closure?.kind, c.obligationKey).toBe('met');
    }
    const [govOld, govNew] = after.clocks.filter((c) => c.clockId === GOV);
    // Example (b): the 一般 obligation (due 12:30) 20 min late, the 较大 one (12:30 → 13:30) on time.
    expect(govOld!.closure!.lateMs).toBe(20 * MIN);
    expect(govNew!.closure!.lateMs).toBe(0);
    expect(govNew!.startsAt).toBe(bj('12:30'));
    expect(govOld!.record).toEqual(govNew!.record);
    expect(govNew!.record).toMatchObject({
      completedAt: bj('12:50'),
      recipientUnit: '本级人民政府',
      recipientName: '孙赟',
      channel: '书面',
    });
    expect(after.orphanClockRecords).toEqual([]);

    // One record per duty in the store, against the newest obligation it completes.
    const records = await s.db.read((q) =>
      q.all<{ clock_id: string }>('SELECT clock_id FROM clock_records WHERE incident_id = ? ORDER BY rowid', [inc.id]),
    );
    expect(records.map((r) => r.clock_id)).toEqual([`${UP}@较大#1`, `${GOV}@较大#1`]);

    // One timeline entry for the 续报's dispatch, naming the duty once with both levels.
    const entries = after.timeline.filter((e) => e.kind === 'report' && e.text.startsWith('续报一（第1稿）以书面报送'));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.text).toBe(
      '续报一（第1稿）以书面报送本级人民政府，孙赟电话确认收到；完成时限：向本级人民政府报告（一般、较大）（其中超时：向本级人民政府报告（一般））',
    );

    // Both obligations closed: naming either again is refused and records nothing.
    const third = await signed('续报', '12:52');
    await expect(
      call('reports:dispatch', {
        reportId: third.id,
        sentAt: bj('12:55'),
        sentTo: '本级人民政府',
        channel: '书面',
        confirmedBy: '孙赟',
        clockIds: [`${GOV}@一般#0`],
      }),
    ).rejects.toThrow(new Refused('conflict', '时限「向本级人民政府报告」已有记录'));
    const again = await s.db.read((q) =>
      q.get<{ n: number }>('SELECT COUNT(*) AS n FROM clock_records WHERE incident_id = ?', [inc.id]),
    );
    expect(again?.n).toBe(2);
    await s.close();
  });
});
