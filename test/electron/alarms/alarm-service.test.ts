import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlarmService, type AlarmServiceDeps } from '../../../electron/alarms/alarm-service';
import type { AlarmAck, AlarmSettings, FiredAlarm } from '../../../shared/clocks/alarm-planner';
import type { TrackedClock } from '../../../shared/clocks/state';

const T0 = Date.parse('2021-09-08T10:00:00+08:00');
const MIN = 60_000;
const DUE = T0 + 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

function clock(over: Partial<TrackedClock> = {}): TrackedClock {
  return {
    key: '7:county',
    incidentId: 7,
    clockId: 'county',
    title: '县级生态环境部门报告',
    startsAt: iso(T0),
    dueAt: iso(DUE),
    ...over,
  };
}

/** An in-memory store shared by service instances, as the database would be across restarts. */
interface Store {
  clocks: TrackedClock[];
  fired: FiredAlarm[];
  acks: AlarmAck[];
  failRecord?: boolean;
}

function makeService(store: Store, settings: AlarmSettings = { dueSoonMinutes: 10, repeatMinutes: 5 }) {
  const events: string[] = [];
  const errors: string[] = [];
  const timers: number[] = [];
  const deps: AlarmServiceDeps<ReturnType<typeof setTimeout>> = {
    now: () => Date.now(),
    setTimer: (fn, ms) => {
      timers.push(ms);
      return setTimeout(fn, ms);
    },
    clearTimer: (h) => clearTimeout(h),
    loadClocks: async () => store.clocks.map((c) => ({ ...c })),
    loadFired: async () => [...store.fired],
    recordFired: async (a) => {
      if (store.failRecord) throw new Error('disk full');
      events.push(`record:${a.map((x) => `${x.kind}#${x.seq}`).join(',')}`);
      store.fired.push(...a);
    },
    loadAcks: async () => [...store.acks],
    recordAcks: async (a) => {
      store.acks.push(...a);
    },
    effects: {
      notify: (a) => void events.push(`notify:${a.clockKey}:${a.kind}#${a.seq}@${(Date.now() - T0) / MIN}`),
      flash: (on) => void events.push(`flash:${on ? 'on' : 'off'}`),
      showBanner: (cs) => void events.push(`banner:${cs.map((c) => c.key).join(',')}`),
      hideBanner: () => void events.push('banner:hide'),
    },
    settings: () => settings,
    onError: (e, ctx) => void errors.push(`${ctx}: ${e instanceof Error ? e.message : String(e)}`),
  };
  const service = new AlarmService(deps);
  const notes = () => events.filter((e) => e.startsWith('notify:'));
  return { service, events, errors, timers, notes };
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
/** Moves the wall clock without running timers: sleep, or a system clock change. */
const jumpTo = (ms: number) => vi.setSystemTime(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('AlarmService: transitions', () => {
  it('fires due_soon, due and repeats on time, with sound, flash and banner', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, events, notes } = makeService(store);
    await service.start();
    expect(events).toEqual([]);
    await advance(50 * MIN);
    expect(events).toEqual(['record:due_soon#0', 'notify:7:county:due_soon#0@50', 'flash:on']);
    await advance(10 * MIN);
    expect(notes()).toEqual(['notify:7:county:due_soon#0@50', 'notify:7:county:due#0@60']);
    expect(events).toContain('banner:7:county');
    await advance(16 * MIN);
    expect(notes().slice(2)).toEqual([
      'notify:7:county:overdue_repeat#1@65',
      'notify:7:county:overdue_repeat#2@70',
      'notify:7:county:overdue_repeat#3@75',
    ]);
    expect(service.status()).toMatchObject({
      soundOn: true,
      flashing: true,
      bannerShown: true,
      overdueKeys: ['7:county'],
    });
    service.stop();
  });

  it('persists every alarm before notifying it', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, events } = makeService(store);
    await service.start();
    await advance(61 * MIN);
    const order = events.filter((e) => e.startsWith('record') || e.startsWith('notify')).map((e) => e.split(':')[0]);
    expect(order).toEqual(['record', 'notify', 'record', 'notify']);
    service.stop();
  });

  it('never sets a timer longer than 60 s, so a lost timer is caught', async () => {
    const store: Store = { clocks: [clock({ dueAt: iso(T0 + 600 * MIN) })], fired: [], acks: [] };
    const { service, timers } = makeService(store);
    await service.start();
    await advance(30 * MIN);
    expect(Math.max(...timers)).toBeLessThanOrEqual(60_000);
    service.stop();
  });

  it('keeps completed and 不适用 clocks silent', async () => {
    const store: Store = {
      clocks: [clock({ key: 'a', completedAt: iso(T0 + MIN) }), clock({ key: 'b', notApplicable: true })],
      fired: [],
      acks: [],
    };
    const { service, events } = makeService(store);
    await service.start();
    await advance(120 * MIN);
    expect(events).toEqual([]);
    service.stop();
  });

  it('completing an alarming clock stops its sound, flash and banner', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, events, notes } = makeService(store);
    await service.start();
    await advance(61 * MIN);
    store.clocks = [clock({ completedAt: iso(Date.now()) })];
    await service.reevaluate('data-changed');
    expect(events.slice(-2)).toEqual(['flash:off', 'banner:hide']);
    expect(service.status().soundOn).toBe(false);
    await advance(30 * MIN);
    expect(notes()).toHaveLength(2);
    service.stop();
  });
});

