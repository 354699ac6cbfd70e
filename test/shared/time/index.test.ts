import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEIJING_OFFSET_MS,
  addDays,
  addMonthsCst,
  chineseDate,
  chineseDateTime,
  parseDate,
  parseInstant,
  shanghaiClock,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiInstant,
  shanghaiParts,
  shanghaiTime,
  toIso,
  toShanghaiIso,
  weekdayOf,
} from '../../../shared/time';

describe('parseInstant', () => {
  it('reads every offset form to the same instant', () => {
    const ms = Date.UTC(2021, 8, 8, 2, 0, 0);
    for (const s of [
      '2021-09-08T10:00:00+08:00',
      '2021-09-08T10:00+08:00',
      '2021-09-08T10:00:00+0800',
      '2021-09-08T10:00:00+08',
      '2021-09-08 10:00:00+08:00',
      '2021-09-08T02:00:00Z',
      '2021-09-08T02:00:00.000Z',
      '2021-09-07T21:00:00-05:00',
    ]) {
      expect(parseInstant(s, '接报时间'), s).toBe(ms);
    }
    expect(parseInstant('2021-09-08T02:00:00.1239Z', 'x')).toBe(ms + 123);
  });

  it('refuses strings without an offset, impossible dates and non-strings, naming the field', () => {
    expect(() => parseInstant('2021-09-08T10:00:00', '接报时间')).toThrow(/^接报时间 .*须含时区/);
    expect(() => parseInstant('2021-02-29T10:00:00+08:00', '发生时间')).toThrow('发生时间 是不存在的日期或时刻');
    expect(() => parseInstant('2024-02-30T10:00:00+08:00', 'x')).toThrow(/不存在/);
    expect(() => parseInstant('2021-09-08T24:00:00+08:00', 'x')).toThrow(/不存在/);
    expect(() => parseInstant('2021-09-08T10:00:00+24:00', 'x')).toThrow(/时区偏移无效/);
    expect(() => parseInstant(1_700_000_000_000, '完成时间')).toThrow(
      '完成时间 应为 ISO 8601 时间字符串（含时区），实际为 number',
    );
    expect(() => parseInstant(null, 'x')).toThrow(/实际为 null/);
    expect(() => parseInstant('', 'x')).toThrow(/不是有效的 ISO 8601 时间/);
    expect(() => parseInstant('2021-09-08T10:00:00+08:00')).not.toThrow();
    expect(() => parseInstant('昨天')).toThrow(/^时间 /);
  });

  it('accepts 29 February in a leap year', () => {
    expect(toIso(parseInstant('2024-02-29T08:00:00+08:00', 'x'))).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads the stored form by position exactly as the general pattern reads it', () => {
    // The stored form of every instant from 1970 to 9999 reads back to it.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (t) => {
        expect(parseInstant(toIso(t))).toBe(t);
      }),
    );
    // Near misses of the stored form: the same answer, or the same refusal, as with a space after
    // them (which only the general pattern reads).
    const near = fc
      .tuple(
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        fc.nat({ max: 23 }),
        fc.constantFrom('0', '9', '3', '-', 'T', ':', '.', 'Z', 'x', '+'),
      )
      .map(([t, at, ch]) => {
        const iso = toIso(t);
        return iso.slice(0, at) + ch + iso.slice(at + 1);
      });
    fc.assert(
      fc.property(near, (text) => {
        const general = (): number => parseInstant(`${text} `, 'x');
        let expected: number | Error;
        try {
          expected = general();
        } catch (err) {
          expected = err as Error;
        }
        if (expected instanceof Error) expect(() => parseInstant(text, 'x')).toThrow();
        else expect(parseInstant(text, 'x')).toBe(expected);
      }),
    );
    expect(() => parseInstant('2025-02-29T00:00:00.000Z', 'x')).toThrow(/不存在/);
    expect(() => parseInstant('2025-13-01T00:00:00.000Z', 'x')).toThrow(/不存在/);
    expect(parseInstant('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(parseInstant('2000-02-29T00:00:00.000Z')).toBe(Date.UTC(2000, 1, 29));
    expect(() => parseInstant('1900-02-29T00:00:00.000Z', 'x')).toThrow(/不存在/);
  });

  it('names the field built by a function only when the value is refused', () => {
    let asked = 0;
    const name = (): string => {
      asked++;
      return 'events[7].at';
    };
    parseInstant('2025-10-01T02:03:04.567Z', name);
    parseInstant('2025-10-01T10:03:04+08:00', name);
    expect(asked).toBe(0);
    expect(() => parseInstant('10月1日', name)).toThrow(/^events\[7\]\.at 不是有效的/);
    expect(asked).toBe(1);
  });
});

