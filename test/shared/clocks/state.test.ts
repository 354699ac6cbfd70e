import { describe, expect, it } from 'vitest';
import {
  CLOSED_URGENCY,
  clockState,
  clockStateInto,
  dueWithin,
  formatSpan,
  incidentUrgencyKey,
  mostUrgent,
  urgencyKey,
  type ClockState,
  type TrackedClock,
} from '../../../shared/clocks/state';

const T0 = Date.parse('2021-09-08T10:00:00+08:00');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function clock(over: Partial<TrackedClock> & { dueMin: number }): TrackedClock {
  const { dueMin, ...rest } = over;
  return {
    key: `1:c${dueMin}`,
    incidentId: 1,
    clockId: `c${dueMin}`,
    title: '电话报告市政府',
    startsAt: iso(T0),
    dueAt: iso(T0 + dueMin * MIN),
    ...rest,
  };
}

describe('formatSpan', () => {
  it('uses X分YY秒 under an hour and X小时YY分 from an hour on, never a clock-like mm:ss', () => {
    expect(formatSpan(0)).toBe('0秒');
    expect(formatSpan(59)).toBe('59秒');
    expect(formatSpan(60)).toBe('1分00秒');
    expect(formatSpan(19 * 60 + 55)).toBe('19分55秒');
    expect(formatSpan(39 * 60 + 59)).toBe('39分59秒');
    expect(formatSpan(3599)).toBe('59分59秒');
    expect(formatSpan(3600)).toBe('1小时00分');
    expect(formatSpan(3600 + 5 * 60 + 59)).toBe('1小时05分');
    expect(formatSpan(30 * 3600 + 7 * 60)).toBe('30小时07分');
    expect(formatSpan(-5)).toBe('0秒');
  });
});

describe('clockState', () => {
  const c = clock({ dueMin: 60 });

  it('is 未到期 with a countdown more than 10 minutes out', () => {
    const s = clockState(c, T0 + 20 * MIN + 1);
    expect(s.state).toBe('pending');
    expect(s.label).toBe('未到期');
    expect(s.text).toBe('剩40分00秒'); // 39:59.999 rounds up: the countdown ends exactly at the deadline
    expect(clockState(c, T0 + 20 * MIN + 1000).text).toBe('剩39分59秒');
    expect(clockState(c, T0 + 60 * MIN - 1).text).toBe('剩1秒');
    expect(clockState(c, T0 - 5 * MIN).text).toBe('剩1小时05分');
  });

  it('turns 即将到期 at exactly 10 minutes left, and honours the configured window', () => {
    expect(clockState(c, T0 + 50 * MIN - 1).state).toBe('pending');
    const s = clockState(c, T0 + 50 * MIN);
    expect(s).toMatchObject({ state: 'due_soon', label: '即将到期', text: '剩10分00秒', remainingMs: 10 * MIN });
    expect(clockState(c, T0 + 46 * MIN, { dueSoonMinutes: 15 }).state).toBe('due_soon');
    expect(clockState(c, T0 + 46 * MIN).state).toBe('pending');
  });

  it('is 已超时 from the deadline on and counts up how late', () => {
    expect(clockState(c, T0 + 60 * MIN - 1).state).toBe('due_soon');
    expect(clockState(c, T0 + 60 * MIN)).toMatchObject({ state: 'overdue', label: '已超时', text: '超时不足1分' });
    expect(clockState(c, T0 + 61 * MIN - 1).text).toBe('超时不足1分');
    expect(clockState(c, T0 + 61 * MIN).text).toBe('超时1分');
    const late = clockState(c, T0 + 60 * MIN + 12 * MIN + 30_000 + 999);
    expect(late.text).toBe('超时12分');
    expect(late.remainingMs).toBe(-(12 * MIN + 30_999));
    expect(clockState(c, T0 + 60 * MIN + 123 * MIN).text).toBe('超时2小时03分');
  });

  it('is 已完成 once completed, saying whether it was on time, whatever now is', () => {
    const onTime = clock({ dueMin: 60, completedAt: iso(T0 + 30 * MIN) });
    expect(clockState(onTime, T0 + 500 * MIN)).toMatchObject({ state: 'done', label: '已完成', text: '按时完成' });
    const late = clock({ dueMin: 60, completedAt: iso(T0 + 75 * MIN) });
    expect(clockState(late, T0)).toMatchObject({ state: 'done', text: '超时15分完成', remainingMs: -15 * MIN });
  });

  it('is 不适用 when marked so; a completed record wins', () => {
    expect(clockState(clock({ dueMin: 60, notApplicable: true }), T0 + 90 * MIN)).toMatchObject({
      state: 'not_applicable',
      label: '不适用',
      remainingMs: 0,
    });
    const both = clock({ dueMin: 60, notApplicable: true, completedAt: iso(T0) });
    expect(clockState(both, T0).state).toBe('done');
  });

  it('rejects unparsable times and bad options, naming the field', () => {
    expect(() => clockState({ ...c, dueAt: 'tomorrow' }, T0)).toThrow(/dueAt.*1:c60/);
    expect(() => clockState({ ...c, completedAt: '2021-13-45' }, T0)).toThrow(/completedAt/);
    expect(() => clockState(c, T0, { dueSoonMinutes: -1 })).toThrow(/dueSoonMinutes/);
  });

  it('clockStateInto reuses the given object', () => {
    const out: ClockState = { state: 'pending', label: '', remainingMs: 0, text: '' };
    expect(clockStateInto(out, c, T0 + 55 * MIN)).toBe(out);
    expect(out).toEqual(clockState(c, T0 + 55 * MIN));
  });
});

