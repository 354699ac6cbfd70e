import { describe, expect, it } from 'vitest';
import { mergeNotices, noticeMessage } from '../../../shared/clocks/alarm-notices';
import { planAlarms, type FiredAlarm } from '../../../shared/clocks/alarm-planner';
import type { TrackedClock } from '../../../shared/clocks/state';

const T0 = Date.parse('2026-11-30T10:00:00+08:00');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const settings = { dueSoonMinutes: 10, repeatMinutes: 5 };

function clock(incidentId: number, clockId: string, dueMin: number, over: Partial<TrackedClock> = {}): TrackedClock {
  return {
    key: `${incidentId}:${clockId}`,
    incidentId,
    clockId,
    title: clockId === 'phone' ? '电话报告市政府' : '书面报告市政府',
    incidentTitle: `事件${incidentId}`,
    citation: '朔政办发〔2021〕43号 5.1.1(2)',
    startsAt: iso(T0),
    dueAt: iso(T0 + dueMin * MIN),
    ...over,
  };
}

function fire(clocks: TrackedClock[], nowMs: number, fired: FiredAlarm[] = []) {
  return planAlarms({ clocks, nowMs, fired, acks: [], settings }).toFire;
}

describe('alarm notices: one per incident, live words', () => {
  it('two alarmed clocks of one incident leave one notice, the most urgent incident first', () => {
    const clocks = [clock(1, 'phone', 5), clock(1, 'written', 8), clock(2, 'phone', 3)];
    const alarms = fire(clocks, T0);
    expect(alarms).toHaveLength(3);
    const notices = mergeNotices([], alarms, clocks);
    expect(notices.map((n) => n.incidentId)).toEqual(['2', '1']);
  });

  it('a newer alarm of the incident replaces its notice; a closed clock drops it', () => {
    const c1 = clock(1, 'phone', 5);
    const c2 = clock(2, 'phone', 30);
    let notices = mergeNotices([], fire([c1, c2], T0), [c1, c2]);
    expect(notices.map((n) => `${n.incidentId}:${n.kind}`)).toEqual(['1:due_soon']);
    notices = mergeNotices(
      notices,
      fire([c1], T0 + 5 * MIN, [{ clockKey: c1.key, kind: 'due_soon', seq: 0, firedAt: iso(T0), dueAt: c1.dueAt }]),
      [c1, c2],
    );
    expect(notices.map((n) => `${n.incidentId}:${n.kind}`)).toEqual(['1:due']);
    const reported = { ...c1, completedAt: iso(T0 + 6 * MIN) };
    expect(mergeNotices(notices, [], [reported, c2])).toEqual([]);
    expect(mergeNotices(notices, [], [c2])).toEqual([]);
  });

  it('reads the clock afresh when its deadline moved', () => {
    const c1 = clock(1, 'phone', 5);
    const notices = mergeNotices([], fire([c1], T0), [c1]);
    const moved = { ...c1, dueAt: iso(T0 + 60 * MIN) };
    expect(mergeNotices(notices, [], [moved])[0]?.clock.dueAt).toBe(moved.dueAt);
  });

  it('the words follow the clock: 剩 before, 超时 after, and a 即将到期 notice turns 已到期', () => {
    const c1 = clock(1, 'phone', 10);
    const [n] = mergeNotices([], fire([c1], T0), [c1]);
    expect(n).toBeDefined();
    if (!n) return;
    expect(noticeMessage(n, T0).title).toBe('【即将到期】电话报告市政府');
    expect(noticeMessage(n, T0).body).toContain('剩10分00秒');
    expect(noticeMessage(n, T0 + 9 * MIN + 5_000).body).toContain('剩55秒');
    expect(noticeMessage(n, T0 + 29 * MIN).title).toBe('【已到期】电话报告市政府');
    expect(noticeMessage(n, T0 + 29 * MIN).body).toContain('超时19分');
  });
});
