import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alarmId,
  alarmMessage,
  planAlarms,
  toFiredAlarm,
  type AlarmAck,
  type AlarmSettings,
  type FiredAlarm,
} from '../../../shared/clocks/alarm-planner';
import type { TrackedClock } from '../../../shared/clocks/state';

const T0 = Date.parse('2021-09-08T10:00:00+08:00');
const MIN = 60_000;
const DUE = T0 + 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();
const settings: AlarmSettings = { dueSoonMinutes: 10, repeatMinutes: 5 };

function clock(over: Partial<TrackedClock> = {}): TrackedClock {
  return {
    key: '7:env-county-report',
    incidentId: 7,
    clockId: 'env-county-report',
    title: '县级生态环境部门报告',
    incidentTitle: '桑干河油污',
    from: '山阴县生态环境分局',
    to: '县政府、市生态环境局',
    citation: '朔政办发〔2021〕43号 5.1.1(2)',
    startsAt: iso(T0),
    dueAt: iso(DUE),
    ...over,
  };
}

/** Plans at each instant in turn, persisting what fires, as the service does. */
function run(
  clocks: TrackedClock[],
  times: number[],
  opts: { acks?: AlarmAck[]; fired?: FiredAlarm[]; settings?: AlarmSettings } = {},
) {
  const fired: FiredAlarm[] = [...(opts.fired ?? [])];
  const log: { at: number; kind: string; seq: number; key: string; missed: boolean }[] = [];
  let nextWakeMs: number | null = null;
  for (const at of times) {
    const plan = planAlarms({ clocks, nowMs: at, fired, acks: opts.acks ?? [], settings: opts.settings ?? settings });
    for (const a of plan.toFire) {
      fired.push(toFiredAlarm(a));
      log.push({ at, kind: a.kind, seq: a.seq, key: a.clockKey, missed: a.missed });
    }
    nextWakeMs = plan.nextWakeMs;
  }
  return { fired, log, nextWakeMs };
}

const everyMinute = (fromMin: number, toMin: number) =>
  Array.from({ length: toMin - fromMin + 1 }, (_, i) => T0 + (fromMin + i) * MIN);

describe('planAlarms: transitions', () => {
  it('fires due_soon at the last 10 minutes, due at the deadline, then a repeat every 5 minutes', () => {
    const { log } = run([clock()], everyMinute(0, 80));
    expect(log.map((l) => [l.kind, l.seq, (l.at - T0) / MIN])).toEqual([
      ['due_soon', 0, 50],
      ['due', 0, 60],
      ['overdue_repeat', 1, 65],
      ['overdue_repeat', 2, 70],
      ['overdue_repeat', 3, 75],
      ['overdue_repeat', 4, 80],
    ]);
    expect(log.every((l) => !l.missed)).toBe(true);
  });

  it('reports the next wake time at each stage', () => {
    expect(run([clock()], [T0]).nextWakeMs).toBe(DUE - 10 * MIN);
    expect(run([clock()], [T0, DUE - 10 * MIN]).nextWakeMs).toBe(DUE);
    expect(run([clock()], [T0, DUE - 10 * MIN, DUE]).nextWakeMs).toBe(DUE + 5 * MIN);
    expect(run([clock()], [DUE + 7 * MIN]).nextWakeMs).toBe(DUE + 12 * MIN);
  });

  it('honours configured windows; 0 turns the due-soon alarm or the repeats off', () => {
    const custom = run([clock()], everyMinute(0, 75), { settings: { dueSoonMinutes: 15, repeatMinutes: 3 } });
    expect(custom.log.map((l) => (l.at - T0) / MIN)).toEqual([45, 60, 63, 66, 69, 72, 75]);
    const off = run([clock()], everyMinute(0, 90), { settings: { dueSoonMinutes: 0, repeatMinutes: 0 } });
    expect(off.log.map((l) => l.kind)).toEqual(['due']);
    expect(off.nextWakeMs).toBeNull();
  });

  it('never alarms for completed or 不适用 clocks, even long overdue', () => {
    const clocks = [clock({ key: 'a', completedAt: iso(T0 + 30 * MIN) }), clock({ key: 'b', notApplicable: true })];
    const r = run(clocks, everyMinute(0, 120));
    expect(r.log).toEqual([]);
    expect(r.nextWakeMs).toBeNull();
  });

  it('stops at completion: a clock completed after its due alarm gets no repeats', () => {
    const before = run([clock()], everyMinute(0, 62));
    const after = run([clock({ completedAt: iso(DUE + 2 * MIN) })], everyMinute(63, 90), { fired: before.fired });
    expect(after.log).toEqual([]);
  });
});