describe('AlarmService: sleep, restart and clock jumps', () => {
  it('a deadline passed during sleep alarms exactly once on resume; repeats count from then', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, notes } = makeService(store);
    await service.start();
    await advance(20 * MIN);
    jumpTo(DUE + 20 * MIN); // asleep from minute 20 to minute 80: no timer ran
    await service.reevaluate('resume');
    await service.reevaluate('resume'); // a second resume event must not fire again
    expect(notes()).toEqual(['notify:7:county:due#0@80']);
    await advance(4 * MIN);
    expect(notes()).toHaveLength(1);
    await advance(1 * MIN);
    expect(notes()).toEqual(['notify:7:county:due#0@80', 'notify:7:county:overdue_repeat#1@85']);
    service.stop();
  });

  it('without a resume event the capped timer still catches a sleep across the deadline, once', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, notes } = makeService(store);
    await service.start();
    jumpTo(DUE + 20 * MIN);
    await advance(60_000);
    expect(notes()).toEqual(['notify:7:county:due#0@81']);
    expect(service.status().lastReason).toBe('time-change');
    expect(service.status().lastJumpMs).toBeGreaterThan(59 * MIN);
    service.stop();
  });

  it('a forward jump of one hour fires the one due alarm, not due_soon + due', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, notes } = makeService(store);
    await service.start();
    await advance(5 * MIN);
    jumpTo(Date.now() + 60 * MIN);
    await service.reevaluate('time-change');
    await advance(3 * MIN);
    expect(notes()).toEqual(['notify:7:county:due#0@65']);
    service.stop();
  });

  it('a backward jump of one hour never re-fires, even when the deadline comes round again', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, notes } = makeService(store);
    await service.start();
    await advance(61 * MIN);
    expect(notes()).toHaveLength(2);
    jumpTo(Date.now() - 60 * MIN); // wall clock back to minute 1
    await advance(60_000);
    expect(service.status().lastJumpMs).toBeLessThan(-59 * MIN);
    await advance(62 * MIN); // through minute 50 and 60 again, to minute 64
    expect(notes()).toEqual(['notify:7:county:due_soon#0@50', 'notify:7:county:due#0@60']);
    await advance(1 * MIN); // 5 minutes after the last alarm's wall time: the first repeat
    expect(notes().slice(2)).toEqual(['notify:7:county:overdue_repeat#1@65']);
    service.stop();
  });

  it('a restart across the deadline alarms once; another restart does not repeat it', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const first = makeService(store);
    await first.service.start();
    await advance(52 * MIN);
    first.service.stop();
    expect(first.notes()).toEqual(['notify:7:county:due_soon#0@50']);

    jumpTo(DUE + 3 * MIN); // the app was closed over the deadline
    const second = makeService(store);
    await second.service.start();
    expect(second.notes()).toEqual(['notify:7:county:due#0@63']);
    second.service.stop();

    const third = makeService(store);
    await third.service.start();
    expect(third.notes()).toEqual([]);
    // Still alarming (not acknowledged): the sound resumes and the banner shows.
    expect(third.service.status().soundOn).toBe(true);
    expect(third.events).toEqual(expect.arrayContaining(['flash:on', 'banner:7:county']));
    await advance(4 * MIN);
    expect(third.notes()).toEqual([]);
    await advance(1 * MIN);
    expect(third.notes()).toEqual(['notify:7:county:overdue_repeat#1@68']);
    third.service.stop();
    expect(store.fired.map((f) => `${f.kind}#${f.seq}`)).toEqual(['due_soon#0', 'due#0', 'overdue_repeat#1']);
  });

  it('concurrent re-evaluations fire an alarm once', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, notes } = makeService(store);
    await service.start();
    jumpTo(DUE + MIN);
    await Promise.all([
      service.reevaluate('resume'),
      service.reevaluate('time-change'),
      service.reevaluate('data-changed'),
    ]);
    expect(notes()).toHaveLength(1);
    service.stop();
  });
});

