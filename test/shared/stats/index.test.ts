import { describe, expect, it } from 'vitest';
import { clockOutcome, computeStats, median, type StatClock, type StatIncident } from '../../../shared/stats/index';

const ENV = '突发环境事件';
const COMMS = '通信保障';

const incidents: StatIncident[] = [
  {
    id: 1,
    plan: ENV,
    level: '较大',
    places: ['朔城区', '平鲁区'],
    receivedAt: '2025-09-30T22:00:00+08:00',
    drill: false,
  },
  { id: 2, plan: ENV, level: '一般', places: ['应县'], receivedAt: '2025-10-05T10:00:00+08:00', drill: false },
  // 16:10 UTC on 30 November is 00:10 on 1 December in Shuozhou.
  { id: 3, plan: COMMS, level: null, places: [], receivedAt: '2025-11-30T16:10:00Z', drill: false },
  { id: 4, plan: '辐射事故', level: '一般', places: ['怀仁市'], receivedAt: '2025-10-10T09:00:00+08:00', drill: true },
];

const clocks: StatClock[] = [
  {
    incidentId: 1,
    plan: ENV,
    clockId: 'c1',
    channel: 'phone',
    dueAt: '2025-09-30T23:00:00+08:00',
    completedAt: '2025-09-30T22:40:00+08:00',
    completedBy: '张伟',
  },
  {
    incidentId: 1,
    plan: ENV,
    clockId: 'c2',
    channel: 'written',
    dueAt: '2025-10-01T00:00:00+08:00',
    completedAt: '2025-10-01T00:30:00+08:00',
    completedBy: '刘洋',
  },
  {
    incidentId: 1,
    plan: ENV,
    clockId: 'c3',
    channel: 'phone',
    dueAt: '2025-10-01T00:00:00+08:00',
    completedAt: '2025-09-30T22:30:00+08:00',
    completedBy: '张伟',
  },
  // Completed exactly at the deadline: on time.
  {
    incidentId: 2,
    plan: ENV,
    clockId: 'c4',
    channel: 'phone',
    dueAt: '2025-10-05T13:00:00+08:00',
    completedAt: '2025-10-05T13:00:00+08:00',
    completedBy: '刘洋',
  },
  { incidentId: 2, plan: ENV, clockId: 'c5', channel: 'written', dueAt: '2025-10-05T13:00:00+08:00' },
  { incidentId: 2, plan: ENV, clockId: 'c6', channel: 'any', dueAt: '2025-10-05T11:00:00+08:00', notApplicable: true },
  // Due exactly now: still pending.
  {
    incidentId: 3,
    plan: COMMS,
    clockId: 'c7',
    channel: 'phone',
    dueAt: '2025-12-01T12:00:00+08:00',
    completedAt: null,
  },
  {
    incidentId: 3,
    plan: COMMS,
    clockId: 'c8',
    channel: 'written',
    dueAt: '2025-12-01T01:10:00+08:00',
    completedAt: '2025-12-01T01:00:00+08:00',
    completedBy: '张伟',
  },
  { incidentId: 4, plan: '辐射事故', clockId: 'c9', channel: 'phone', dueAt: '2025-10-10T10:00:00+08:00' },
  { incidentId: 99, plan: ENV, clockId: 'c10', channel: 'phone', dueAt: '2025-10-10T10:00:00+08:00' },
];

const NOW = '2025-12-01T12:00:00+08:00';

describe('clockOutcome', () => {
  const now = Date.parse(NOW);
  it('separates on time, 迟报, 漏报 and pending', () => {
    // an index inside the fixture array (noUncheckedIndexedAccess)
    expect(clockOutcome(clocks[0] as StatClock, now)).toBe('onTime');
    expect(clockOutcome(clocks[1] as StatClock, now)).toBe('late');
    expect(clockOutcome(clocks[3] as StatClock, now)).toBe('onTime');
    expect(clockOutcome(clocks[4] as StatClock, now)).toBe('missed');
    expect(clockOutcome(clocks[5] as StatClock, now)).toBe('notApplicable');
    expect(clockOutcome(clocks[6] as StatClock, now)).toBe('pending');
    expect(clockOutcome(clocks[6] as StatClock, now + 1)).toBe('missed');
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 180, 5])).toBe(30);
    expect(median([180, 30])).toBe(105);
  });
});

