/**
 * A phone call never discharges a written report (42号 4.1.1(1)): recording a written clock as 电话
 * is refused in Chinese and changes nothing, so the written report can still be recorded and the
 * clock closed (or marked not applicable) afterwards.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from '../response/call';

const COMMS = {
  category: 'comms' as const,
  title: '朔城区通信光缆中断',
  places: ['朔城区'],
  occurredAt: '2026-11-29T09:00:00+08:00',
  receivedAt: '2026-11-29T09:20:00+08:00',
  reporterUnit: '朔城区通信保障中心',
  reporterName: '王建国',
  reporterPhone: '0349-2021234',
  receiveChannel: '电话' as const,
  narrative: '光缆被挖断，一个县通信中断，暂无伤亡',
  facts: { countiesAffected: 1 },
  drill: false,
};

describe('a written clock is not completed by phone', () => {
  const tempDir = useTempDirs();

  it('refuses 电话 on a written clock, keeps the record empty, and then takes the written report', async () => {
    const t = clock('2026-11-29T09:40:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    try {
      const call = caller(s.handlers);
      await call('duty:set', { leader: '李堃', officer: '赵珺' });
      const inc = await call('incidents:create', COMMS);
      const written = inc.clocks.find((c) => c.channel === 'written');
      expect(written, 'the communications plan owes a written report').toBeDefined();
      const report = (channel: '电话' | '传真') => ({
        incidentId: inc.id,
        clockId: written!.obligationKey ?? written!.clockId,
        completedAt: '2026-11-29T09:35:00+08:00',
        channel,
        recipientUnit: '市应急管理局',
        recipientName: '李明',
      });

      const timelineBefore = (await call('incidents:get', { id: inc.id })).timeline.length;
      const phoned = await dispatch(s.handlers, 'clocks:complete', report('电话'), () => undefined);
      expect(phoned.ok).toBe(false);
      if (!phoned.ok) {
        expect(phoned.error.code).toBe('invalid_input');
        expect(phoned.error.message).toContain('须书面报告');
      }
      const unchanged = await call('incidents:get', { id: inc.id });
      expect(unchanged.clocks.find((c) => c.clockId === written!.clockId)?.record).toBeFalsy();
      expect(unchanged.timeline).toHaveLength(timelineBefore);

      // The written report is then recorded and closes the clock.
      const done = await call('clocks:complete', report('传真'));
      const closed = done.clocks.find((c) => c.clockId === written!.clockId);
      expect(closed?.record?.channel).toBe('传真');
      expect(done.clocks.filter((c) => c.clockId === written!.clockId && !c.record)).toHaveLength(0);
    } finally {
      await s.close();
    }
  });
});
