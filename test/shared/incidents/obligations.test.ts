import { describe, expect, it } from 'vitest';
import { computeObligations, levelChangeText } from '../../../shared/incidents/obligations';
import type { LevelChange, Obligation, ObligationsInput, ReportEvent } from '../../../shared/incidents/obligations';
import type { Level } from '../../../shared/rules';

const day = '2021-09-08';
const t = (hhmm: string) => `${day}T${hhmm}:00+08:00`;
const iso = (hhmm: string) => new Date(t(hhmm)).toISOString();
const MIN = 60_000;

const env = (over: Partial<ObligationsInput> = {}): Obligation[] =>
  computeObligations({
    plan: 'environment',
    initialLevel: '一般',
    occurredAt: t('09:00'),
    receivedAt: t('09:30'),
    now: t('23:00'),
    ...over,
  });
const change = (from: Level | null, to: Level | null, at: string, reason = '核实后'): LevelChange => ({
  from,
  to,
  effectiveAt: t(at),
  by: '王值班',
  reason,
});
const report = (
  at: string,
  to: string,
  channel: ReportEvent['channel'] = 'written',
  kind?: ReportEvent['kind'],
): ReportEvent => ({ at: t(at), to, channel, ...(kind ? { kind } : {}) });
const find = (os: Obligation[], clockId: string, level: Level | null) => {
  const hit = os.filter((o) => o.clockId === clockId && o.level === level);
  expect(hit, `${clockId}@${level}`).toHaveLength(1);
  return hit[0]!;
};

describe('worked examples of the issue (43号 5.1.1(6))', () => {
  it('(a) 一般 reported at 11:00, upgraded to 较大 at 12:30: a new 较大 obligation 12:30 → 13:30; the 11:00 report stays under 一般', () => {
    const os = env({ changes: [change('一般', '较大', '12:30')], reports: [report('11:00', '本级人民政府')] });
    const old = find(os, 'env.county-dept-to-gov', '一般');
    expect(old.closure).toMatchObject({ kind: 'met', at: iso('11:00'), lateMs: 0 });
    expect(old.closure?.report?.at).toBe(t('11:00'));
    const neu = find(os, 'env.county-dept-to-gov', '较大');
    expect([neu.startsAt, neu.dueAt]).toEqual([iso('12:30'), iso('13:30')]);
    expect(neu.closure).toBeNull();
    expect(neu.origin).toBe('change');
    expect(neu.key).toBe('env.county-dept-to-gov@较大#1');
    expect(old.key).toBe('env.county-dept-to-gov@一般#0');
  });

  it('(b) no report by 12:30: the 一般 one stays open and overdue; one report at 12:50 completes both, 20 min late and on time', () => {
    const before = env({ changes: [change('一般', '较大', '12:30')] });
    const open = find(before, 'env.county-dept-to-gov', '一般');
    expect(open.closure).toBeNull();
    expect(open.dueAt).toBe(iso('12:30'));
    expect(find(before, 'env.county-dept-to-gov', '较大')).toMatchObject({
      startsAt: iso('12:30'),
      dueAt: iso('13:30'),
      closure: null,
    });

    const after = env({ changes: [change('一般', '较大', '12:30')], reports: [report('12:50', '本级人民政府')] });
    expect(find(after, 'env.county-dept-to-gov', '一般').closure).toMatchObject({
      kind: 'met',
      at: iso('12:50'),
      lateMs: 20 * MIN,
    });
    expect(find(after, 'env.county-dept-to-gov', '较大').closure).toMatchObject({
      kind: 'met',
      at: iso('12:50'),
      lateMs: 0,
    });
    // The other recipient's obligations are untouched by that report.
    expect(find(after, 'env.dept-to-upper-dept', '一般').closure).toBeNull();
  });

  it('(c) 较大 reported to 本级 at 10:20, downgraded to 一般 at 11:00: 上一级 closed as 级别调整 30 min late; 本级 met by 10:20; 上一级 runs 11:00 → 14:00', () => {
    const os = env({
      initialLevel: '较大',
      changes: [change('较大', '一般', '11:00', '复核为一般')],
      reports: [report('10:20', '本级人民政府')],
    });
    const upperOld = find(os, 'env.dept-to-upper-dept', '较大');
    expect(upperOld.dueAt).toBe(iso('10:30'));
    expect(upperOld.closure).toMatchObject({ kind: 'level_change', at: iso('11:00'), lateMs: 30 * MIN });
    expect(upperOld.closure?.reason).toContain('较大调整为一般');
    expect(upperOld.closure?.reason).toContain('复核为一般');
    const govNew = find(os, 'env.county-dept-to-gov', '一般');
    expect(govNew.closure).toMatchObject({ kind: 'met', at: iso('10:20') });
    expect(govNew.startsAt).toBe(iso('11:00'));
    expect(find(os, 'env.dept-to-upper-dept', '一般')).toMatchObject({
      startsAt: iso('11:00'),
      dueAt: iso('14:00'),
      closure: null,
    });
    // The 较大 report stays as it was; the 5.1.1(4) city clock (not due until 11:30) closes on time.
    expect(find(os, 'env.county-dept-to-gov', '较大').closure).toMatchObject({
      kind: 'met',
      at: iso('10:20'),
      lateMs: 0,
    });
    expect(find(os, 'env.city-gov-to-province', '较大').closure).toMatchObject({ kind: 'level_change', lateMs: 0 });
  });
});

