import { describe, expect, it } from 'vitest';
import { phoneTextProblem, splitPhones, validatePhone } from '../../../shared/rosters/phone';

describe('validatePhone', () => {
  it('accepts mobile numbers 1[3-9] + 9 digits, with spaces, dashes or +86', () => {
    for (const s of [
      '13912345678',
      '139 1234 5678',
      '139-1234-5678',
      '+86 13912345678',
      '８６13912345678'.replace('８６', '86'),
    ]) {
      expect(validatePhone(s)).toEqual({ ok: true, type: '手机', normalized: '13912345678' });
    }
  });

  it('rejects malformed mobiles when a mobile is expected', () => {
    for (const s of ['12912345678', '1391234567', '139123456789', 'abc']) {
      const r = validatePhone(s, '手机');
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.message).toContain('手机号码格式不正确');
    }
  });

  it('accepts landlines with or without area code, and extensions; Shuozhou 0349 is the default', () => {
    expect(validatePhone('0349-2021234')).toEqual({ ok: true, type: '固话', normalized: '0349-2021234' });
    expect(validatePhone('(0349)2021234')).toEqual({ ok: true, type: '固话', normalized: '0349-2021234' });
    expect(validatePhone('2021234')).toEqual({ ok: true, type: '固话', normalized: '0349-2021234' });
    expect(validatePhone('010-62345678转801')).toEqual({ ok: true, type: '固话', normalized: '010-62345678-801' });
    expect(validatePhone('0351 87654321-12')).toEqual({ ok: true, type: '固话', normalized: '0351-87654321-12' });
  });

  it('rejects malformed landlines and a mobile where a landline is expected', () => {
    expect(validatePhone('0349-12345', '固话').ok).toBe(false);
    expect(validatePhone('13912345678', '固话').ok).toBe(false);
    expect(validatePhone('0349-2021234', '手机').ok).toBe(false);
    expect(validatePhone('').ok).toBe(false);
  });

  it('keeps 红机 numbers as free text', () => {
    expect(validatePhone(' 红机 8123 ', '红机')).toEqual({ ok: true, type: '红机', normalized: '红机 8123' });
    expect(validatePhone('x'.repeat(21), '红机').ok).toBe(false);
  });

  it('splits cells holding several numbers', () => {
    expect(splitPhones('13912345678；0349-2021234、 2021235')).toEqual(['13912345678', '0349-2021234', '2021235']);
  });
});

describe('phoneTextProblem: the 联系电话 a caller gave, as typed', () => {
  it('accepts mobiles, landlines, extensions, short numbers and several numbers', () => {
    for (const s of [
      '13912345678',
      '139 1234 5678',
      '0349-2021234',
      '2021234',
      '0349-2021234转801',
      '110',
      '12369',
      '13912345678、0349-2021234',
      '13912345678；110',
    ]) {
      expect([s, phoneTextProblem(s)]).toEqual([s, null]);
    }
  });

  it('refuses letters and words, naming the number as typed', () => {
    expect(phoneTextProblem('abc123')).toBe(
      '联系电话格式不正确：abc123（应为手机号、固定电话如0349-2021234或短号，多个号码用、分隔）',
    );
    for (const s of ['找王科长', '1391234567a', '13912345678、电话打不通', '12']) {
      expect(phoneTextProblem(s), s).toContain('联系电话格式不正确');
    }
  });
});
