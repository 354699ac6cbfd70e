// A year's holiday notice entered by hand (issue 16): stored, checked at the IPC boundary in
// Chinese, preferred to the packaged data, re-marking the stored schedule, exported with the data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { makeServices } from '../../../helpers/services';
import { dutySeats, fromSeat } from '../../../helpers/seat-calls';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from '../duty/call';

const LEADERS = ['李堃', '王镕', '张喆'];
const OFFICERS = ['赵珺', '钱赟', '孙敏', '周强'];

/** A notice for 2027 in the State Council's usual shape (dates as such a notice would give them). */
const NOTICE_2027: ChannelInput<'holidays:save'> = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  docNo: '国办发明电〔2026〕7号',
  periods: [
    { festival: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] },
    { festival: '春节', from: '2027-02-05', to: '2027-02-12', workdays: ['2027-02-20'] },
    { festival: '清明节', from: '2027-04-03', to: '2027-04-05', workdays: [] },
    { festival: '劳动节', from: '2027-05-01', to: '2027-05-05', workdays: ['2027-04-25', '2027-05-08'] },
    { festival: '端午节', from: '2027-06-09', to: '2027-06-09', workdays: [] },
    { festival: '中秋节', from: '2027-09-15', to: '2027-09-15', workdays: [] },
    { festival: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: ['2027-09-26', '2027-10-09'] },
  ],
};

const withPeriod = (
  i: number,
  patch: Partial<(typeof NOTICE_2027.periods)[number]>,
): ChannelInput<'holidays:save'> => ({
  ...NOTICE_2027,
  periods: NOTICE_2027.periods.map((p, j) => (j === i ? { ...p, ...patch } : p)),
});