describe('urgency', () => {
  const overdueLong = clock({ dueMin: 10, key: 'a' });
  const overdueShort = clock({ dueMin: 50, key: 'b' });
  const soon = clock({ dueMin: 65, key: 'c' });
  const later = clock({ dueMin: 180, key: 'd' });
  const done = clock({ dueMin: 5, key: 'e', completedAt: iso(T0 + MIN) });
  const na = clock({ dueMin: 1, key: 'f', notApplicable: true });
  const now = T0 + 60 * MIN;

  it('orders overdue first (most late first), then soonest due, closed clocks last', () => {
    const sorted = [later, na, soon, done, overdueShort, overdueLong].sort((x, y) => urgencyKey(x) - urgencyKey(y));
    expect(sorted.map((x) => x.key).slice(0, 4)).toEqual(['a', 'b', 'c', 'd']);
    expect(urgencyKey(done)).toBe(CLOSED_URGENCY);
    expect(urgencyKey(na)).toBe(CLOSED_URGENCY);
    expect(urgencyKey(later)).toBeLessThan(CLOSED_URGENCY);
  });

  it('mostUrgent picks the most urgent open clock, a closed one only when nothing is open', () => {
    expect(mostUrgent([later, soon, overdueShort], now)?.key).toBe('b');
    expect(mostUrgent([done, later])?.key).toBe('d');
    expect(mostUrgent([done, na])?.key).toBe('e');
    expect(mostUrgent([])).toBeNull();
    expect(incidentUrgencyKey([done, na])).toBe(CLOSED_URGENCY);
    expect(incidentUrgencyKey([])).toBe(CLOSED_URGENCY);
    expect(incidentUrgencyKey([later, soon])).toBe(Date.parse(soon.dueAt));
  });

  it('dueWithin lists open clocks due in the next N minutes, overdue ones first', () => {
    const all = [later, na, soon, done, overdueShort, overdueLong];
    expect(dueWithin(all, now, 30).map((x) => x.key)).toEqual(['a', 'b', 'c']);
    expect(dueWithin(all, now, 30, { includeOverdue: false }).map((x) => x.key)).toEqual(['c']);
    expect(dueWithin(all, now, 5).map((x) => x.key)).toEqual(['a', 'b', 'c']); // 65 − 60 = 5: inclusive
    expect(dueWithin(all, now, 4.99).map((x) => x.key)).toEqual(['a', 'b']);
    expect(() => dueWithin(all, now, -1)).toThrow(/minutes/);
  });
});