describe('upgrade at T (43号 5.1.1(6))', () => {
  it('a report just before T does not meet the new obligation; one at T does', () => {
    const at = (hhmm: string) =>
      env({ changes: [change('一般', '较大', '12:30')], reports: [report(hhmm, '本级人民政府')] });
    expect(find(at('12:29'), 'env.county-dept-to-gov', '较大').closure).toBeNull();
    expect(find(at('12:30'), 'env.county-dept-to-gov', '较大').closure?.kind).toBe('met');
  });

  it('the new level adds the city’s 5.1.1(4) clock from T, not from 接报', () => {
    const c = find(env({ changes: [change('一般', '较大', '12:30')] }), 'env.city-gov-to-province', '较大');
    expect([c.startsAt, c.dueAt, c.owner.kind]).toEqual([iso('12:30'), iso('14:30'), 'room']);
  });

  it('an old obligation the new level no longer names stays open (重大 reports to 省厅 instead of 上一级)', () => {
    const os = env({ initialLevel: '较大', changes: [change('较大', '重大', '10:00')] });
    expect(find(os, 'env.dept-to-upper-dept', '较大').closure).toBeNull();
    expect(find(os, 'env.dept-to-province-dept', '重大')).toMatchObject({
      startsAt: iso('10:00'),
      dueAt: iso('11:00'),
    });
  });

  it('level-independent duties run on unchanged (42号 4.1.1(1) unit report from discovery)', () => {
    const os = computeObligations({
      plan: 'radiation',
      initialLevel: '一般',
      occurredAt: t('08:00'),
      discoveredAt: t('09:00'),
      receivedAt: t('09:40'),
      changes: [change('一般', '重大', '10:30')],
      now: t('23:00'),
    });
    const unit = os.filter((o) => o.clockId === 'rad.unit-written');
    expect(unit).toHaveLength(1);
    expect([unit[0]!.startsAt, unit[0]!.dueAt]).toEqual([iso('09:00'), iso('10:00')]);
  });
});

