import { describe, expect, it } from 'vitest';
import type { ClockRecord, Incident } from '../../../shared/domain/incident';
import { deriveIncident } from '../../../shared/incidents/derive';
import { toTracked } from '../../../shared/incidents/tracked';

const t = (hhmm: string) => `2021-09-08T${hhmm}:00+08:00`;
const iso = (hhmm: string) => new Date(t(hhmm)).toISOString();

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 7,
  serial: '2021-0007',
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
  facts: { environmentAffected: true },
  levelOverride: null,
  responseOverride: null,
  status: '接报',
  drill: false,
  createdAt: t('09:30'),
  createdBy: '王值班',
  updatedAt: t('09:30'),
  ...over,
});
const done = (clockId: string, at: string, channel: ClockRecord['channel'] = '书面'): ClockRecord => ({
  clockId,
  completedAt: t(at),
  channel,
  recipientUnit: '山阴县人民政府',
  recipientName: '赵',
  notApplicableReason: null,
  officer: '王值班',
  recordedAt: t(at),
});

describe('deriveIncident over obligations', () => {
  it('without a history, gives the clocks of the level in force, keyed by obligation and level, with the record', () => {
    const rec = done('env.county-dept-to-gov', '11:00');
    const d = deriveIncident(incident(), [rec]);
    const gov = d.clocks.find((c) => c.clockId === 'env.county-dept-to-gov')!;
    expect([gov.key, gov.to, gov.minutes, gov.startsAt, gov.dueAt, gov.levelLabel]).toEqual([
      '7:env.county-dept-to-gov@一般#0',
      '本级人民政府',
      180,
      iso('09:30'),
      iso('12:30'),
      '一般',
    ]);
    expect(gov.record).toBe(rec);
    expect(gov.owner?.kind).toBe('monitored');
    expect(d.orphanClockRecords).toEqual([]);
  });

  it('example (a) from stored history: the 一般 report stays under 一般, the 较大 obligation counts from 12:30', () => {
    const rec = done('env.county-dept-to-gov', '11:00');
    const d = deriveIncident(incident({ levelOverride: '较大' }), [rec], {
      levelHistory: [{ from: '一般', to: '较大', effectiveAt: t('12:30'), by: '张带班', reason: '死亡3人' }],
    });
    const gov = d.clocks.filter((c) => c.clockId === 'env.county-dept-to-gov');
    expect(gov.map((c) => [c.levelLabel, c.startsAt, c.dueAt, c.record?.completedAt ?? null])).toEqual([
      ['一般', iso('09:30'), iso('12:30'), t('11:00')],
      ['较大', iso('12:30'), iso('13:30'), null],
    ]);
    // The open 较大 clock alarms; the met 一般 one does not.
    expect(gov.map((c) => toTracked(c).completedAt ?? null)).toEqual([t('11:00'), null]);
  });

  it('a downgrade shows 级别调整 as a closed record that never alarms', () => {
    const d = deriveIncident(incident({ levelOverride: '一般', facts: { deaths: 3 } }), [], {
      levelHistory: [{ from: '较大', to: '一般', effectiveAt: t('11:00'), by: '张带班', reason: '复核' }],
    });
    const old = d.clocks.find((c) => c.obligationKey === 'env.dept-to-upper-dept@较大#0')!;
    expect(old.closure).toMatchObject({ kind: 'level_change', lateMs: 30 * 60_000 });
    expect(old.record?.notApplicableReason).toContain('级别调整');
    expect(old.record?.officer).toBe('张带班');
    expect(toTracked(old).notApplicable).toBe(true);
  });

  it('a level in force that the history does not end on counts from the last edit, never from 接报', () => {
    const d = deriveIncident(incident({ levelOverride: '重大', updatedAt: t('12:00') }), [], {
      levelHistory: [{ from: '一般', to: '较大', effectiveAt: t('11:00'), by: '张带班', reason: '' }],
    });
    const neu = d.clocks.find((c) => c.obligationKey === 'env.county-dept-to-gov@重大#2')!;
    expect(neu.startsAt).toBe(iso('12:00'));
  });

  it('keeps a record whose clock never existed as an orphan, and one recorded by obligation key as its own', () => {
    const stray = done('env.no-such-clock', '10:00');
    const byKey = done('env.dept-to-upper-dept@一般#0', '10:10');
    const d = deriveIncident(incident(), [stray, byKey]);
    expect(d.orphanClockRecords).toEqual([stray]);
    expect(d.clocks.find((c) => c.clockId === 'env.dept-to-upper-dept')!.record).toBe(byKey);
  });

  it('an overridden level brings its notices, as the clocks (5.1.1(5)① at 重大)', () => {
    const d = deriveIncident(incident({ levelOverride: '重大' }), []);
    expect(d.grading.notices.map((n) => n.clause)).toContain('5.1.1(5)①');
    expect(deriveIncident(incident(), []).grading.notices).toEqual([]);
  });

  it('an immediate duty reaches the countdown with its label', () => {
    const d = deriveIncident(incident({ levelOverride: '重大' }), []);
    const city = d.clocks.find((c) => c.clockId === 'env.city-gov-to-province')!;
    expect(toTracked(city)).toMatchObject({ immediate: true, window: '立即（最迟2小时）' });
  });
});

describe('stored obligations the rules no longer give', () => {
  const stored = {
    key: 'rad.county-gov-to-city@重大#0',
    clockId: 'rad.county-gov-to-city',
    level: '重大' as const,
    title: '应县人民政府逐级报告市政府',
    to: '市政府',
    ownerKind: 'monitored' as const,
    ownerUnit: '县级政府',
    window: '2小时内',
    minutes: 120,
    startsAt: iso('09:30'),
    dueAt: iso('11:30'),
    clause: '4.1.1(3)',
    closure: null,
  };
  const rad = incident({ category: 'radiation', places: [], levelOverride: '重大', facts: {} });

  it('are still shown and still open, never dropped', () => {
    const d = deriveIncident(rad, [], { stored: [stored] });
    const c = d.clocks.find((x) => x.obligationKey === stored.key)!;
    expect([c.to, c.dueAt, c.closure, c.record, c.citation]).toEqual([
      '市政府',
      iso('11:30'),
      null,
      null,
      '依据《朔州市辐射事故应急预案》4.1.1(3)',
    ]);
  });

  it('close by a record made against their key', () => {
    const rec = done(stored.key, '11:40');
    const d = deriveIncident(rad, [rec], { stored: [stored] });
    const c = d.clocks.find((x) => x.obligationKey === stored.key)!;
    expect(c.closure).toMatchObject({ kind: 'met', lateMs: 10 * 60_000 });
    expect(c.record).toBe(rec);
    expect(d.orphanClockRecords).toEqual([]);
  });

  it('one the rules still give is not doubled', () => {
    const d = deriveIncident(incident(), [], {
      stored: [{ ...stored, key: 'env.county-dept-to-gov@一般#0', clockId: 'env.county-dept-to-gov' }],
    });
    expect(d.clocks.filter((c) => c.obligationKey === 'env.county-dept-to-gov@一般#0')).toHaveLength(1);
  });
});