describe('AlarmService: acknowledgement', () => {
  it('an ack after the deadline stops the sound and the repeats, not the clock or the banner', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, events, notes } = makeService(store);
    await service.start();
    await advance(61 * MIN);
    const status = await service.acknowledge('7:county');
    expect(events.slice(-1)).toEqual(['flash:off']);
    expect(status).toMatchObject({ soundOn: false, bannerShown: true, overdueKeys: ['7:county'], activeKeys: [] });
    await advance(30 * MIN);
    expect(notes()).toHaveLength(2);
    expect(store.acks).toHaveLength(1);
  });

  it('an ack before the deadline silences due_soon but the due alarm still fires and sounds', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, events, notes } = makeService(store);
    await service.start();
    await advance(51 * MIN);
    await service.acknowledge();
    expect(service.status().soundOn).toBe(false);
    await advance(9 * MIN);
    expect(notes().at(-1)).toBe('notify:7:county:due#0@60');
    expect(service.status().soundOn).toBe(true);
    expect(events.filter((e) => e === 'flash:on')).toHaveLength(2);
    await advance(5 * MIN);
    expect(notes().at(-1)).toBe('notify:7:county:overdue_repeat#1@65');
    service.stop();
  });

  it('acknowledging one clock keeps the sound for another; acknowledge() silences all', async () => {
    const store: Store = { clocks: [clock(), clock({ key: '8:city', incidentId: 8 })], fired: [], acks: [] };
    const { service } = makeService(store);
    await service.start();
    await advance(61 * MIN);
    expect((await service.acknowledge('7:county')).soundOn).toBe(true);
    const all = await service.acknowledge();
    expect(all).toMatchObject({ soundOn: false, activeKeys: [], bannerShown: true });
    expect(all.overdueKeys.sort()).toEqual(['7:county', '8:city']);
    service.stop();
  });

  it('persisted acks survive a restart: no repeats, no sound', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const first = makeService(store);
    await first.service.start();
    await advance(61 * MIN);
    await first.service.acknowledge();
    first.service.stop();
    const second = makeService(store);
    await second.service.start();
    await advance(20 * MIN);
    expect(second.notes()).toEqual([]);
    expect(second.events).not.toContain('sound:on');
    expect(second.events).toContain('banner:7:county');
    second.service.stop();
  });
});

describe('AlarmService: two seats sharing one store (PostgreSQL)', () => {
  it('a seat running before the incident existed sounds for an alarm the other seat recorded first, and is quieted by its acknowledgement', async () => {
    const store: Store = { clocks: [], fired: [], acks: [] };
    const a = makeService(store);
    const b = makeService(store);
    // Both seats have evaluated once with nothing open (their starts).
    await a.service.start();
    await b.service.start();
    // An overdue clock appears (another seat registered it); seat B evaluates first and records the alarm.
    jumpTo(DUE + 5 * MIN);
    store.clocks.push(clock());
    await b.service.reevaluate('data-changed');
    expect(b.service.status().soundOn).toBe(true);
    expect(store.fired.length).toBeGreaterThan(0);
    // Seat A finds it already fired: it does not fire it again, but it sounds all the same.
    await a.service.reevaluate('data-changed');
    expect(a.notes()).toEqual([]);
    expect(a.service.status()).toMatchObject({ soundOn: true, overdueKeys: ['7:county'] });
    // One acknowledgement, at seat B, quiets seat A at its next evaluation.
    await b.service.acknowledge();
    await a.service.reevaluate('data-changed');
    expect(a.service.status().soundOn).toBe(false);
    a.service.stop();
    b.service.stop();
  });
});