describe('parseDate', () => {
  it('returns the parts of a real date and refuses others', () => {
    expect(parseDate('2026-02-28')).toEqual({ y: 2026, m: 2, d: 28 });
    expect(() => parseDate('2026-02-29', '值班日期')).toThrow('值班日期 不是有效日期：2026-02-29');
    expect(() => parseDate('2026-13-01')).toThrow(/不是有效日期/);
    expect(() => parseDate('2026-2-1', '值班日期')).toThrow('值班日期 应为 YYYY-MM-DD：2026-2-1');
    expect(() => parseDate(20260201)).toThrow(/^日期 应为 YYYY-MM-DD/);
  });
});

describe('Beijing time', () => {
  // 2026-11-29 16:05:09 UTC is 2026-11-30 00:05:09 in Beijing: the date rolls over at 16:00 UTC.
  const ms = Date.UTC(2026, 10, 29, 16, 5, 9);

  it('is UTC+8 all year, whatever the host zone', () => {
    expect(BEIJING_OFFSET_MS).toBe(8 * 3_600_000);
    expect(shanghaiParts(ms)).toEqual({ y: 2026, m: 11, d: 30, hh: 0, mm: 5, ss: 9, weekday: 1 });
    expect(shanghaiDate(ms)).toBe('2026-11-30');
    expect(shanghaiTime(ms)).toBe('00:05');
    expect(shanghaiClock(ms)).toBe('00:05:09');
    expect(shanghaiDateTime(ms)).toBe('2026-11-30 00:05');
    expect(toShanghaiIso(ms)).toBe('2026-11-30T00:05:09+08:00');
    expect(chineseDateTime(ms)).toBe('2026年11月30日 00:05');
    expect(chineseDate('2021-09-02')).toBe('2021年9月2日');
  });

  it('gives the Beijing HH:mm of any instant, before 1970 and at the edges of the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15 + 86_400_000, max: 8.64e15 - 86_400_000 }), (t) => {
        const p = shanghaiParts(t);
        expect(shanghaiTime(t)).toBe(`${String(p.hh).padStart(2, '0')}:${String(p.mm).padStart(2, '0')}`);
      }),
    );
    expect(shanghaiTime(Date.UTC(2026, 10, 29, 15, 59, 59, 999))).toBe('23:59');
    expect(shanghaiTime(Date.UTC(1960, 0, 1, 16, 0))).toBe('00:00');
  });

  it('round-trips: the Beijing wall clock written out parses back to the same instant', () => {
    for (const t of [0, ms, Date.UTC(2021, 0, 1, 15, 59, 59), Date.UTC(2024, 1, 29, 16, 0, 0)]) {
      expect(parseInstant(toShanghaiIso(t), 'x')).toBe(t - (t % 1000));
    }
  });

  it('finds the instant of a wall-clock time and does calendar arithmetic', () => {
    expect(toIso(shanghaiInstant('2025-10-01', 8 * 60 + 30))).toBe('2025-10-01T00:30:00.000Z');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-29')).toBe(0);
  });

  it('adds calendar months in Beijing time, clamped to the month end', () => {
    const at = (s: string) => parseInstant(s, 'x');
    expect(toShanghaiIso(addMonthsCst(at('2021-08-31T10:00:00+08:00'), 1))).toBe('2021-09-30T10:00:00+08:00');
    expect(toShanghaiIso(addMonthsCst(at('2023-08-31T10:00:00+08:00'), 6))).toBe('2024-02-29T10:00:00+08:00');
    expect(toShanghaiIso(addMonthsCst(at('2021-12-15T07:00:00+08:00'), 1))).toBe('2022-01-15T07:00:00+08:00');
    // 00:30 Beijing on 1 March is still 28 February in UTC: the month is counted in Beijing time.
    expect(toShanghaiIso(addMonthsCst(at('2021-03-01T00:30:00+08:00'), -1))).toBe('2021-02-01T00:30:00+08:00');
  });
});
