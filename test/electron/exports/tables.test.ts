import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dutyLogRangeTables, dutyLogTables, scheduleTables, statsTables } from '../../../electron/exports/tables';
import { toCsv } from '../../../electron/exports/csv';
import { toXlsx } from '../../../electron/exports/xlsx';
import { applySwap, generateMonth } from '../../../shared/schedule/index';
import { compileDutyLog, type DutyEvent } from '../../../shared/stats/duty-log';
import { computeStats } from '../../../shared/stats/index';

const events: DutyEvent[] = [
  {
    at: '2025-10-01T09:00:00+08:00',
    kind: '接报',
    incidentId: 1,
    incidentTitle: '应县某化工厂泄漏',
    text: '应县应急局电话报告',
    officer: '张伟',
  },
  {
    at: '2025-10-02T00:20:00+08:00',
    kind: '报告',
    incidentId: 1,
    incidentTitle: '应县某化工厂泄漏',
    text: '书面报告市政府',
    officer: '张伟',
  },
];

describe('dutyLogTables', () => {
  const log = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });

  it('is one compact sheet: the overview under the title, every record with its section, and survives a round trip through XLSX', async () => {
    const tables = dutyLogTables(log);
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t?.title).toBe('值班日志（2025年10月1日）');
    const lines = t?.subtitle?.split('\n') ?? [];
    expect(lines[0]).toBe('2025年10月1日 08:30 至 2025年10月2日 08:30　带班领导：王建国　值班员：张伟');
    expect(lines[1]).toContain('接报事件1起');
    expect(lines[1]).toContain('共2条记录');
    // Sections without records are named once instead of printing empty tables.
    expect(lines[2]).toMatch(/^无记录：.*电话记录/);
    expect(t?.rows).toEqual([
      {
        section: '接报情况',
        time: '09:00',
        kind: '接报',
        incident: '应县某化工厂泄漏',
        text: '应县应急局电话报告',
        officer: '张伟',
      },
      {
        section: '信息报送',
        time: '次日 00:20',
        kind: '报告',
        incident: '应县某化工厂泄漏',
        text: '书面报告市政府',
        officer: '张伟',
      },
    ]);
    const wb = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
    await wb.xlsx.load((await toXlsx(tables)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['值班日志']);
    // the workbook written just above has this sheet
    const sheet = wb.getWorksheet('值班日志') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('值班日志（2025年10月1日）');
    expect(sheet.getCell('A2').text).toContain('截至');
    // The overview lines get the height they need.
    expect(sheet.getRow(2).height).toBeGreaterThan(40);
    // ExcelJS types row values as a union; a written row is an array
    const values = (sheet.getRow(5).values as unknown[]).slice(1);
    // A time value (read back as a date on Excel's day 0), shown as 次日 00:20.
    expect(values[1]).toEqual(new Date(Date.UTC(1899, 11, 31, 0, 20)));
    expect(sheet.getCell('B5').numFmt).toBe('"次日 "hh:mm');
    expect([values[0], ...values.slice(2)]).toEqual(['信息报送', '报告', '应县某化工厂泄漏', '书面报告市政府', '张伟']);
  });

  it('flattens many days into a summary and a detail table', () => {
    const next = compileDutyLog({ day: '2025-10-02', events });
    const [summary, detail] = dutyLogRangeTables([log, next]);
    expect(summary?.subtitle).toBe('2025年10月1日至2025年10月2日');
    expect(summary?.rows.map((r) => [r.day, r.received, r.reports, r.total])).toEqual([
      ['2025-10-01', 1, 1, 2],
      ['2025-10-02', 0, 0, 0],
    ]);
    expect(detail?.rows.map((r) => [r.day, r.time, r.kind])).toEqual([
      ['2025-10-01', '09:00', '接报'],
      ['2025-10-01', '次日 00:20', '报告'],
    ]);
    expect(detail?.columns.map((c) => c.header)).toEqual(['值班日期', '时间', '类别', '事件', '内容', '记录人']);
  });
});

describe('scheduleTables', () => {
  it('prints the month with holiday names, overnight times and recorded swaps', () => {
    let s = generateMonth({
      month: '2025-10',
      leaders: ['王建国', '李明', '赵华'],
      officers: ['张伟', '刘洋', '陈静'],
    });
    const before = s[0]?.officer;
    s = applySwap(s, { date: '2025-10-01', field: 'officer', newPerson: '孙丽', reason: '因病请假' });
    const [sheet, counts] = scheduleTables(s);
    expect(sheet?.title).toBe('2025年10月值班表');
    expect(sheet?.rows).toHaveLength(31);
    expect(sheet?.rows[0]).toMatchObject({
      date: '10月1日',
      weekday: '星期三',
      kind: '法定节假日（国庆节）',
      time: '08:30—次日08:30',
      officer: '孙丽',
      note: `值班员由孙丽替${before}：因病请假`,
    });
    expect(sheet?.rows[10]).toMatchObject({ date: '10月11日', weekday: '星期六', kind: '调休上班（国庆节）' });
    expect(counts?.rows.reduce((n, r) => n + Number(r.total), 0)).toBe(62);
    const csv = toCsv(sheet!).toString('utf8');
    expect(csv).toContain('10月1日,星期三,法定节假日（国庆节）,08:30—次日08:30');
  });
});

describe('statsTables', () => {
  it('lays out the figures', () => {
    const stats = computeStats({
      incidents: [
        {
          id: 1,
          plan: '突发环境事件',
          level: '一般',
          places: ['应县'],
          receivedAt: '2025-10-01T09:00:00+08:00',
          drill: false,
        },
      ],
      clocks: [
        {
          incidentId: 1,
          plan: '突发环境事件',
          clockId: 'a',
          channel: 'phone',
          dueAt: '2025-10-01T10:00:00+08:00',
          completedAt: '2025-10-01T09:30:00+08:00',
          completedBy: '张伟',
        },
        { incidentId: 1, plan: '突发环境事件', clockId: 'b', channel: 'written', dueAt: '2025-10-01T10:00:00+08:00' },
      ],
      now: '2025-10-02T00:00:00+08:00',
    });
    const tables = statsTables(stats, '2025年10月');
    expect(tables.map((t) => t.title)).toContain('报告时限执行情况');
    const outcomes = tables.find((t) => t.title === '报告时限执行情况');
    expect(outcomes?.rows[0]).toEqual({ key: '合计', onTime: 1, late: 0, missed: 1, pending: 0, rate: '50.0%' });
    expect(tables.find((t) => t.title === '报告用时')?.rows[0]).toEqual({
      item: '接报至电话报告',
      minutes: '30.0',
      n: 1,
    });
  });
});
