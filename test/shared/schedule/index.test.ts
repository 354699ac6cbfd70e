import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applySwap,
  dayKind,
  dutyCounts,
  dutyDayOf,
  dutyDayRange,
  exchangeShifts,
  generateMonth,
  hasHolidayData,
  holidayDataNotice,
  onDutyAt,
  type ShiftAssignment,
} from '../../../shared/schedule/index';
import { addDays } from '../../../shared/time';

const LEADERS = ['王建国', '李明', '赵华'];
const OFFICERS = ['张伟', '刘洋', '陈静', '杨帆', '周敏'];

describe('dutyDayOf / dutyDayRange', () => {
  it('puts the hours before 08:30 Shanghai on the previous duty day', () => {
    expect(dutyDayOf('2025-10-01T08:30:00+08:00')).toBe('2025-10-01');
    expect(dutyDayOf('2025-10-01T08:29:59+08:00')).toBe('2025-09-30');
    expect(dutyDayOf('2025-10-02T03:00:00+08:00')).toBe('2025-10-01');
    // 00:20 UTC is 08:20 in Shanghai.
    expect(dutyDayOf('2025-10-02T00:20:00Z')).toBe('2025-10-01');
    expect(dutyDayOf('2025-10-02T00:30:00Z')).toBe('2025-10-02');
  });

  it('honours a configured start time', () => {
    expect(dutyDayOf('2025-10-02T08:45:00+08:00', { startTime: '09:00', hours: 24 })).toBe('2025-10-01');
    expect(dutyDayRange('2025-12-31', { startTime: '09:00', hours: 12 })).toEqual({
      start: '2025-12-31T09:00:00+08:00',
      end: '2026-01-01T09:00:00+08:00',
    });
  });

  it('returns the 24-hour range of a duty day', () => {
    expect(dutyDayRange('2026-02-28')).toEqual({
      start: '2026-02-28T08:30:00+08:00',
      end: '2026-03-01T08:30:00+08:00',
    });
  });

  it('rejects bad input with the field named', () => {
    expect(() => dutyDayOf('2025-10-01 08:30')).toThrow(/instant/);
    expect(() => dutyDayOf('2025-10-01T08:30:00')).toThrow(/时区/);
    expect(() => dutyDayRange('2025-02-30')).toThrow(/day/);
    expect(() => dutyDayOf('2025-10-01T08:30:00Z', { startTime: '8:30', hours: 24 })).toThrow(/startTime/);
    expect(() => dutyDayOf('2025-10-01T08:30:00Z', { startTime: '08:30', hours: 7 })).toThrow(/hours/);
  });
});

describe('dayKind (chinese-days)', () => {
  it('knows 国庆 and 中秋 2025 with the 调休 workdays', () => {
    // 国办发明电〔2024〕12号: 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班。
    expect(dayKind('2025-09-28')).toEqual({ kind: '调休上班', name: '国庆节' });
    expect(dayKind('2025-10-01')).toEqual({ kind: '法定节假日', name: '国庆节' });
    expect(dayKind('2025-10-06')).toEqual({ kind: '法定节假日', name: '中秋' });
    expect(dayKind('2025-10-08')).toEqual({ kind: '法定节假日', name: '国庆节' });
    expect(dayKind('2025-10-09')).toEqual({ kind: '工作日' });
    expect(dayKind('2025-10-11')).toEqual({ kind: '调休上班', name: '国庆节' });
    expect(dayKind('2025-10-12')).toEqual({ kind: '周末' });
  });

  it('knows 春节 2026: 2月15日至23日 off, 2月14日 and 28日 (Saturdays) worked', () => {
    expect(dayKind('2026-02-14')).toEqual({ kind: '调休上班', name: '春节' });
    expect(dayKind('2026-02-15')).toEqual({ kind: '法定节假日', name: '春节' });
    expect(dayKind('2026-02-23')).toEqual({ kind: '法定节假日', name: '春节' });
    expect(dayKind('2026-02-24')).toEqual({ kind: '工作日' });
    expect(dayKind('2026-02-28')).toEqual({ kind: '调休上班', name: '春节' });
    expect(dayKind('2026-02-07')).toEqual({ kind: '周末' });
  });

  it('reports which years the holiday data covers', () => {
    expect(hasHolidayData(2025)).toBe(true);
    expect(hasHolidayData(2026)).toBe(true);
    expect(hasHolidayData(2099)).toBe(false);
  });

  it('a year without its notice (2027): the statutory days of 放假办法 (2024 revision), no 调休, and a plain notice', () => {
    expect(hasHolidayData(2027)).toBe(false);
    expect(holidayDataNotice(2026)).toBeNull();
    expect(holidayDataNotice(2027)).toContain('2027年节假日安排尚未收录');
    const holidays = Array.from({ length: 365 }, (_, i) => addDays('2027-01-01', i)).filter(
      (d) => dayKind(d).kind === '法定节假日',
    );
    // 元旦1、春节4（除夕、初一至初三）、清明1、劳动节2、端午1、中秋1、国庆3: 13 days.
    expect(holidays).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(dayKind('2027-02-05')).toEqual({ kind: '法定节假日', name: '春节' });
    expect(dayKind('2027-04-05')).toEqual({ kind: '法定节假日', name: '清明节' });
    // Weekends stay weekends, no 调休 is guessed.
    expect(dayKind('2027-01-02')).toEqual({ kind: '周末' });
    expect(dayKind('2027-01-04')).toEqual({ kind: '工作日' });
    // Beyond the lunar table only the fixed-date holidays are known, and the notice says so.
    expect(dayKind('2099-10-02')).toEqual({ kind: '法定节假日', name: '国庆节' });
    expect(holidayDataNotice(2099)).toContain('仅元旦、劳动节、国庆节');
  });
});

