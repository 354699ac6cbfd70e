import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/time';
import { dayKind, holidayDataNotice, packagedPeriods } from '../../../shared/schedule/index';
import { holidayNoticeProblems, holidaySourceText, statutoryPeriods } from '../../../shared/schedule/holiday-notice';

describe('a holiday notice entered by hand (国务院办公厅关于部分节假日安排的通知)', () => {
  it('starts from the statutory days of 放假办法 第二条 (2024 revision), which are themselves a sound notice', () => {
    const periods = statutoryPeriods(2027);
    expect(periods).toEqual([
      { festival: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] },
      { festival: '春节', from: '2027-02-05', to: '2027-02-08', workdays: [] },
      { festival: '清明节', from: '2027-04-05', to: '2027-04-05', workdays: [] },
      { festival: '劳动节', from: '2027-05-01', to: '2027-05-02', workdays: [] },
      { festival: '端午节', from: '2027-06-09', to: '2027-06-09', workdays: [] },
      { festival: '中秋节', from: '2027-09-15', to: '2027-09-15', workdays: [] },
      { festival: '国庆节', from: '2027-10-01', to: '2027-10-03', workdays: [] },
    ]);
    expect(holidayNoticeProblems({ year: 2027, title: '通知', docNo: '', periods })).toEqual([]);
  });

  it('a year the package covers starts from the package: saved unchanged, every day keeps its kind (2026 kept 春节)', () => {
    const periods = packagedPeriods(2026);
    expect(periods).toEqual([
      { festival: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
      { festival: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
      { festival: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
      { festival: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
      { festival: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
      { festival: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
      { festival: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
    ]);
    expect(holidayNoticeProblems({ year: 2026, title: '通知', docNo: '', periods: periods! })).toEqual([]);
    const notices = new Map([[2026, { periods: periods! }]]);
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      expect([d, dayKind(d, notices).kind]).toEqual([d, dayKind(d).kind]);
    }
    expect(packagedPeriods(2027)).toBeNull();
  });

  it('one run of days off for 国庆节 and 中秋节 (2025: 10月1日至8日) is a sound notice, as the package gives it', () => {
    const periods = packagedPeriods(2025)!;
    expect(periods.find((p) => p.festival === '国庆节')).toEqual({
      festival: '国庆节',
      from: '2025-10-01',
      to: '2025-10-08',
      workdays: ['2025-09-28', '2025-10-11'],
    });
    expect(periods.some((p) => p.festival === '中秋节')).toBe(false);
    expect(holidayNoticeProblems({ year: 2025, title: '通知', docNo: '', periods })).toEqual([]);
    // 2028: 中秋 falls on 10月3日, inside the one run the notice will give 国庆节、中秋节.
    const in2028 = statutoryPeriods(2028)
      .filter((p) => p.festival !== '中秋节')
      .map((p) => (p.festival === '国庆节' ? { ...p, to: '2028-10-08', workdays: ['2028-09-30'] } : p));
    expect(holidayNoticeProblems({ year: 2028, title: '通知', docNo: '', periods: in2028 })).toEqual([]);
    // A statutory day outside every day off is still refused.
    const without = periods.map((p) => (p.festival === '国庆节' ? { ...p, from: '2025-10-02' } : p));
    expect(holidayNoticeProblems({ year: 2025, title: '通知', docNo: '', periods: without })).toEqual([
      expect.objectContaining({
        message: '国庆节：10月1日是《全国年节及纪念日放假办法》第二条规定的假日，应在国庆节的放假日期之内',
      }),
    ]);
  });

  it('governs its whole year ahead of the package and the statutory days; other years are untouched', () => {
    const notices = new Map([
      [
        2027,
        { periods: [{ festival: '春节' as const, from: '2027-02-05', to: '2027-02-12', workdays: ['2027-02-20'] }] },
      ],
    ]);
    expect(dayKind('2027-02-10', notices)).toEqual({ kind: '法定节假日', name: '春节' });
    expect(dayKind('2027-02-20', notices)).toEqual({ kind: '调休上班', name: '春节' });
    // A year with a notice takes only the notice's days: 10-01 is not off unless the notice says so.
    expect(dayKind('2027-10-01', notices)).toEqual({ kind: '工作日' });
    expect(dayKind('2027-10-01')).toEqual({ kind: '法定节假日', name: '国庆节' });
    expect(dayKind('2026-10-01', notices)).toEqual({ kind: '法定节假日', name: '国庆节' });
    expect(holidayDataNotice(2027, notices)).toBeNull();
    expect(holidayDataNotice(2027)).toContain('2027年节假日安排尚未收录');
  });

  it('says where a year’s marks come from', () => {
    expect(
      holidaySourceText(
        2027,
        {
          title: '国务院办公厅关于2027年部分节假日安排的通知',
          docNo: '国办发明电〔2026〕7号',
          enteredAt: '',
          enteredBy: '系统管理员',
        },
        false,
      ),
    ).toBe('2027年节假日依据：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕7号），由系统管理员录入');
    expect(holidaySourceText(2026, undefined, true)).toContain('随软件提供');
    expect(holidaySourceText(2027, undefined, false)).toContain('《全国年节及纪念日放假办法》推算');
  });

  it('does not hold years before the 2024 revision to its statutory days', () => {
    const periods = [
      { festival: '春节' as const, from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
    ];
    expect(holidayNoticeProblems({ year: 2024, title: '通知', docNo: '', periods })).toEqual([]);
  });
});