describe('planAlarms: sleep, restart and clock jumps', () => {
  it('a deadline passed while asleep alarms once on wake, then repeats count from the wake', () => {
    const r = run([clock()], [T0, DUE + 20 * MIN, DUE + 20 * MIN + 1000, DUE + 24 * MIN, DUE + 25 * MIN]);
    expect(r.log.map((l) => [l.kind, (l.at - T0) / MIN, l.missed])).toEqual([
      ['due', 80, true],
      ['overdue_repeat', 85, false],
    ]);
  });

  it('waking inside the due-soon window fires due_soon once, then due on time', () => {
    const r = run([clock()], [T0, DUE - 3 * MIN, DUE - 2 * MIN, DUE]);
    expect(r.log.map((l) => [l.kind, (l.at - T0) / MIN])).toEqual([
      ['due_soon', 57],
      ['due', 60],
    ]);
  });

  it('a restart with the persisted list neither repeats nor loses an alarm', () => {
    const first = run([clock()], everyMinute(0, 61));
    // "restart": a fresh planner call with only what was persisted.
    const second = run([clock()], [DUE + 61 * 1000, DUE + 3 * MIN, DUE + 5 * MIN], { fired: first.fired });
    expect(second.log.map((l) => [l.kind, l.seq, (l.at - T0) / MIN])).toEqual([['overdue_repeat', 1, 65]]);
  });

  it('a backward jump of an hour never fires again, nor a less advanced alarm', () => {
    const before = run([clock()], everyMinute(0, 61));
    expect(before.log.map((l) => l.kind)).toEqual(['due_soon', 'due']);
    // Wall clock goes back an hour and runs through the deadline again.
    const after = run([clock()], everyMinute(1, 64), { fired: before.fired });
    expect(after.log).toEqual([]);
    const later = run([clock()], [DUE + 66 * 1000 + 5 * MIN], { fired: before.fired });
    expect(later.log.map((l) => [l.kind, l.seq])).toEqual([['overdue_repeat', 1]]);
  });

  it('a forward jump of an hour behaves like sleep: one alarm, the most advanced one', () => {
    const r = run([clock()], [T0 + 20 * MIN, T0 + 80 * MIN]);
    expect(r.log.map((l) => [l.kind, l.missed])).toEqual([['due', true]]);
  });

  it('sleeping across several repeats gives one reminder, not one per missed interval', () => {
    const before = run([clock()], everyMinute(0, 60));
    const after = run([clock()], [DUE + 47 * MIN], { fired: before.fired });
    expect(after.log.map((l) => [l.kind, l.seq])).toEqual([['overdue_repeat', 1]]);
  });

  it('a moved deadline alarms again; records for the old one no longer count', () => {
    const before = run([clock()], everyMinute(0, 61));
    const moved = clock({ dueAt: iso(DUE + 120 * MIN) });
    const after = run([moved], everyMinute(62, 180), { fired: before.fired });
    expect(after.log.map((l) => [l.kind, (l.at - T0) / MIN])).toEqual([
      ['due_soon', 170],
      ['due', 180],
    ]);
    // Legacy records without dueAt count for whatever the deadline is now.
    const legacy = before.fired.map(({ dueAt: _d, ...f }) => f);
    expect(run([moved], everyMinute(62, 179), { fired: legacy }).log.map((l) => l.kind)).toEqual([]);
  });
});

describe('planAlarms: acknowledgement', () => {
  it('an ack before the deadline does not suppress the due alarm or the repeats', () => {
    const acks = [{ clockKey: clock().key, ackedAt: iso(DUE - 8 * MIN) }];
    const r = run([clock()], everyMinute(0, 70), { acks });
    expect(r.log.map((l) => l.kind)).toEqual(['due_soon', 'due', 'overdue_repeat', 'overdue_repeat']);
  });

  it('an ack after the deadline stops the repeats of that clock only', () => {
    const other = clock({ key: '8:x', incidentId: 8 });
    const before = run([clock(), other], everyMinute(0, 62));
    const acks = [{ clockKey: clock().key, ackedAt: iso(DUE + 2 * MIN) }];
    const after = run([clock(), other], everyMinute(63, 75), { fired: before.fired, acks });
    expect(after.log.map((l) => [l.key, l.seq])).toEqual([
      ['8:x', 1],
      ['8:x', 2],
      ['8:x', 3],
    ]);
  });
});