describe('holiday notices entered by the administrator', () => {
  const tempDir = useTempDirs();

  it('take precedence over the statutory days for their year, re-mark the stored schedule and survive a restart', async () => {
    const dir = tempDir();
    const t = clock('2026-11-30T10:00:00+08:00');
    let s = await makeServices(dir, { now: t.now });
    let call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    await call('schedule:generate', { month: '2027-02', leaders: LEADERS, officers: OFFICERS });
    const before = await call('schedule:get', { month: '2027-02' });
    const day = (m: typeof before, date: string) => m.shifts.find((x) => x.date === date);
    // Without the notice: the statutory 春节 (除夕 to 初三), no 调休, and the schedule says so.
    expect(before.holidayDataKnown).toBe(false);
    expect(before.holidayNotice).toContain('2027年节假日安排尚未收录');
    expect(before.holidaySource).toContain('放假办法');
    expect(before.shifts.filter((x) => x.dayKind === '法定节假日').map((x) => x.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect(day(before, '2027-02-09')?.dayKind).toBe('工作日');
    expect(day(before, '2027-02-20')?.dayKind).toBe('周末');

    const saved = await call('holidays:save', NOTICE_2027);
    expect(saved).toMatchObject({ year: 2027, enteredBy: '李堃', packaged: false });
    // 9–12 February become days off, 20 February a 调休 workday.
    expect(saved.shiftsUpdated).toBe(5);
    const after = await call('schedule:get', { month: '2027-02' });
    expect(after.holidayDataKnown).toBe(true);
    expect(after.holidayNotice).toBeNull();
    expect(after.holidaySource).toBe(
      '2027年节假日依据：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕7号），由李堃录入',
    );
    expect(after.shifts.filter((x) => x.dayKind === '法定节假日').map((x) => x.date)).toEqual(
      Array.from({ length: 8 }, (_, i) => `2027-02-${String(5 + i).padStart(2, '0')}`),
    );
    expect(day(after, '2027-02-20')).toMatchObject({ dayKind: '调休上班', holidayName: '春节' });
    // Who serves is left as planned: only the marks change.
    expect(after.shifts.map((x) => [x.leader, x.officer])).toEqual(before.shifts.map((x) => [x.leader, x.officer]));

    // A month planned afterwards follows the notice at once.
    const may = await call('schedule:generate', { month: '2027-05', leaders: LEADERS, officers: OFFICERS });
    expect(may.shifts.filter((x) => x.dayKind === '法定节假日').map((x) => x.date)).toEqual([
      '2027-05-01',
      '2027-05-02',
      '2027-05-03',
      '2027-05-04',
      '2027-05-05',
    ]);
    expect(day(may, '2027-05-08')).toMatchObject({ dayKind: '调休上班', holidayName: '劳动节' });
    await s.close();

    s = await makeServices(dir, { now: t.now });
    call = caller(s.handlers);
    const [stored] = await call('holidays:list', {});
    expect(stored).toMatchObject({ ...NOTICE_2027, enteredBy: '李堃', enteredAt: '2026-11-30T02:00:00.000Z' });
    expect(day(await call('schedule:get', { month: '2027-02' }), '2027-02-20')?.dayKind).toBe('调休上班');

    // Exported with the data.
    const file = await call('data:export-all', {});
    expect(file.path).toBeTruthy();
    // the full export file's documented shape
    const doc = JSON.parse(readFileSync(file.path, 'utf8')) as {
      tables: Record<string, { columns: string[]; rows: unknown[][] }>;
    };
    const notices = doc.tables.holiday_notices!;
    expect(notices.rows).toHaveLength(1);
    expect(notices.rows[0]![notices.columns.indexOf('title')]).toBe(NOTICE_2027.title);
    expect(doc.tables.holiday_notice_changes!.rows).toHaveLength(1);

    // Removed with a reason: the year falls back to the statutory days, and the schedule with it.
    await expect(call('holidays:delete', { year: 2027, reason: '' })).rejects.toThrow('请填写删除原因');
    const removed = await call('holidays:delete', { year: 2027, reason: '录入有误，待通知正式发布后重录' });
    expect(removed.shiftsUpdated).toBeGreaterThan(0);
    const back = await call('schedule:get', { month: '2027-02' });
    expect(day(back, '2027-02-20')?.dayKind).toBe('周末');
    expect(back.holidayNotice).toContain('尚未收录');
    await expect(call('holidays:delete', { year: 2027, reason: '再删一次' })).rejects.toThrow(
      '2027年没有录入的节假日安排',
    );
    await s.close();
  });

  it('correct a year the package carries', async () => {
    const s = await makeServices(tempDir(), { now: clock('2026-03-01T10:00:00+08:00').now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const packaged = await call('schedule:generate', { month: '2026-04', leaders: LEADERS, officers: OFFICERS });
    expect(packaged.holidaySource).toContain('随软件提供');
    expect(packaged.shifts.find((x) => x.date === '2026-04-05')?.dayKind).toBe('法定节假日');
    // A correction that moves 清明's days off (the statutory day, 5 April 2026, stays inside them).
    await call('holidays:save', {
      year: 2026,
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      docNo: '',
      periods: [
        { festival: '元旦', from: '2026-01-01', to: '2026-01-01', workdays: [] },
        { festival: '春节', from: '2026-02-16', to: '2026-02-19', workdays: [] },
        { festival: '清明节', from: '2026-04-05', to: '2026-04-07', workdays: ['2026-04-11'] },
        { festival: '劳动节', from: '2026-05-01', to: '2026-05-02', workdays: [] },
        { festival: '端午节', from: '2026-06-19', to: '2026-06-19', workdays: [] },
        { festival: '中秋节', from: '2026-09-25', to: '2026-09-25', workdays: [] },
        { festival: '国庆节', from: '2026-10-01', to: '2026-10-03', workdays: [] },
      ],
    });
    const april = await call('schedule:get', { month: '2026-04' });
    expect(april.holidaySource).toContain('国务院办公厅关于2026年部分节假日安排的通知，由李堃录入');
    expect(april.shifts.find((x) => x.date === '2026-04-07')).toMatchObject({
      dayKind: '法定节假日',
      holidayName: '清明节',
    });
    expect(april.shifts.find((x) => x.date === '2026-04-11')).toMatchObject({
      dayKind: '调休上班',
      holidayName: '清明节',
    });
    expect(april.shifts.find((x) => x.date === '2026-04-04')?.dayKind).toBe('周末');
    await s.close();
  });

  it('refuses a notice that cannot be right, in Chinese, and changes nothing', async () => {
    const s = await makeServices(tempDir(), { now: clock('2026-11-30T10:00:00+08:00').now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const cases: [ChannelInput<'holidays:save'>, RegExp][] = [
      [withPeriod(1, { workdays: ['2027-01-04'] }), /春节：调休上班日1月4日是星期一，调休上班日应为星期六或星期日/],
      [withPeriod(1, { from: '2027-02-06' }), /春节：2月5日是《全国年节及纪念日放假办法》第二条规定的假日/],
      [withPeriod(0, { from: '2026-12-31' }), /元旦：放假日期2026-12-31不在2027年内/],
      [withPeriod(1, { to: '2027-02-30' }), /春节：放假结束日期无效（2027-02-30）/],
      [withPeriod(6, { to: '2027-09-30' }), /国庆节：放假结束日期9月30日早于起始日期10月1日/],
      [withPeriod(5, { festival: '国庆节' }), /国庆节重复录入/],
      [withPeriod(2, { workdays: ['2027-04-03'] }), /4月3日既是清明节放假日又是调休上班日/],
      [withPeriod(5, { from: '2027-06-09', to: '2027-06-09' }), /中秋节的放假日期与端午节重叠（6月9日）/],
      [withPeriod(6, { to: '2027-10-20' }), /国庆节：放假20天，超过12天，请核对日期/],
      [{ ...NOTICE_2027, title: '' }, /请填写通知标题/],
      [{ ...NOTICE_2027, year: 1999 }, /年份应在2000至2100年之间/],
      [withPeriod(1, { from: '2027年2月5日' }), /放假起始日期格式应为 YYYY-MM-DD/],
    ];
    for (const [input, message] of cases)
      await expect(call('holidays:save', input), String(message)).rejects.toThrow(message);
    expect(await call('holidays:list', {})).toEqual([]);
    await s.close();
  });
});

describe('who entered a holiday notice (issue 18, migration 0020)', () => {
  const tempDir = useTempDirs();

  it("each change carries the account of the 带班领导 or administrator who made it; a 值班员's seat is refused", async () => {
    const s = await makeServices(tempDir(), { now: clock('2026-11-30T10:00:00+08:00').now });
    const { seat, other, ids } = await dutySeats(s);
    await seat('holidays:save', NOTICE_2027);
    await expect(other('holidays:save', NOTICE_2027)).rejects.toThrow(/需要带班领导或管理员权限/);
    await fromSeat(s.handlers, 'seat-admin')('holidays:save', { ...NOTICE_2027, docNo: '国办发明电〔2026〕8号' });
    expect(
      await s.db.read((q) => q.all('SELECT kind, officer, officer_id FROM holiday_notice_changes ORDER BY id')),
    ).toEqual([
      { kind: '录入', officer: '李堃', officer_id: ids.李堃 },
      { kind: '修改', officer: '系统管理员', officer_id: ids.系统管理员 },
    ]);
    await s.close();
  });
});
