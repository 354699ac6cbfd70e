/** Exports name each closure as it happened: a 级别调整 is never exported as 不适用 (43号 5.1.1(6)). */
import { describe, expect, it } from 'vitest';
import type { ClockRecord, Incident } from '../../../../shared/domain/incident';
import { deriveIncident } from '../../../../shared/incidents/derive';
import { clockOutcomeLabel, incidentDetailTables } from '../../../../electron/services/data/incident-tables';
import { toCsv } from '../../../../electron/exports/csv';

const t = (hhmm: string) => `2021-09-08T${hhmm}:00+08:00`;

const incident: Incident = {
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
  levelOverride: '一般',
  responseOverride: null,
  status: '响应中',
  drill: false,
  createdAt: t('09:30'),
  createdBy: '王值班',
  updatedAt: t('11:00'),
};
const report = (clockId: string, at: string, over: Partial<ClockRecord> = {}): ClockRecord => ({
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

describe('clock outcomes in the exports', () => {
  // Worked example (c): registered 较大, 本级政府 reported 10:20, downgraded to 一般 at 11:00.
  const d = deriveIncident(
    incident,
    [
      report('env.county-dept-to-gov', '10:20'),
      report('env.city-gov-to-province', '10:40', {
        completedAt: null,
        channel: null,
        recipientUnit: null,
        recipientName: null,
        notApplicableReason: '省厅已直接掌握',
      }),
    ],
    { levelHistory: [{ from: '较大', to: '一般', effectiveAt: t('11:00'), by: '赵珺', reason: '核实死亡2人' }] },
  );
  const now = new Date(t('11:30'));
  const of = (clockId: string, level: string) => d.clocks.find((c) => c.clockId === clockId && c.levelLabel === level)!;

  it('级别调整 (late when it was overdue), 不适用, on time and pending, each by its own name', () => {
    expect(clockOutcomeLabel(of('env.dept-to-upper-dept', '较大'), now)).toBe('级别调整（已超时）');
    expect(clockOutcomeLabel(of('env.city-gov-to-province', '较大'), now)).toBe('不适用');
    expect(clockOutcomeLabel(of('env.county-dept-to-gov', '较大'), now)).toBe('按时报告');
    expect(clockOutcomeLabel(of('env.dept-to-upper-dept', '一般'), now)).toBe('未到期');
    expect(clockOutcomeLabel(of('env.dept-to-upper-dept', '一般'), new Date(t('14:01')))).toBe('漏报');
  });

  it('the clock table of one incident has the level served and how each closed, in CSV as exported', () => {
    const table = incidentDetailTables(
      { ...d.grading, ...incident, ...d, timeline: [], lastActivityAt: t('11:00') },
      now,
    )[1]!;
    expect(table.columns.map((c) => c.header)).toContain('服务级别');
    const rows = table.rows.filter((r) => r.title === of('env.dept-to-upper-dept', '较大').title);
    expect(rows.map((r) => [r.level, r.outcome, r.closure])).toEqual([
      [
        '较大',
        '级别调整（已超时）',
        '级别调整（2021-09-08 11:00）：级别由较大调整为一般：核实死亡2人；调整时已超时30分',
      ],
      ['一般', '未到期', ''],
    ]);
    const csv = toCsv(table).toString('utf8');
    expect(csv).toContain('较大,');
    expect(csv).toContain('级别调整（已超时）');
    expect(csv.split('\n').filter((l) => l.includes('级别调整') && l.includes(',不适用,'))).toEqual([]);
  });
});
