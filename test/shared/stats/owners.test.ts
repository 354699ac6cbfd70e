import { describe, expect, it } from 'vitest';
import {
  OWNER_LABELS,
  clockOutcome,
  computeStats,
  type StatClock,
  type StatIncident,
} from '../../../shared/stats/index';

const ENV = '突发环境事件';
const NOW = '2021-09-08T23:00:00+08:00';
const incidents: StatIncident[] = [
  { id: 1, plan: ENV, level: '一般', places: ['山阴县'], receivedAt: '2021-09-08T09:30:00+08:00', drill: false },
];
const c = (over: Partial<StatClock>): StatClock => ({
  incidentId: 1,
  plan: ENV,
  clockId: 'x',
  channel: 'any',
  dueAt: '2021-09-08T10:30:00+08:00',
  ...over,
});

describe('迟报 and 漏报 of the duty room’s own clocks apart from those it monitors (issue 12)', () => {
  it('counts each owner in its own row, the room first', () => {
    const s = computeStats({
      incidents,
      now: NOW,
      clocks: [
        c({ owner: 'room', completedAt: '2021-09-08T10:40:00+08:00' }),
        c({ owner: 'room' }),
        c({ owner: 'monitored', completedAt: '2021-09-08T10:00:00+08:00' }),
        c({ owner: 'monitored' }),
        c({ owner: 'monitored' }),
      ],
    });
    const [room, monitored] = s.clockOutcomes.byOwner;
    expect([room!.key, room!.owner, room!.late, room!.missed, room!.onTime]).toEqual([
      OWNER_LABELS.room,
      'room',
      1,
      1,
      0,
    ]);
    expect([monitored!.key, monitored!.owner, monitored!.late, monitored!.missed, monitored!.onTime]).toEqual([
      OWNER_LABELS.monitored,
      'monitored',
      0,
      2,
      1,
    ]);
    expect(s.clockOutcomes.byOwner).toHaveLength(2);
  });

  it('keeps clocks without an owner in a row of their own', () => {
    const s = computeStats({ incidents, now: NOW, clocks: [c({})] });
    expect(s.clockOutcomes.byOwner.map((r) => [r.owner, r.missed])).toEqual([
      ['room', 0],
      ['monitored', 0],
      [null, 1],
    ]);
  });
});

describe('a clock closed as 级别调整 (43号 5.1.1(6))', () => {
  const now = Date.parse(NOW);
  it('is 迟报 when it was overdue at the change, and not owed when it was not (both sides of dueAt)', () => {
    expect(clockOutcome(c({ levelChangedAt: '2021-09-08T11:00:00+08:00', notApplicable: true }), now)).toBe('late');
    expect(clockOutcome(c({ levelChangedAt: '2021-09-08T10:30:00+08:00', notApplicable: true }), now)).toBe(
      'notApplicable',
    );
    expect(clockOutcome(c({ levelChangedAt: '2021-09-08T10:30:01+08:00' }), now)).toBe('late');
  });
});