describe('planAlarms: exactly once (property)', () => {
  it('whatever the sequence of wall-clock readings, no alarm twice and no deadline without its alarm', () => {
    const step = fc.oneof(
      fc.integer({ min: 1_000, max: 90_000 }), // normal ticks
      fc.integer({ min: 5 * MIN, max: 3 * 60 * MIN }), // sleep or forward jump
      fc.integer({ min: -60 * MIN, max: -1_000 }), // backward jump
    );
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 20, max: 200 }),
        (steps, dueMin) => {
          const c = clock({ dueAt: iso(T0 + dueMin * MIN) });
          const due = T0 + dueMin * MIN;
          const times: number[] = [];
          let t = T0;
          for (const s of steps) times.push((t += s));
          const { fired } = run([c], times);
          const ids = fired.map(alarmId);
          expect(new Set(ids).size).toBe(ids.length);
          if (times.some((x) => x >= due)) expect(fired.filter((f) => f.kind === 'due')).toHaveLength(1);
          // Monotone per clock: never a due_soon after the due alarm.
          const dueIdx = fired.findIndex((f) => f.kind === 'due');
          if (dueIdx >= 0) expect(fired.slice(dueIdx).some((f) => f.kind === 'due_soon')).toBe(false);
          const seqs = fired.filter((f) => f.kind === 'overdue_repeat').map((f) => f.seq);
          expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('planAlarms: input checks and messages', () => {
  it('rejects bad settings, times and clocks with the field named', () => {
    const base = { clocks: [clock()], nowMs: T0, fired: [], acks: [], settings };
    expect(() => planAlarms({ ...base, settings: { dueSoonMinutes: 10, repeatMinutes: -5 } })).toThrow(/repeatMinutes/);
    expect(() => planAlarms({ ...base, settings: { dueSoonMinutes: NaN, repeatMinutes: 5 } })).toThrow(
      /dueSoonMinutes/,
    );
    expect(() => planAlarms({ ...base, nowMs: NaN })).toThrow(/nowMs/);
    expect(() => planAlarms({ ...base, clocks: [clock({ dueAt: 'x' })] })).toThrow(/dueAt/);
    expect(() => planAlarms({ ...base, acks: [{ clockKey: 'k', ackedAt: '' }] })).toThrow(/ackedAt/);
  });

  it('words the notification in Chinese with the clause', () => {
    const [soon] = planAlarms({ clocks: [clock()], nowMs: DUE - 10 * MIN, fired: [], acks: [], settings }).toFire;
    expect(alarmMessage(soon!)).toEqual({
      title: '【即将到期】县级生态环境部门报告',
      body: '桑干河油污 · 山阴县生态环境分局 → 县政府、市生态环境局 · 剩10分00秒 · 依据朔政办发〔2021〕43号 5.1.1(2)',
    });
    const [late] = planAlarms({ clocks: [clock()], nowMs: DUE + 20 * MIN, fired: [], acks: [], settings }).toFire;
    expect(alarmMessage(late!).title).toBe('【已到期】县级生态环境部门报告（延迟提醒）');
    expect(alarmMessage(late!).body).toContain('超时20分');
    // The rules engine's citations already begin with 依据; it is not doubled.
    const cited = planAlarms({
      clocks: [clock({ citation: '依据《朔州市突发环境事件应急预案》5.1.1(2)' })],
      nowMs: DUE - 10 * MIN,
      fired: [],
      acks: [],
      settings,
    }).toFire;
    expect(alarmMessage(cited[0]!).body).toMatch(/ · 依据《朔州市突发环境事件应急预案》5\.1\.1\(2\)$/);
    const fired = [toFiredAlarm(late!)];
    const [rep] = planAlarms({ clocks: [clock()], nowMs: DUE + 25 * MIN, fired, acks: [], settings }).toFire;
    expect(alarmMessage(rep!).title).toBe('【超时提醒（第1次）】县级生态环境部门报告');
  });

  it('words a 立即 duty with its latest limit, and the duty room’s own rule without 依据', () => {
    const now = {
      clocks: [clock({ immediate: true, window: '立即（最迟2小时）' })],
      nowMs: DUE - 10 * MIN,
      fired: [],
      acks: [],
      settings,
    };
    expect(alarmMessage(planAlarms(now).toFire[0]!).body).toContain('立即（最迟2小时） · 最迟时限剩10分00秒');
    const room = planAlarms({ ...now, clocks: [clock({ citation: '本值班室规定（非预案条款）' })] }).toFire[0]!;
    expect(alarmMessage(room).body).toMatch(/ · 本值班室规定（非预案条款）$/);
  });
});