describe('downgrade at T', () => {
  it('an obligation not yet overdue at T is closed 级别调整 with no lateness; one due exactly at T is 0 late', () => {
    const os = env({ initialLevel: '较大', changes: [change('较大', '一般', '10:30')] });
    expect(find(os, 'env.dept-to-upper-dept', '较大').closure).toMatchObject({ kind: 'level_change', lateMs: 0 });
    const later = env({ initialLevel: '较大', changes: [change('较大', '一般', '10:31')] });
    expect(find(later, 'env.dept-to-upper-dept', '较大').closure).toMatchObject({ kind: 'level_change', lateMs: MIN });
  });

  it('a report to the recipient just before T meets the new-level obligation; one at T meets it from T', () => {
    const at = (hhmm: string) =>
      env({
        initialLevel: '较大',
        changes: [change('较大', '一般', '11:00')],
        reports: [report(hhmm, '上一级生态环境部门')],
      });
    expect(find(at('10:59'), 'env.dept-to-upper-dept', '一般').closure).toMatchObject({
      kind: 'met',
      at: iso('10:59'),
    });
    expect(find(at('10:59'), 'env.dept-to-upper-dept', '较大').closure).toMatchObject({
      kind: 'met',
      lateMs: 29 * MIN,
    });
    const atT = at('11:00');
    expect(find(atT, 'env.dept-to-upper-dept', '较大').closure?.kind).toBe('level_change');
    expect(find(atT, 'env.dept-to-upper-dept', '一般').closure).toMatchObject({ kind: 'met', at: iso('11:00') });
  });

  it('a downgrade never extends a deadline still running to the same recipient: 重大 due 11:00, 较大 from 10:30 is due 11:00, not 11:30', () => {
    const os = env({
      initialLevel: '一般',
      changes: [change('一般', '重大', '10:00'), change('重大', '较大', '10:30', '核实后死亡5人')],
    });
    expect(find(os, 'env.county-dept-to-gov', '重大')).toMatchObject({
      dueAt: iso('11:00'),
      closure: { kind: 'level_change', at: iso('10:30'), lateMs: 0 },
    });
    const gov = find(os, 'env.county-dept-to-gov', '较大');
    expect([gov.startsAt, gov.dueAt, gov.closure]).toEqual([iso('10:30'), iso('11:00'), null]);
    expect(gov.anchorNote).toContain('调整不延后');
    expect(find(os, 'env.city-gov-to-province', '较大').dueAt).toBe(iso('12:00'));
    // A recipient the old level did not have runs its full window from T.
    expect(find(os, 'env.dept-to-upper-dept', '较大')).toMatchObject({ startsAt: iso('10:30'), dueAt: iso('11:30') });
    expect(find(os, 'env.dept-to-upper-dept', '较大').anchorNote).toBeUndefined();
  });

  it('an unknown environmental level with a 5.1.1(3) fact found 一般 is a downgrade of the 重大 procedure', () => {
    const os = env({ initialLevel: null, facts: { heavyMetals: true }, changes: [change(null, '一般', '10:00')] });
    expect(find(os, 'env.dept-to-ministry', null).closure?.kind).toBe('level_change');
    expect(find(os, 'room.pending-level', null).closure).toMatchObject({ kind: 'met', at: iso('10:00'), lateMs: 0 });
  });
});

describe('effectiveAt: never before 接报, never in the future', () => {
  it('accepts 接报 itself and now itself', () => {
    expect(() => env({ changes: [change('一般', '较大', '09:30')] })).not.toThrow();
    expect(() => env({ changes: [change('一般', '较大', '12:00')], now: t('12:00') })).not.toThrow();
  });
  it('refuses a minute before 接报 or after now, in Chinese', () => {
    expect(() => env({ changes: [change('一般', '较大', '09:29')] })).toThrow('不能早于接报时间');
    expect(() => env({ changes: [change('一般', '较大', '12:01')], now: t('12:00') })).toThrow('不能晚于当前时间');
  });
  it('refuses a history out of order or one that does not follow on', () => {
    expect(() => env({ changes: [change('一般', '较大', '11:00'), change('较大', '重大', '10:00')] })).toThrow(
      '先后顺序',
    );
    expect(() => env({ changes: [change('较大', '重大', '11:00')] })).toThrow('不符');
  });
});

