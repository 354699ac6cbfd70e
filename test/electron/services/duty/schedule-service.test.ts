import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from './call';

const LEADERS = ['李堃', '王镕', '张喆'];
const OFFICERS = ['赵珺', '钱赟', '孙敏', '周强'];

describe('duty schedule in the database', () => {
  const tempDir = useTempDirs();

  it('generates 国庆 2025 and 春节 2026 with 调休 stored, and reads them back after a restart', async () => {
    const dir = tempDir();
    const t = clock('2025-09-20T10:00:00+08:00');
    let s = await makeServices(dir, { now: t.now });
    let call = caller(s.handlers);
    await expect(call('schedule:generate', { month: '2025-10', leaders: LEADERS, officers: OFFICERS })).rejects.toThrow(
      /值班人员/,
    );
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    await call('schedule:generate', { month: '2025-09', leaders: LEADERS, officers: OFFICERS });
    const oct = await call('schedule:generate', { month: '2025-10', leaders: LEADERS, officers: OFFICERS });
    await call('schedule:generate', { month: '2026-02', leaders: LEADERS, officers: OFFICERS });
    expect(oct.shifts).toHaveLength(31);
    await s.close();

    s = await makeServices(dir, { now: t.now });
    call = caller(s.handlers);
    const sep = await call('schedule:get', { month: '2025-09' });
    const october = await call('schedule:get', { month: '2025-10' });
    const feb = await call('schedule:get', { month: '2026-02' });
    const kind = (m: typeof october, date: string) => m.shifts.find((x) => x.date === date);
    expect(kind(sep, '2025-09-28')).toMatchObject({ dayKind: '调休上班', holidayName: '国庆节' });
    for (const d of ['01', '02', '03', '04', '05', '07', '08'])
      expect(kind(october, `2025-10-${d}`)).toMatchObject({ dayKind: '法定节假日', holidayName: '国庆节' });
    expect(kind(october, '2025-10-06')).toMatchObject({ dayKind: '法定节假日', holidayName: '中秋' });
    expect(kind(october, '2025-10-11')).toMatchObject({ dayKind: '调休上班', holidayName: '国庆节' });
    expect(kind(october, '2025-10-12')?.dayKind).toBe('周末');
    expect(feb.shifts.filter((x) => x.dayKind === '法定节假日').map((x) => x.date)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2026-02-${String(15 + i).padStart(2, '0')}`),
    );
    expect(feb.shifts.filter((x) => x.dayKind === '调休上班').map((x) => x.date)).toEqual(['2026-02-14', '2026-02-28']);
    expect(kind(october, '2025-10-01')).toMatchObject({
      start: '2025-10-01T08:30:00+08:00',
      end: '2025-10-02T08:30:00+08:00',
    });
    expect(october.plan).toMatchObject({
      leaders: LEADERS,
      officers: OFFICERS,
      config: { startTime: '08:30', hours: 24 },
      generatedBy: '赵珺',
    });
    expect(october.holidayDataKnown).toBe(true);
    expect(october.changes[0]!.text).toContain('法定节假日8个、调休上班1个');
    // Holiday shifts are shared out: nobody takes more than their share plus the rest-rule margin.
    const holidayCounts = OFFICERS.map(
      (o) => october.shifts.filter((x) => x.dayKind === '法定节假日' && x.officer === o).length,
    );
    expect(Math.max(...holidayCounts) - Math.min(...holidayCounts)).toBeLessThanOrEqual(2);
    // The rest rule holds across the month boundary (last of September → first of October).
    expect(october.shifts[0]!.officer).not.toBe(sep.shifts.at(-1)!.officer);
    await s.close();
  });

  it('plans the current month from today unless asked for the whole month; other months from the 1st', async () => {
    const t = clock('2025-09-20T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const sep = await call('schedule:generate', { month: '2025-09', leaders: LEADERS, officers: OFFICERS });
    expect(sep.shifts.map((x) => x.date)[0]).toBe('2025-09-20');
    expect(sep.shifts).toHaveLength(11);
    const whole = await call('schedule:generate', {
      month: '2025-09',
      leaders: LEADERS,
      officers: OFFICERS,
      replace: true,
      reason: '补排整月',
      fromMonthStart: true,
    });
    // Replacing keeps the shifts already started; the days before today are planned when asked.
    expect(whole.shifts.map((x) => x.date)[0]).toBe('2025-09-01');
    expect(whole.shifts.find((x) => x.date === '2025-09-20')).toEqual(sep.shifts[0]);
    // Before 08:30 the duty day is still yesterday's.
    t.set('2025-10-01T08:00:00+08:00');
    expect(
      (await call('schedule:generate', { month: '2025-10', leaders: LEADERS, officers: OFFICERS })).shifts,
    ).toHaveLength(31);
    await s.close();
  });

  it('records 替班 and 换班 (also across months) with their reasons, and knows who is on duty now', async () => {
    const t = clock('2025-09-30T20:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    await call('schedule:generate', { month: '2025-09', leaders: LEADERS, officers: OFFICERS });
    const oct = await call('schedule:generate', { month: '2025-10', leaders: LEADERS, officers: OFFICERS });
    await expect(call('schedule:generate', { month: '2025-10', leaders: LEADERS, officers: OFFICERS })).rejects.toThrow(
      /已生成/,
    );
    await expect(
      call('schedule:swap', { date: '2025-10-01', field: 'officer', newPerson: '吴刚', reason: '' }),
    ).rejects.toThrow(/调整原因/);

    const before = oct.shifts.find((x) => x.date === '2025-10-01')!;
    const swapped = await call('schedule:swap', {
      date: '2025-10-01',
      field: 'officer',
      newPerson: '吴刚',
      reason: '赵珺家中有事',
    });
    const after = swapped.shifts.find((x) => x.date === '2025-10-01')!;
    expect(after.officer).toBe('吴刚');
    expect(after.overrides).toEqual([
      { kind: '替班', field: 'officer', from: before.officer, to: '吴刚', reason: '赵珺家中有事' },
    ]);
    expect(swapped.changes.at(-1)).toMatchObject({ kind: '替班', reason: '赵珺家中有事', officer: '赵珺' });

    const sepLast = (await call('schedule:get', { month: '2025-09' })).shifts.find((x) => x.date === '2025-09-30')!;
    const oct5 = swapped.shifts.find((x) => x.date >= '2025-10-03' && x.leader !== sepLast.leader)!;
    const ex = await call('schedule:exchange', {
      date: oct5.date,
      withDate: '2025-09-30',
      field: 'leader',
      reason: '出差调整',
    });
    expect(ex.shifts.find((x) => x.date === oct5.date)!.leader).toBe(sepLast.leader);
    const sep = await call('schedule:get', { month: '2025-09' });
    expect(sep.shifts.find((x) => x.date === '2025-09-30')!.leader).toBe(oct5.leader);
    expect(sep.shifts.find((x) => x.date === '2025-09-30')!.overrides[0]).toMatchObject({
      kind: '换班',
      withDate: oct5.date,
      reason: '出差调整',
    });
    expect(sep.changes.at(-1)).toMatchObject({ kind: '换班', reason: '出差调整' });

    // 20:00 on 30 September is in the shift that started at 08:30 that day; the next starts 1 October.
    const now = await call('schedule:now', {});
    expect(now.now).toMatchObject({ date: '2025-09-30', leader: oct5.leader });
    expect(now.next).toMatchObject({ date: '2025-10-01', officer: '吴刚' });
    t.set('2025-10-01T08:29:00+08:00');
    expect((await call('schedule:now', {})).now?.date).toBe('2025-09-30');
    t.set('2025-10-01T08:30:00+08:00');
    expect((await call('schedule:now', {})).now?.date).toBe('2025-10-01');
    await s.close();
  });

  it('regenerates a month only with a reason and keeps the shifts already served', async () => {
    const t = clock('2025-10-10T12:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    // The whole month, as asked for (by default the current month starts today).
    const first = await call('schedule:generate', {
      month: '2025-10',
      leaders: LEADERS,
      officers: OFFICERS,
      fromMonthStart: true,
    });
    await expect(
      call('schedule:generate', { month: '2025-10', leaders: ['甲', '乙'], officers: ['丙', '丁'], replace: true }),
    ).rejects.toThrow(/注明原因/);
    const again = await call('schedule:generate', {
      month: '2025-10',
      leaders: ['甲', '乙'],
      officers: ['丙', '丁'],
      replace: true,
      reason: '人员调整',
    });
    expect(again.shifts).toHaveLength(31);
    // Shifts that started by 10 October 12:00 (1st–10th) are history and stay as they were.
    expect(again.shifts.slice(0, 10)).toEqual(first.shifts.slice(0, 10));
    expect(
      again.shifts.slice(10).every((x) => ['甲', '乙'].includes(x.leader) && ['丙', '丁'].includes(x.officer)),
    ).toBe(true);
    expect(again.changes.map((c) => c.kind)).toEqual(['生成', '重新生成']);
    expect(again.changes[1]!.reason).toBe('人员调整');
    await s.close();
  });

  it('exports the printable month sheet as XLSX into the exports folder', async () => {
    const dir = tempDir();
    const s = await makeServices(dir, { now: () => new Date('2025-09-20T10:00:00+08:00') });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    await expect(call('schedule:export', { month: '2025-10', format: 'xlsx' })).rejects.toThrow(/尚未生成/);
    await call('schedule:generate', { month: '2025-10', leaders: LEADERS, officers: OFFICERS });
    const file = await call('schedule:export', { month: '2025-10', format: 'xlsx' });
    expect(file.path.startsWith(`${dir}/exports/`)).toBe(true);
    expect(file.fileName).toMatch(/^2025年10月值班表-.*\.xlsx$/);
    const bytes = readFileSync(file.path);
    expect(Buffer.from(file.contentBase64, 'base64').equals(bytes)).toBe(true);
    const wb = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('2025年10月值班表');
    expect(ws.pageSetup.paperSize).toBe(9);
    // Title, the as-of line, then the header.
    expect(ws.getCell('A2').text).toMatch(/^截至\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}时\d{2}分$/);
    // ExcelJS types row values as a union; a written row is an array
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '日期',
      '星期',
      '类别',
      '值班时间',
      '带班领导',
      '值班员',
      '备注',
    ]);
    expect(ws.getCell('C4').value).toBe('法定节假日（国庆节）');
    await s.close();
  });
});
