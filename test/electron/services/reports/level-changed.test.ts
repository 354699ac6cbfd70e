// 43号 5.1.1(6) 按照变化后的级别报告信息: a version drafted before the incident's level changed is
// not signed or sent at its old level without the officer's confirmation.
import { describe, expect, it } from 'vitest';
import type { RadiationFollowUpReport } from '../../../../shared/forms/types';
import { LEVEL_CHANGED_PREFIX } from '../../../../shared/reports/level-check';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { caller, clock } from '../response/call';

const RADIATION = {
  ...ENV_INPUT,
  category: 'radiation' as const,
  title: '朔城区选煤厂核子秤放射源丢失',
  places: ['朔城区'],
  occurredAt: '2026-11-29T09:00:00+08:00',
  receivedAt: '2026-11-29T09:30:00+08:00',
  narrative: '检修时发现核子秤铅罐开启、放射源缺失',
  facts: { sourceClass: 4, sourceEvent: 'lost', peopleExposed: true },
  levelOverride: null,
  responseOverride: null,
  discoveredAt: null,
};

describe('signing and sending a report after a level change', () => {
  const tempDir = useTempDirs();

  it('refuses until confirmed, changing nothing; a 续报 at the level in force goes through', async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', RADIATION);
    const before = inc.grading.level;
    expect(before).not.toBe('重大');
    await call('reports:draft', { incidentId: inc.id, kind: '初报' });
    const follow = await call('reports:draft', { incidentId: inc.id, kind: '续报' });
    // the radiation 续报 is a 后续报告表
    expect((follow.versions[0]!.content.data as RadiationFollowUpReport).level).toBe(before);

    t.set('2026-11-29T10:10:00+08:00');
    await call('incidents:update', {
      id: inc.id,
      patch: { levelOverride: '重大', effectiveAt: '2026-11-29T10:10:00+08:00', reason: '核实受照人员增加' },
    });
    t.set('2026-11-29T10:20:00+08:00');
    const signedAt = '2026-11-29T10:20:00+08:00';
    const sign = { reportId: follow.id, signedBy: '李堃', signedAt };
    await expect(call('reports:sign', sign)).rejects.toThrow(
      `${LEVEL_CHANGED_PREFIX}：续报一（第1稿）所报级别为${before}级，事件现为重大级`,
    );
    const listed = async () => (await call('reports:list', { incidentId: inc.id })).find((r) => r.id === follow.id)!;
    expect(await listed()).toMatchObject({ status: 'draft', signedAt: null });
    expect((await call('reports:sign', { ...sign, confirmLevel: true })).status).toBe('signed');

    const send = {
      reportId: follow.id,
      sentAt: signedAt,
      sentTo: '市政府',
      channel: '书面' as const,
      confirmedBy: '刘喆',
    };
    await expect(call('reports:dispatch', { ...send, clockIds: [] })).rejects.toThrow(
      `${LEVEL_CHANGED_PREFIX}：续报一（第1稿）所报级别为${before}级，事件现为重大级。请按现级别重新起草或修改后再报送`,
    );
    expect(await listed()).toMatchObject({ status: 'signed', sentAt: null });
    expect((await call('reports:dispatch', { ...send, clockIds: [], confirmLevel: true })).status).toBe('sent');

    // Drafted after the change, a 续报 reports 重大 and is signed and sent without a question.
    const next = await call('reports:draft', { incidentId: inc.id, kind: '续报' });
    expect((next.versions[0]!.content.data as RadiationFollowUpReport).level).toBe('重大');
    await call('reports:sign', { ...sign, reportId: next.id });
    expect((await call('reports:dispatch', { ...send, reportId: next.id, clockIds: [] })).status).toBe('sent');
    await s.close();
  });
});
