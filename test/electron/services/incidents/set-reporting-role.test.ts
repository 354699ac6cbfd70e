/**
 * Setting an incident's reporting requirements is the leader's act (issue 12: "The leader sets a 续报
 * reminder interval per incident"; issue 18: every leader-only act asks for the leader's password,
 * so the timeline's "带班领导 … 设定" is the leader's own doing).
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { requirementOf } from '../../../../shared/accounts/policy';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { Result } from '../../../../shared/ipc/result';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { dutySeats, fromSeat, SEAT_PASSWORD } from '../../../helpers/seat-calls';
import { useTempDirs } from '../../../helpers/temp-dir';
import { TEST_PASSWORD } from '../../../helpers/ui';
import { seedAccounts } from '../../../helpers/web-app';

describe('incidents:set-reporting is the leader’s act', () => {
  const tempDir = useTempDirs();

  it('a 值班员 is refused naming the role; the 带班领导 with the password sets it', async () => {
    expect(requirementOf('incidents:set-reporting')).toBe('leader');
    const s = await makeServices(tempDir());
    await seedAccounts(s);
    const from = (seat: string) => (channel: string, input: unknown) =>
      dispatch(s.handlers, channel, input, () => undefined, seat);
    const message = (r: Result<unknown>): string => (r.ok ? '(allowed)' : r.error.message);
    // The leader's seat: both log in (going on duty); another seat with the 值班员 only.
    const desk = from('seat-1');
    expect(message(await desk('auth:login', { name: '赵珺', password: TEST_PASSWORD }))).toBe('(allowed)');
    expect(message(await desk('auth:login', { name: '李堃', password: TEST_PASSWORD, as: 'leader' }))).toBe(
      '(allowed)',
    );
    const other = from('seat-2');
    expect(message(await other('auth:login', { name: '赵珺', password: TEST_PASSWORD }))).toBe('(allowed)');
    const created = await other('incidents:create', ENV_INPUT);
    if (!created.ok) throw new Error(created.error.message);
    // incidents:create answers with the IncidentDetail it stored
    const id = (created.value as IncidentDetail).id;

    expect(message(await other('incidents:set-reporting', { id, followUpMinutes: 30 }))).toBe(
      '需要带班领导权限（带班领导或管理员）',
    );
    expect(message(await desk('incidents:set-reporting', { id, followUpMinutes: 30 }))).toMatch(
      /请由带班领导输入密码确认/,
    );
    const unchanged = await s.incidents.get(id);
    expect(unchanged.timeline.some((e) => e.text.startsWith('报告要求'))).toBe(false);

    expect(
      message(await desk('auth:verify-leader', { password: TEST_PASSWORD, channel: 'incidents:set-reporting' })),
    ).not.toMatch(/错误|需要/);
    const set = await desk('incidents:set-reporting', { id, followUpMinutes: 30 });
    if (!set.ok) throw new Error(set.error.message);
    // an ok answer carries the channel's declared output, the updated IncidentDetail
    expect((set.value as IncidentDetail).timeline.at(-1)!.text).toBe(
      '报告要求：续报提醒：每30分钟（带班领导 李堃 设定）',
    );
    await s.close();
  });

  it('the interval records the leader who set it by account too (issue 18, migration 0020)', async () => {
    const s = await makeServices(tempDir());
    const { seat, asLeader, ids } = await dutySeats(s);
    const inc = await seat('incidents:create', ENV_INPUT);
    await asLeader('incidents:set-reporting', { id: inc.id, followUpMinutes: 90 });
    expect(
      await s.db.read((q) =>
        q.get(
          'SELECT follow_up_minutes, follow_up_set_by, follow_up_set_by_id FROM incident_reporting WHERE incident_id = ?',
          [inc.id],
        ),
      ),
    ).toEqual({ follow_up_minutes: 90, follow_up_set_by: '李堃', follow_up_set_by_id: ids.李堃 });
    // An administrator alone at a seat gives their own password: they set it, not the leader on duty.
    const admin = fromSeat(s.handlers, 'seat-admin');
    await admin('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'incidents:set-reporting' });
    const after = await admin('incidents:set-reporting', { id: inc.id, followUpMinutes: 30 });
    expect(
      await s.db.read((q) =>
        q.get('SELECT follow_up_set_by, follow_up_set_by_id FROM incident_reporting WHERE incident_id = ?', [inc.id]),
      ),
    ).toEqual({ follow_up_set_by: '系统管理员', follow_up_set_by_id: ids.系统管理员 });
    expect(after.timeline.at(-1)?.text).toContain('续报提醒：每30分钟（带班领导 系统管理员 设定）');
    await s.close();
  });
});