describe('computeStats', () => {
  it('matches the hand-computed figures, drills excluded', () => {
    const s = computeStats({ incidents, clocks, now: NOW, officerAt: () => '陈静' });
    expect(s.incidentCount).toBe(3);
    expect(s.drillsExcluded).toBe(1);
    expect(s.byPlan).toEqual([
      { key: ENV, count: 2 },
      { key: COMMS, count: 1 },
    ]);
    expect(s.byLevel).toHaveLength(3);
    expect(Object.fromEntries(s.byLevel.map((r) => [r.key, r.count]))).toEqual({ 较大: 1, 一般: 1, 未定级: 1 });
    expect(Object.fromEntries(s.byPlace.map((r) => [r.key, r.count]))).toEqual({
      朔城区: 1,
      平鲁区: 1,
      应县: 1,
      未填写: 1,
    });
    expect(s.byMonth).toEqual([
      { key: '2025-09', count: 1 },
      { key: '2025-10', count: 1 },
      { key: '2025-11', count: 0 },
      { key: '2025-12', count: 1 },
    ]);
    expect(s.clockOutcomes.overall).toEqual({
      onTime: 4,
      late: 1,
      missed: 1,
      pending: 1,
      notApplicable: 1,
      onTimeRate: 4 / 6,
    });
    expect(s.clockOutcomes.byPlan).toEqual([
      { key: COMMS, onTime: 1, late: 0, missed: 0, pending: 1, notApplicable: 0, onTimeRate: 1 },
      { key: ENV, onTime: 3, late: 1, missed: 1, pending: 0, notApplicable: 1, onTimeRate: 3 / 5 },
    ]);
    const officers = Object.fromEntries(s.clockOutcomes.byOfficer.map((r) => [r.key, [r.onTime, r.late, r.missed]]));
    expect(officers).toEqual({ 张伟: [3, 0, 0], 刘洋: [1, 1, 0], 陈静: [0, 0, 1] });
    // Phone: incident 1 first at 22:30 (30 min; c1 at 22:40 is later), incident 2 at 13:00 (180 min).
    expect(s.medianMinutesToPhone).toBe(105);
    // Written: incident 1 at 00:30 next day (150 min), incident 3 at 01:00 (50 min).
    expect(s.medianMinutesToWritten).toBe(100);
    expect(s.samples).toEqual({ phone: 2, written: 2 });
  });

  it('counts drills when asked and puts unattributed 漏报 under 未确定', () => {
    const s = computeStats({ incidents, clocks, now: NOW, includeDrills: true });
    expect(s.incidentCount).toBe(4);
    expect(s.drillsExcluded).toBe(0);
    expect(s.byPlan.find((r) => r.key === '辐射事故')?.count).toBe(1);
    expect(s.clockOutcomes.overall.missed).toBe(2);
    expect(s.clockOutcomes.byOfficer.find((r) => r.key === '未确定')?.missed).toBe(2);
    expect(s.byMonth.map((r) => r.count)).toEqual([1, 2, 0, 1]);
  });

  it('returns empty figures for no data', () => {
    const s = computeStats({ incidents: [], clocks: [], now: NOW });
    expect(s.byMonth).toEqual([]);
    expect(s.medianMinutesToPhone).toBeNull();
    expect(s.clockOutcomes.overall.onTimeRate).toBeNull();
  });

  it('rejects bad input naming the field', () => {
    expect(() => computeStats({ incidents, clocks, now: 'yesterday' })).toThrow(/now/);
    // an index inside the fixture array (noUncheckedIndexedAccess)
    const bad = [{ ...(incidents[0] as StatIncident), receivedAt: '2025-09-30 22:00' }];
    expect(() => computeStats({ incidents: bad, clocks: [], now: NOW })).toThrow(/receivedAt/);
  });
});