describe('AlarmService: records under the keys before obligations named their level (migration 0009)', () => {
  const upgraded = (over: Partial<TrackedClock> = {}) => clock({ key: '7:county@一般#0', ...over });

  it('an alarm fired under the old key counts for the same obligation: no second alarm after the upgrade', async () => {
    vi.setSystemTime(DUE + 20 * MIN);
    const store: Store = {
      clocks: [upgraded()],
      fired: [{ clockKey: '7:county', kind: 'due', seq: 0, dueAt: iso(DUE), firedAt: iso(DUE) }],
      acks: [{ clockKey: '7:county', ackedAt: iso(DUE + MIN) }],
    };
    const { service, notes, events } = makeService(store);
    await service.start();
    await advance(30 * MIN);
    // Fired and acknowledged before the upgrade: no 'due' again, no repeats, no sound.
    expect(notes()).toEqual([]);
    expect(events).not.toContain('sound:on');
    expect(events).toContain('banner:7:county@一般#0');
    service.stop();
  });

  it('an obligation that arose after the old record (a new level at T) still alarms; an old record of another deadline does not count', async () => {
    const T = DUE + 30 * MIN;
    vi.setSystemTime(T + 61 * MIN);
    const store: Store = {
      clocks: [
        upgraded({ key: '7:county@较大#1', startsAt: iso(T), dueAt: iso(T + 60 * MIN) }),
        upgraded({ key: '7:other@一般#0', clockId: 'other', dueAt: iso(DUE + 5 * MIN) }),
      ],
      fired: [
        { clockKey: '7:county', kind: 'due', seq: 0, dueAt: iso(DUE), firedAt: iso(DUE) },
        { clockKey: '7:other', kind: 'due', seq: 0, dueAt: iso(DUE), firedAt: iso(DUE) },
      ],
      acks: [{ clockKey: '7:county', ackedAt: iso(DUE + MIN) }],
    };
    const { service, notes } = makeService(store);
    await service.start();
    const at = (T + 61 * MIN - T0) / MIN;
    expect(notes()).toEqual([`notify:7:other@一般#0:due#0@${at}`, `notify:7:county@较大#1:due#0@${at}`]);
    // The old records stay as they were; the new alarms are stored under the new keys.
    expect(store.fired.map((f) => f.clockKey)).toEqual(['7:county', '7:other', '7:other@一般#0', '7:county@较大#1']);
    service.stop();
  });
});

describe('AlarmService: failures', () => {
  it('notifies even when persisting fails, never twice in-process, and retries the write', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [], failRecord: true };
    const { service, notes, errors } = makeService(store);
    await service.start();
    jumpTo(DUE + MIN);
    await service.reevaluate('resume');
    await service.reevaluate('resume');
    expect(notes()).toHaveLength(1);
    expect(errors[0]).toMatch(/recordFired: disk full/);
    expect(service.status().unpersisted).toBe(1);
    store.failRecord = false;
    await service.reevaluate('data-changed');
    expect(service.status().unpersisted).toBe(0);
    expect(store.fired.map((f) => f.kind)).toEqual(['due']);
    service.stop();
  });

  it('a clock with a broken time is reported and the others still alarm', async () => {
    const store: Store = { clocks: [clock({ key: 'bad', dueAt: 'soon' }), clock()], fired: [], acks: [] };
    const { service, notes, errors } = makeService(store);
    await service.start();
    await advance(60 * MIN);
    expect(notes()).toHaveLength(2);
    expect(errors.some((e) => /clock bad: dueAt/.test(e))).toBe(true);
    service.stop();
  });

  it('after stop nothing fires and every effect is off', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, events, notes } = makeService(store);
    await service.start();
    await advance(61 * MIN);
    service.stop();
    expect(events.slice(-2)).toEqual(['flash:off', 'banner:hide']);
    expect(service.status().soundOn).toBe(false);
    await advance(60 * MIN);
    await service.reevaluate('resume');
    expect(notes()).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports bad settings with the field named and alarms with the defaults meanwhile', async () => {
    const store: Store = { clocks: [clock()], fired: [], acks: [] };
    const { service, errors, notes } = makeService(store, { dueSoonMinutes: 10, repeatMinutes: -1 });
    await service.start();
    expect(errors[0]).toMatch(/settings: repeatMinutes/);
    await advance(65 * MIN);
    expect(notes().map((n) => n.split(':').slice(3).join(':'))).toEqual([
      'due_soon#0@50',
      'due#0@60',
      'overdue_repeat#1@65',
    ]);
    service.stop();
  });
});
