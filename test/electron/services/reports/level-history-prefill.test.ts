/**
 * 43号 5.1.1(6): after a level change the next 续报 says so. The level history (from, to, since
 * when, who, why) is carried into the 续报 draft, beside what the officer wrote in the 初报.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { caller, clock } from '../response/call';

const INCIDENT = {
  ...ENV_INPUT,
  facts: { environmentAffected: true },
  occurredAt: '2026-11-29T09:00:00+08:00',
  receivedAt: '2026-11-29T09:30:00+08:00',
  levelOverride: null,
  responseOverride: null,
  discoveredAt: null,
};

describe('level history in the next 续报 (43号 5.1.1(6))', () => {
  const tempDir = useTempDirs();

  it('a 续报 after an upgrade carries the change and keeps the officer’s own text; a second change adds only itself', async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', INCIDENT);
    expect(inc.grading.level).toBe('一般');

    const first = await call('reports:draft', { incidentId: inc.id, kind: '初报' });
    const content = first.versions.at(-1)!.content;
    if (content.kind !== 'info-report' || content.data.plan !== 'environment') throw new Error('环境事件应为信息报告');
    expect(content.data.content.trendAndHandling).not.toContain('级别变化');
    const typed = '已组织围堵油污，下游取水口暂未受影响';
    await call('reports:save', {
      reportId: first.id,
      content: { ...content, data: { ...content.data, content: { ...content.data.content, trendAndHandling: typed } } },
    });

    t.set('2026-11-29T13:00:00+08:00');
    await call('incidents:update', {
      id: inc.id,
      patch: { facts: { deaths: 3 }, effectiveAt: '2026-11-29T12:30:00+08:00', reason: '核实死亡3人' },
    });
    const second = await call('reports:draft', { incidentId: inc.id, kind: '续报' });
    const c2 = second.versions.at(-1)!.content;
    if (c2.kind !== 'info-report' || c2.data.plan !== 'environment') throw new Error('环境事件应为信息报告');
    const line = '事件级别 一般 → 较大（自 2026-11-29 12:30 起，赵珺：核实死亡3人）';
    expect(c2.data.content.trendAndHandling).toBe(`${typed}\n级别变化：${line}`);

    t.set('2026-11-29T15:00:00+08:00');
    await call('reports:save', { reportId: second.id, content: c2 });
    await call('incidents:update', {
      id: inc.id,
      patch: { levelOverride: '重大', effectiveAt: '2026-11-29T14:40:00+08:00', reason: '带班领导改定重大' },
    });
    const third = await call('reports:draft', { incidentId: inc.id, kind: '续报' });
    const c3 = third.versions.at(-1)!.content;
    if (c3.kind !== 'info-report' || c3.data.plan !== 'environment') throw new Error('环境事件应为信息报告');
    expect(c3.data.content.trendAndHandling).toBe(
      `${typed}\n级别变化：${line}\n事件级别 较大 → 重大（自 2026-11-29 14:40 起，赵珺：带班领导改定重大）`,
    );
    // The change is named among what changed on the incident since the last report.
    const change = third.changesSincePrevious.find((c) => c.path === 'content.trendAndHandling');
    expect(change?.after).toContain('较大 → 重大');
    await s.close();
  });
});
