import { describe, expect, it } from 'vitest';
import { dutyLogIncidentIds } from '../../../../electron/db/duty-repository';
import { dutyEvents, timelineAround } from '../../../../electron/services/duty/duty-events';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from './call';

const INCIDENT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };

describe("the day's duty log reads that day's incidents only", () => {
  const tempDir = useTempDirs();

  it('leaves a settled, archived incident of another day out, and compiles the same log as from every incident', async () => {
    const t = clock('2026-11-20T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    // Ten days ago: registered, every report marked not applicable, terminated and archived.
    const old = await call('incidents:create', {
      ...INCIDENT,
      title: '旧事件',
      occurredAt: '2026-11-20T09:30:00+08:00',
      receivedAt: '2026-11-20T09:40:00+08:00',
    });
    const settle = async () => {
      const d = await call('incidents:get', { id: old.id });
      for (const c of d.clocks.filter((x) => !x.record))
        await call('clocks:not-applicable', {
          incidentId: old.id,
          clockId: c.obligationKey ?? c.clockId,
          reason: '测试',
        });
    };
    await settle();
    await call('incidents:set-status', { id: old.id, status: '已终止', note: '' });
    await settle();
    await call('incidents:set-status', { id: old.id, status: '已归档', note: '' });
    // An open one from that day too, and one received today.
    const open = await call('incidents:create', {
      ...INCIDENT,
      title: '未结事件',
      occurredAt: '2026-11-20T09:50:00+08:00',
      receivedAt: '2026-11-20T09:55:00+08:00',
    });
    t.set('2026-11-30T10:00:00+08:00');
    const today = await call('incidents:create', {
      ...INCIDENT,
      title: '今日事件',
      occurredAt: '2026-11-30T09:00:00+08:00',
      receivedAt: '2026-11-30T09:20:00+08:00',
    });
    await call('incidents:add-note', { id: today.id, kind: '备注', text: '已通知' });

    const ids = await s.db.read((q) => dutyLogIncidentIds(q, '2026-11-29', '2026-12-02'));
    expect(ids.sort((a, b) => a - b)).toEqual([open.id, today.id].sort((a, b) => a - b));
    // The old day still finds its archived incident, by its 接报 and its entries.
    const oldIds = await s.db.read((q) => dutyLogIncidentIds(q, '2026-11-19', '2026-11-22'));
    expect(oldIds).toContain(old.id);

    // What the log shows is what every incident of the history would give.
    for (const day of ['2026-11-30', '2026-11-20']) {
      const view = await call('duty-log:get', { day });
      const all = await s.incidents.list({});
      const timeline = await s.db.read((q) => timelineAround(q, view.log.start, view.log.end));
      const events = dutyEvents(
        { incidents: all, timeline, remarks: [], handovers: [], now: t.now() },
        view.log.start,
        view.log.end,
      );
      const shown = view.log.sections.flatMap((x) => x.rows);
      expect(shown.map((r) => [r.at, r.kind, r.text]).sort()).toEqual(events.map((e) => [e.at, e.kind, e.text]).sort());
    }
    const oldLog = (await call('duty-log:get', { day: '2026-11-20' })).log.sections.flatMap((x) => x.rows);
    expect(oldLog.some((r) => r.kind === '接报' && r.incidentTitle?.includes('旧事件'))).toBe(true);
    await s.close();
  });
});
