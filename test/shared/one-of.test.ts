import { describe, expect, it } from 'vitest';
import { isOneOf } from '../../shared/one-of';

describe('isOneOf', () => {
  it('accepts only a string in the list, whatever else comes from outside', () => {
    const levels = ['一级', '二级'] as const;
    expect(isOneOf(levels, '一级')).toBe(true);
    expect(isOneOf(levels, '三级')).toBe(false);
    expect(isOneOf(levels, 1)).toBe(false);
    expect(isOneOf(levels, null)).toBe(false);
    expect(isOneOf(levels, ['一级'])).toBe(false);
  });
});
