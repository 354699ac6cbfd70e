import { describe, expect, it } from 'vitest';
import {
  BLANK_REPORT_TIME,
  formatClock,
  formatDocNumber,
  formatOfficialDate,
  formatOfficialDateTime,
  formatReportTime,
} from '../../../shared/forms/format';

describe('official dates (Asia/Shanghai, UTC+8)', () => {
  it('writes dates without leading zeros', () => {
    expect(formatOfficialDate('2021-09-02')).toBe('2021年9月2日');
    expect(formatOfficialDate('2021-12-31')).toBe('2021年12月31日');
  });

  it('shifts instants by eight hours, across the date line', () => {
    expect(formatOfficialDateTime('2021-09-02T06:05:00Z')).toBe('2021年9月2日 14时05分');
    expect(formatOfficialDateTime('2021-09-02T16:30:00Z')).toBe('2021年9月3日 0时30分');
    expect(formatOfficialDateTime('2021-12-31T16:00:00Z')).toBe('2022年1月1日 0时00分');
    expect(formatOfficialDateTime('2021-09-02T14:05:00+08:00')).toBe('2021年9月2日 14时05分');
    expect(formatOfficialDate('2021-09-01T17:00:00Z')).toBe('2021年9月2日');
  });

  it('has no daylight saving time in summer', () => {
    expect(formatClock('2021-07-01T00:00:00Z')).toBe('08:00');
    expect(formatClock('2021-01-01T00:00:00Z')).toBe('08:00');
  });

  it('fills or leaves blank the 年 月 日 时 分 of the radiation forms', () => {
    expect(formatReportTime('2021-09-02T07:00:00Z')).toBe('2021年9月2日15时00分');
    expect(formatReportTime(undefined)).toBe(BLANK_REPORT_TIME);
    expect(BLANK_REPORT_TIME).toMatch(/年.*月.*日.*时.*分/);
  });

  it('rejects malformed or impossible dates, naming the field', () => {
    expect(() => formatOfficialDate('2021-02-30', '值班日期')).toThrow(/值班日期/);
    expect(() => formatOfficialDateTime('2021-09-02 14:05', '报送时间')).toThrow(/报送时间/);
    expect(() => formatOfficialDateTime('2021-09-02T14:05:00', '报送时间')).toThrow(/带时区/);
    expect(() => formatOfficialDate('yesterday')).toThrow(/日期/);
  });
});

describe('document numbers', () => {
  it('uses hexagonal brackets and no padding', () => {
    expect(formatDocNumber('朔政办发', 2021, 40)).toBe('朔政办发〔2021〕40号');
    expect(formatDocNumber('朔政办函', 2021, 94)).toBe('朔政办函〔2021〕94号');
  });

  it('rejects bad parts', () => {
    expect(() => formatDocNumber('', 2021, 1)).toThrow(/代字/);
    expect(() => formatDocNumber('朔政办发', 2021, 0)).toThrow(/顺序号/);
    expect(() => formatDocNumber('朔政办发', 21.5, 3)).toThrow(/年份/);
  });
});