describe('duties without a clock before', () => {
  const rad = (over: Partial<ObligationsInput> = {}) =>
    computeObligations({
      plan: 'radiation',
      initialLevel: '重大',
      occurredAt: t('08:00'),
      discoveredAt: t('09:00'),
      receivedAt: t('09:40'),
      now: t('23:00'),
      ...over,
    });

  it('42号 4.1.1(1): a phone call does not discharge the unit’s written report; a fax does', () => {
    const phoned = find(
      rad({ reports: [report('09:20', '事发地县级生态环境部门和公安部门', 'phone')] }),
      'rad.unit-written',
      '重大',
    );
    expect(phoned.closure).toBeNull();
    expect(phoned.phonedAt).toBe(iso('09:20'));
    expect(
      find(rad({ reports: [report('09:20', '事发地县级生态环境部门和公安部门', 'fax')] }), 'rad.unit-written', '重大')
        .closure?.kind,
    ).toBe('met');
  });

  it('42号 4.1.1(3): 重大 in a county owes the county government’s 2 h report before the city’s', () => {
    const os = rad({ places: ['应县'] });
    const county = find(os, 'rad.county-gov-to-city', '重大');
    expect([county.from, county.to, county.dueAt, county.owner.kind]).toEqual([
      '事发地县级政府（应县）',
      '市政府',
      iso('11:40'),
      'monitored',
    ]);
    const city = find(os, 'rad.gov-to-upper-gov', '重大');
    expect(city.owner.kind).toBe('room');
    expect(os.indexOf(county)).toBeLessThan(os.indexOf(city));
    expect(rad({ places: ['朔州经济开发区'] }).some((o) => o.clockId === 'rad.county-gov-to-city')).toBe(false);
    expect(rad({ places: ['应县'], initialLevel: '较大' }).some((o) => o.clockId === 'rad.county-gov-to-city')).toBe(
      false,
    );
  });

  it('42号 4.1.2: the 终结报告 is owed 即时 when handling ends, 立即 with its latest limit labelled', () => {
    expect(rad().some((o) => o.clockId === 'rad.final-report')).toBe(false);
    const os = rad({ handlingEndedAt: t('18:00') });
    const fin = find(os, 'rad.final-report', '重大');
    expect([fin.startsAt, fin.window, fin.immediate, fin.reportKind]).toEqual([
      iso('18:00'),
      '即时（最迟2小时）',
      true,
      '终结报告',
    ]);
    const met = rad({ handlingEndedAt: t('18:00'), reports: [report('18:40', '省政府', 'written', '终结报告')] });
    expect(find(met, 'rad.final-report', '重大').closure).toMatchObject({ kind: 'met', at: iso('18:40') });
  });

  it('续报 cadence: the leader’s interval runs from the setting and from each 续报, and stops when handling ends', () => {
    const os = env({
      followUp: { intervalMinutes: 60, setAt: t('10:00') },
      reports: [report('10:50', '本级人民政府', 'written', '续报'), report('12:10', '本级人民政府', 'written', '续报')],
    });
    const cycles = os.filter((o) => o.clockId === 'room.follow-up');
    expect(cycles.map((c) => [c.startsAt, c.dueAt, c.closure?.kind ?? null, c.closure?.lateMs ?? null])).toEqual([
      [iso('10:00'), iso('11:00'), 'met', 0],
      [iso('10:50'), iso('11:50'), 'met', 20 * MIN],
      [iso('12:10'), iso('13:10'), null, null],
    ]);
    const ended = env({ followUp: { intervalMinutes: 60, setAt: t('10:00') }, handlingEndedAt: t('10:30') });
    expect(ended.filter((o) => o.clockId === 'room.follow-up').map((c) => c.closure?.kind)).toEqual(['not_applicable']);
    // Handling recorded as ended before the setting: the setting's first cycle is listed, closed at once, never left open.
    const late = env({ followUp: { intervalMinutes: 60, setAt: t('11:00') }, handlingEndedAt: t('10:30') });
    expect(
      late.filter((o) => o.clockId === 'room.follow-up').map((c) => [c.startsAt, c.closure?.kind, c.closure?.at]),
    ).toEqual([[iso('11:00'), 'not_applicable', iso('11:00')]]);
    expect(() => env({ followUp: { intervalMinutes: 0, setAt: t('10:00') } })).toThrow('续报提醒间隔');
  });

  it('unknown level: a 待初步判定 reminder after the duty-room setting (default 30 min), labelled as the room’s rule', () => {
    const os = env({ initialLevel: null });
    const r = find(os, 'room.pending-level', null);
    expect([r.startsAt, r.dueAt, r.source]).toEqual([iso('09:30'), iso('10:00'), 'room']);
    expect(r.citation).toContain('本值班室规定');
    expect(r.citation).not.toContain('依据《');
    expect(find(env({ initialLevel: null, pendingLevelMinutes: 15 }), 'room.pending-level', null).dueAt).toBe(
      iso('09:45'),
    );
    expect(env().some((o) => o.clockId === 'room.pending-level')).toBe(false);
    const late = env({ initialLevel: null, changes: [change(null, '一般', '10:05')] });
    expect(find(late, 'room.pending-level', null).closure).toMatchObject({ kind: 'met', lateMs: 5 * MIN });
  });

  it('an incident ended ungraded: the 待初步判定 reminder closes with the end as 不适用, and none is raised after it', () => {
    const ended = env({ initialLevel: null, responseEndedAt: t('10:20') });
    expect(find(ended, 'room.pending-level', null).closure).toMatchObject({
      kind: 'not_applicable',
      at: iso('10:20'),
      reason: '事件已终止，未初步判定级别',
    });
    // Graded before its end: met by the grading, as before.
    const graded = env({ initialLevel: null, responseEndedAt: t('10:20'), changes: [change(null, '一般', '10:05')] });
    expect(find(graded, 'room.pending-level', null).closure).toMatchObject({ kind: 'met', at: iso('10:05') });
    // Handling completed (事故处理完毕) ends it too, whichever end came first.
    const handled = env({ initialLevel: null, handlingEndedAt: t('09:50'), responseEndedAt: t('10:20') });
    expect(find(handled, 'room.pending-level', null).closure).toMatchObject({
      kind: 'not_applicable',
      at: iso('09:50'),
    });
    // A level cleared after the end raises no new reminder.
    const cleared = env({
      initialLevel: '一般',
      responseEndedAt: t('10:20'),
      changes: [change('一般', null, '10:30')],
    });
    expect(cleared.some((o) => o.clockId === 'room.pending-level')).toBe(false);
    // Without an end the reminder stays open, as before.
    expect(find(env({ initialLevel: null }), 'room.pending-level', null).closure).toBeNull();
  });

  it('unknown occurrence time: clocks counting from occurrence count from discovery and say so (40号 4.1)', () => {
    const os = computeObligations({
      plan: 'comms',
      initialLevel: null,
      occurredAt: t('08:00'),
      occurredUnknown: true,
      discoveredAt: t('09:00'),
      receivedAt: t('09:10'),
      now: t('23:00'),
    });
    const phone = find(os, 'comms.phone', null);
    expect([phone.startsAt, phone.dueAt, phone.anchorNote]).toEqual([
      iso('09:00'),
      iso('09:40'),
      '发生时间不详，以发现时间计',
    ]);
  });

  it('overridden level: the clocks follow the level in force, not the graded one', () => {
    // Facts grade 较大 (5 deaths); the officer holds it at 一般: the 一般 windows apply.
    const os = env({ facts: { deaths: 5 } });
    expect(find(os, 'env.county-dept-to-gov', '一般').minutes).toBe(180);
  });
});