function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values);
}

function checkSchedule(s: ShiftAssignment[]): void {
  for (let i = 1; i < s.length; i++) {
    // an index inside the schedule's bounds (noUncheckedIndexedAccess)
    const a = s[i - 1] as ShiftAssignment;
    const b = s[i] as ShiftAssignment;
    expect(b.start).toBe(a.end);
  }
  for (const a of s) expect(a.leader).not.toBe(a.officer);
}

describe('generateMonth', () => {
  it('plans October 2025 across 国庆 with fair totals, fair holidays and rest between shifts', () => {
    const s = generateMonth({ month: '2025-10', leaders: LEADERS, officers: OFFICERS });
    expect(s).toHaveLength(31);
    checkSchedule(s);
    expect(s[0]).toMatchObject({
      date: '2025-10-01',
      shift: 0,
      start: '2025-10-01T08:30:00+08:00',
      end: '2025-10-02T08:30:00+08:00',
      dayKind: '法定节假日',
      holidayName: '国庆节',
    });
    expect(s.filter((a) => a.dayKind === '法定节假日').map((a) => a.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(s.find((a) => a.date === '2025-10-11')?.dayKind).toBe('调休上班');
    for (const field of ['leader', 'officer'] as const) {
      const counts = dutyCounts(s, field);
      expect(counts).toHaveLength(field === 'leader' ? 3 : 5);
      expect(spread(counts.map((c) => c.total))).toBeLessThanOrEqual(1);
      expect(spread(counts.map((c) => c.holiday))).toBeLessThanOrEqual(1);
      for (let i = 1; i < s.length; i++)
        // an index inside the schedule's bounds (noUncheckedIndexedAccess)
        expect((s[i] as ShiftAssignment)[field]).not.toBe((s[i - 1] as ShiftAssignment)[field]);
    }
  });

  it('plans February 2026 across 春节 with its two 调休 Saturdays', () => {
    const s = generateMonth({ month: '2026-02', leaders: LEADERS, officers: OFFICERS });
    expect(s).toHaveLength(28);
    checkSchedule(s);
    expect(s.filter((a) => a.dayKind === '法定节假日')).toHaveLength(9);
    expect(s.filter((a) => a.dayKind === '调休上班').map((a) => a.date)).toEqual(['2026-02-14', '2026-02-28']);
    // 2月21日、22日 fall inside the holiday, so only three weekend days remain.
    expect(s.filter((a) => a.dayKind === '周末').map((a) => a.date)).toEqual([
      '2026-02-01',
      '2026-02-07',
      '2026-02-08',
    ]);
    // 9 holiday shifts among 5 officers: 2,2,2,2,1; among 3 leaders: 3,3,3.
    expect(
      dutyCounts(s, 'officer')
        .map((c) => c.holiday)
        .sort(),
    ).toEqual([1, 2, 2, 2, 2]);
    expect(dutyCounts(s, 'leader').map((c) => c.holiday)).toEqual([3, 3, 3]);
  });

  it('rotates holiday 带班领导 among holidayLeaders when given', () => {
    const s = generateMonth({
      month: '2025-10',
      leaders: LEADERS,
      officers: OFFICERS,
      holidayLeaders: ['市长甲', '市长乙'],
    });
    const holiday = s.filter((a) => a.dayKind === '法定节假日');
    expect(new Set(holiday.map((a) => a.leader))).toEqual(new Set(['市长甲', '市长乙']));
    expect(holiday.filter((a) => a.leader === '市长甲')).toHaveLength(4);
    expect(s.filter((a) => a.dayKind !== '法定节假日').every((a) => LEADERS.includes(a.leader))).toBe(true);
  });

  it('makes two shifts a day with 12-hour shifts', () => {
    const s = generateMonth({
      month: '2025-11',
      leaders: LEADERS,
      officers: OFFICERS,
      config: { startTime: '08:00', hours: 12 },
    });
    expect(s).toHaveLength(60);
    checkSchedule(s);
    expect(s[1]).toMatchObject({
      date: '2025-11-01',
      shift: 1,
      start: '2025-11-01T20:00:00+08:00',
      end: '2025-11-02T08:00:00+08:00',
    });
  });

  it('keeps rest across the month boundary when given last month', () => {
    const sep = generateMonth({ month: '2025-09', leaders: LEADERS, officers: OFFICERS });
    const oct = generateMonth({ month: '2025-10', leaders: LEADERS, officers: OFFICERS, previous: sep });
    // an index inside the schedule's bounds (noUncheckedIndexedAccess)
    const last = sep[sep.length - 1] as ShiftAssignment;
    expect(oct[0]?.leader).not.toBe(last.leader);
    expect(oct[0]?.officer).not.toBe(last.officer);
  });

  it('keeps totals within one, holidays within two, and never back-to-back (any roster of 3+, any month)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 2025, max: 2026 }),
        fc.integer({ min: 1, max: 12 }),
        (nl, no, year, month) => {
          const leaders = Array.from({ length: nl }, (_, i) => `领导${i}`);
          const officers = Array.from({ length: no }, (_, i) => `值班员${i}`);
          const s = generateMonth({ month: `${year}-${String(month).padStart(2, '0')}`, leaders, officers });
          for (const field of ['leader', 'officer'] as const) {
            const counts = dutyCounts(s, field);
            if (spread(counts.map((c) => c.total)) > 1) return false;
            // The rest rule can force a round's first holiday shift past the person with fewest.
            if (spread(counts.map((c) => c.holiday)) > 2) return false;
            for (let i = 1; i < s.length; i++)
              // an index inside the schedule's bounds (noUncheckedIndexedAccess)
              if ((s[i] as ShiftAssignment)[field] === (s[i - 1] as ShiftAssignment)[field]) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad rosters and months', () => {
    expect(() => generateMonth({ month: '2025-13', leaders: LEADERS, officers: OFFICERS })).toThrow(/month/);
    expect(() => generateMonth({ month: '2025-10', leaders: [], officers: OFFICERS })).toThrow(/leaders/);
    expect(() => generateMonth({ month: '2025-10', leaders: LEADERS, officers: ['张伟', '张伟'] })).toThrow(/重复/);
    expect(() => generateMonth({ month: '2025-10', leaders: ['甲'], officers: ['甲'] })).toThrow(/同一人/);
  });
});

describe('applySwap / exchangeShifts / onDutyAt', () => {
  const base = generateMonth({ month: '2025-10', leaders: LEADERS, officers: OFFICERS });

  it('records a 替班 with its reason and leaves the input untouched', () => {
    // an index inside the schedule's bounds (noUncheckedIndexedAccess)
    const before = base[2] as ShiftAssignment;
    const next = applySwap(base, {
      date: '2025-10-03',
      field: 'officer',
      newPerson: '孙丽',
      reason: '原值班员因病请假',
    });
    expect(next[2]?.officer).toBe('孙丽');
    expect(next[2]?.overrides).toEqual([
      { kind: '替班', field: 'officer', from: before.officer, to: '孙丽', reason: '原值班员因病请假' },
    ]);
    expect(base[2]?.officer).toBe(before.officer);
    expect(base[2]?.overrides).toEqual([]);
  });

  it('requires a reason and a known shift', () => {
    expect(() => applySwap(base, { date: '2025-10-03', field: 'officer', newPerson: '孙丽', reason: ' ' })).toThrow(
      /reason/,
    );
    expect(() => applySwap(base, { date: '2025-11-03', field: 'officer', newPerson: '孙丽', reason: '出差' })).toThrow(
      /2025-11-03/,
    );
    // an index inside the schedule's bounds (noUncheckedIndexedAccess)
    const a = base[0] as ShiftAssignment;
    expect(() => applySwap(base, { date: a.date, field: 'officer', newPerson: a.leader, reason: '出差' })).toThrow(
      /同一人/,
    );
  });

  it('exchanges two shifts and records it on both', () => {
    // an index inside the schedule's bounds (noUncheckedIndexedAccess)
    const a = base[0] as ShiftAssignment;
    const b = base[1] as ShiftAssignment;
    const next = exchangeShifts(base, { date: a.date, withDate: b.date, field: 'leader', reason: '工作调整' });
    expect(next[0]?.leader).toBe(b.leader);
    expect(next[1]?.leader).toBe(a.leader);
    expect(next[0]?.overrides[0]).toMatchObject({ kind: '换班', from: a.leader, to: b.leader, withDate: b.date });
    expect(next[1]?.overrides[0]).toMatchObject({ kind: '换班', from: b.leader, to: a.leader, withDate: a.date });
  });

  it('finds who is on duty at an instant', () => {
    expect(onDutyAt(base, '2025-10-02T03:00:00+08:00')).toBe(base[0]);
    expect(onDutyAt(base, '2025-10-02T08:30:00+08:00')).toBe(base[1]);
    expect(onDutyAt(base, '2025-10-01T08:29:00+08:00')).toBeNull();
    expect(onDutyAt(base, '2025-11-01T08:29:59+08:00')).toBe(base[30]);
  });
});
