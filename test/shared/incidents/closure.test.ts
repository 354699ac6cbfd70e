import { describe, expect, it } from 'vitest';
import type { ClockRecord, Incident } from '../../../shared/domain/incident';
import { deriveIncident } from '../../../shared/incidents/derive';
import { closureName, closureText } from '../../../shared/incidents/closure';

const t = (hhmm: string) => `2021-09-08T${hhmm}:00+08:00`;

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 3,
  serial: '2021-0003',
  category: 'environment',
  title: '桑干河油污',
  places: ['山阴县'],
  occurredAt: t('09:00'),
  discoveredAt: null,
  receivedAt: t('09:30'),
  reporterUnit: '山阴县生态环境分局',
  reporterName: '李四',
  reporterPhone: '0349-1234567',
  receiveChannel: '电话',
  narrative: '',
  facts: { deaths: 3 },
  levelOverride: null,
  responseOverride: null,
  status: '接报',
  drill: false,
  createdAt: t('09:30'),
  createdBy: '王值班',
  updatedAt: t('11:00'),
  ...over,
});
const rec = (clockId: string, at: string, over: Partial<ClockRecord> = {}): ClockRecord => ({
  clockId,
  completedAt: t(at),
  channel: '书面',
  recipientUnit: '本级人民政府',
  recipientName: '赵',
  notApplicableReason: null,
  officer: '王值班',
  recordedAt: t(at),
  ...over,
});

describe('closure wording (issue 12: met by which report, 不适用, 级别调整 with reason and lateness)', () => {
  it('worked example (c): the 上一级部门 obligation closes as 级别调整, 30 min late, never as 不适用; the 本级政府 one is met by the 10:20 report', () => {
    // Registered 较大 (deaths 3, 附件5 较大①), downgraded to 一般 at 11:00 by the officer's level.
    const d = deriveIncident(incident({ levelOverride: '一般' }), [rec('env.county-dept-to-gov', '10:20')], {
      levelHistory: [{ from: '较大', to: '一般', effectiveAt: t('11:00'), by: '赵珺', reason: '核实死亡2人' }],
    });
    const up = d.clocks.find((c) => c.clockId === 'env.dept-to-upper-dept' && c.levelLabel === '较大');
    expect(up?.closure?.kind).toBe('level_change');
    expect(closureName(up!)).toBe('级别调整（已超时）');
    expect(closureText(up!)).toBe('级别调整（2021-09-08 11:00）：级别由较大调整为一般：核实死亡2人；调整时已超时30分');

    const govOld = d.clocks.find((c) => c.clockId === 'env.county-dept-to-gov' && c.levelLabel === '较大');
    expect(closureName(govOld!)).toBe('已完成');
    expect(closureText(govOld!)).toBe('2021-09-08 10:20 书面报送 本级人民政府（赵），按时；记录人 王值班');
    const govNew = d.clocks.find((c) => c.clockId === 'env.county-dept-to-gov' && c.levelLabel === '一般');
    expect(closureName(govNew!)).toBe('已完成');
    expect(closureText(govNew!)).toContain('调整前已向该对象报告');

    const upNew = d.clocks.find((c) => c.clockId === 'env.dept-to-upper-dept' && c.levelLabel === '一般');
    expect(closureName(upNew!)).toBeNull();
    expect(closureText(upNew!)).toBe('');
  });

  it('a downgrade before the deadline is 级别调整 without lateness', () => {
    const d = deriveIncident(incident({ levelOverride: '一般' }), [], {
      levelHistory: [{ from: '较大', to: '一般', effectiveAt: t('10:00'), by: '赵珺', reason: '核实' }],
    });
    const up = d.clocks.find((c) => c.clockId === 'env.dept-to-upper-dept' && c.levelLabel === '较大')!;
    expect(closureName(up)).toBe('级别调整');
    expect(closureText(up)).toBe('级别调整（2021-09-08 10:00）：级别由较大调整为一般：核实');
  });

  it('a report after the deadline is 迟报 by how long; one at the deadline is on time', () => {
    const late = deriveIncident(incident(), [rec('env.county-dept-to-gov', '10:50')]);
    const c = late.clocks.find((x) => x.clockId === 'env.county-dept-to-gov')!;
    expect(closureName(c)).toBe('迟报');
    expect(closureText(c)).toBe('2021-09-08 10:50 书面报送 本级人民政府（赵），迟报20分；记录人 王值班');
    const onTime = deriveIncident(incident(), [rec('env.county-dept-to-gov', '10:30')]);
    expect(closureName(onTime.clocks.find((x) => x.clockId === 'env.county-dept-to-gov')!)).toBe('已完成');
  });

  it("an officer's 不适用 keeps its reason and officer", () => {
    const d = deriveIncident(incident(), [
      rec('env.dept-to-upper-dept', '10:00', {
        completedAt: null,
        channel: null,
        recipientUnit: null,
        recipientName: null,
        notApplicableReason: '已由市局直接报告',
      }),
    ]);
    const c = d.clocks.find((x) => x.clockId === 'env.dept-to-upper-dept')!;
    expect(closureName(c)).toBe('不适用');
    expect(closureText(c)).toBe('不适用（2021-09-08 10:00）：已由市局直接报告；记录人 王值班');
  });
});