describe('completion', () => {
  it('a report completes every open obligation to its recipient, and only those', () => {
    const os = env({ initialLevel: '较大', reports: [report('10:00', '省人民政府', 'phone')] });
    expect(find(os, 'env.city-gov-to-province', '较大').closure?.kind).toBe('met');
    expect(find(os, 'env.county-dept-to-gov', '较大').closure).toBeNull();
    // Phoned first: the written text is owed within 30 minutes of the call (5.1.1(4)).
    const w = find(os, 'env.city-gov-written', '较大');
    expect([w.startsAt, w.dueAt, w.closure]).toEqual([iso('10:00'), iso('10:30'), null]);
  });

  it('不适用 by key closes that one obligation; a later report does not reopen it', () => {
    const os = env({
      notApplicable: [{ key: 'env.dept-to-upper-dept@一般#0', at: t('10:00'), reason: '上级已知悉' }],
      reports: [report('10:30', '上一级生态环境部门')],
    });
    expect(find(os, 'env.dept-to-upper-dept', '一般').closure).toMatchObject({
      kind: 'not_applicable',
      reason: '上级已知悉',
    });
  });

  it('a report that arrives before an obligation starts does not meet it', () => {
    const os = env({ changes: [change('一般', '较大', '12:30')], reports: [report('12:00', '本级人民政府')] });
    expect(find(os, 'env.county-dept-to-gov', '较大').closure).toBeNull();
  });
});

describe('level history text for the timeline and the next 续报', () => {
  it('says from, to, when (Beijing time), who and why', () => {
    expect(levelChangeText(change('一般', '较大', '12:30', '死亡人数增至5人'))).toBe(
      '事件级别 一般 → 较大（自 2021-09-08 12:30 起，王值班：死亡人数增至5人）',
    );
  });
});
